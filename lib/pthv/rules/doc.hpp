#pragma once
// docs/rules.md read as entries, one `## <id>` heading each (`pthv explain`).
// The document is compiled into the binary, so an entry always matches it;
// tests hold the entries to the registry.

#include <string>
#include <string_view>
#include <vector>

namespace pthv::rules {

// One entry: the id and its text, heading included, up to the next `## `
// heading, without trailing blank lines.
struct DocEntry {
    std::string id;
    std::string_view text;
};

// The entries of `doc` (a view into it), in its order.
std::vector<DocEntry> doc_entries(std::string_view doc);

// The entry's first paragraph after the heading, on one line: what the
// rule means.
std::string doc_summary(const DocEntry& e);

// `pthv explain RULE`: the entry of `id`, with a line break after it; or,
// for an empty id, every id with its summary. Empty, with `why` set (the
// closest id), for an id no entry has.
std::string explain_text(std::string_view doc, const std::string& id, std::string& why);

} // namespace pthv::rules
