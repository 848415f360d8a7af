// Reading a form export and its map for an import (common.hpp): log-visit
// --import and survey import read them the same way (docs/import.md).

#include <cstdio>
#include <fmt/format.h>

#include "common.hpp"

#include <pthv/io/csv.hpp>
#include <pthv/record/visit_import.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

void check_exists(const std::string& path, const char* option)
{
    if (!util::file_exists(path))
        throw UsageError(std::string(option) + " " + path + ": no such file");
}

std::string read_input(const std::string& path, const char* option)
{
    check_exists(path, option);
    try {
        return util::read_file(path);
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
}

} // namespace

void refuse(const model::Problems& problems, const std::string& why)
{
    std::string text;
    for (const auto& p : problems) {
        const std::string where = p.line > 0 ? fmt::format("{}:{}", p.file, p.line) : p.file;
        text += p.rule.empty() ? fmt::format("{}: error: {}\n", where, p.message)
                               : format_problem_line(p, false);
        if (!p.advice.empty())
            text += "    hint: " + p.advice + "\n";
    }
    std::fputs(text.c_str(), stderr);
    throw UsageError(why);
}

io::CsvTable read_export(const std::string& file, const char* option, util::FileText& text)
{
    model::Problems problems;
    check_exists(file, option);
    try {
        text = util::FileText::open(file); // mapped when large: the rows are read from it one at a time
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    io::CsvTable table = record::export_head(file, text, problems);
    if (!problems.empty())
        refuse(problems, file + " is not well-formed CSV; nothing was written");
    if (table.delimiter != ',')
        std::fputs(fmt::format("note: {} is separated by \"{}\", as Excel saves CSV in some languages; it is read "
                               "so\n",
                               file, table.delimiter)
                       .c_str(),
                   stderr);
    return table;
}

record::ImportMap load_import_map(const std::string& export_file, const std::string& map_file,
                                  const io::CsvTable& table, const record::ImportTarget& target)
{
    model::Problems problems;
    record::ImportMap map;
    if (map_file.empty()) {
        map = record::identity_map(table, problems, target);
    } else {
        auto parsed = record::parse_import_map(map_file, read_input(map_file, "--map"), problems, target);
        if (parsed) {
            map = std::move(*parsed);
            record::check_map_columns(map_file, map, table, problems);
        }
    }
    if (!problems.empty())
        refuse(problems, (map_file.empty() ? export_file : map_file) + " cannot be used; nothing was written");
    return map;
}

} // namespace pthv::cmd
