#pragma once
// Where the help finds the documents it cites. The help names documents as
// docs/NAME.md, their place in the source tree; `make install` copies them
// to PREFIX/share/doc/pthv, and an installed pthv cites them there, so a
// user who never saw the source tree can open them.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

namespace pthv::cmd {

// The folder of the installed documents: $PTHV_DOC_DIR when set (the build
// writes the man pages with the folder they are installed beside), else
// ../share/doc/pthv from the running binary when it holds rules.md; "" for
// a pthv run from its build tree, which cites docs/ of the source tree.
std::string installed_doc_dir();

// `text` with each docs/NAME.md that `doc_dir` holds named as
// doc_dir/NAME.md; unchanged when doc_dir is "".
std::string cite_docs(const std::string& text, const std::string& doc_dir);

// CLI11's help, with the documents cited where they are (cite_docs). Set
// it on the app before adding commands: a command copies its parent's
// formatter when it is made.
std::shared_ptr<CLI::Formatter> doc_citing_formatter();

} // namespace pthv::cmd
