// The shell completion's data (cli/completion.hpp, cli/formats.hpp): the
// values an option takes, looked up by command then for any command, and
// the bash tables made from a command tree.

#include <doctest/doctest.h>

#include <string>

#include <pthv/cli/completion.hpp>
#include <pthv/cli/formats.hpp>

using namespace pthv;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

cli::OptionInfo option(std::vector<std::string> longs, int items, std::string type = "")
{
    return {{}, std::move(longs), "", std::move(type), items};
}

} // namespace

TEST_CASE("cli::value_spec: a command's own row wins over the row for any command")
{
    CHECK(cli::value_spec("roster add", "--site") == "i:sites.csv:site_id");
    CHECK(cli::value_spec("payroll", "--from") == "t");
    CHECK(cli::value_spec("init", "--from") == "d");
    CHECK(cli::value_spec("validate", "--no-such-option") == std::nullopt);
}

TEST_CASE("cli::value_spec: --format offers the command's formats, every format before a command")
{
    CHECK(cli::value_spec("schema", "--format") == "w:text yaml");
    CHECK(cli::value_spec("log-visit", "--format") == "w:text");
    const auto all = cli::value_spec("", "--format");
    REQUIRE(all);
    for (const char* f : {"text", "json", "github", "yaml", "eml"})
        CHECK_MESSAGE(has(*all, f), f);
    CHECK(cli::formats_of("report").front() == "text");
}

TEST_CASE("cli::bash_completion: commands, options and values as bash arrays, then the functions")
{
    cli::CommandInfo root{"pthv", {option({"color"}, 1, "WHEN:{auto,always,never}")}, {}};
    cli::CommandInfo remind{"remind", {option({"days"}, 1), option({"to"}, 2), option({"dry"}, 0)}, {}};
    remind.options.push_back({{}, {}, "ID", "", 2});
    root.commands.push_back(remind);
    const std::string script = cli::bash_completion(root, "_pthv() { :; }\n");
    CHECK(has(script, "    ['pthv']='remind'\n"));
    CHECK(has(script, "    ['pthv remind']='--days --to --dry'\n"));
    CHECK(has(script, "    ['pthv|--color']='w:auto always never'\n"));
    CHECK(has(script, "    ['pthv remind|--days']='-'\n"));
    CHECK(has(script, "    ['pthv remind|--to']='+i:staff.csv:staff_id'\n"));
    CHECK(has(script, "    ['pthv remind|--dry']='x'\n"));
    CHECK(has(script, "    ['pthv remind|--format']='w:text md json eml'\n"));
    // A positional of no row: file names, and said in a comment.
    CHECK(has(script, "    ['pthv remind|#1']='f'\n"));
    CHECK(has(script, "# unclassified: remind ID"));
    CHECK(script.substr(script.size() - 15) == "_pthv() { :; }\n");
}
