// docs/data.md against what pthv compiles in: every column of every table
// schema and every setting of pthv.yaml is documented, in order, and the
// page documents nothing else.

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <pthv/io/schema.hpp>
#include <pthv/io/settings.hpp>
#include <pthv/util/strings.hpp>

using namespace pthv;

namespace {

std::string read_doc(const std::string& name)
{
    std::ifstream in(std::string(PTHV_SOURCE_DIR) + "/docs/" + name);
    REQUIRE_MESSAGE(in, ("cannot read docs/" + name));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Per `## ` heading, the names in the first cell of its table rows, when
// written as code: "| `site_id` | ..." -> site_id. Rows such as "| any
// other column | ..." are prose, not names.
std::map<std::string, std::vector<std::string>> documented_names(const std::string& doc)
{
    std::map<std::string, std::vector<std::string>> out;
    std::string heading;
    for (const auto& line : util::split(doc, '\n')) {
        if (util::starts_with(line, "## ")) {
            heading = std::string(util::trim(line.substr(3)));
            out[heading];
        } else if (!heading.empty() && util::starts_with(line, "| `")) {
            const auto end = line.find('`', 3);
            if (end != std::string::npos)
                out[heading].push_back(line.substr(3, end - 3));
        }
    }
    return out;
}

} // namespace

TEST_CASE("docs/data.md")
{
    const auto doc = documented_names(read_doc("data.md"));

    SUBCASE("every file's columns, as its schema has them")
    {
        for (const auto& s : io::all_schemas()) {
            INFO(s.path);
            REQUIRE(doc.count(s.path));
            auto columns = s.column_names();
            if (!s.extra_prefix.empty())
                columns.push_back(s.extra_field.name); // surveys.csv's q_<question>
            CHECK(doc.at(s.path) == columns);
        }
    }
    SUBCASE("every setting of pthv.yaml, in order")
    {
        REQUIRE(doc.count("pthv.yaml"));
        std::vector<std::string> paths;
        for (const auto& s : io::settings())
            paths.emplace_back(s.path);
        CHECK(doc.at("pthv.yaml") == paths);
    }
    SUBCASE("no section documents a file pthv does not have")
    {
        for (const auto& [heading, names] : doc) {
            INFO(heading);
            bool known = heading == "CSV dialect" || heading == "pthv.yaml";
            for (const auto& s : io::all_schemas())
                known = known || heading == s.path;
            CHECK(known);
        }
    }
    SUBCASE("the reader can tell a column from prose")
    {
        const auto names =
            documented_names("## a.csv\n| column | type |\n|---|---|\n| `x` | id |\n"
                             "| any other column | text |\n## b.csv\n| `y` | date |\n");
        CHECK(names.at("a.csv") == std::vector<std::string>{"x"});
        CHECK(names.at("b.csv") == std::vector<std::string>{"y"});
    }
}
