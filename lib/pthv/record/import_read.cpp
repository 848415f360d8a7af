#include <pthv/record/import_read.hpp>

#include <fmt/format.h>

#include <pthv/record/visit_import.hpp>

namespace pthv::record {

namespace {

// Why `path`, given to `option`, cannot be read: "" when it can.
std::string missing_input(const std::string& path, const char* option)
{
    return util::file_exists(path) ? std::string() : std::string(option) + " " + path + ": no such file";
}

// The export `file` and its header into `e`, or why not.
void open_export(ImportInput& e, const std::string& file, const char* option)
{
    if (auto why = missing_input(file, option); !why.empty()) {
        e.refused = Refusal{{}, std::move(why)};
        return;
    }
    try {
        e.text = util::FileText::open(file); // mapped when large: the rows are read from it one at a time
    } catch (const util::FileError& error) {
        e.refused = Refusal{{}, error.what()};
        return;
    }
    model::Problems problems;
    e.head = export_head(file, e.text, problems);
    if (!problems.empty())
        e.refused = Refusal{std::move(problems), file + " is not well-formed CSV; nothing was written"};
    else if (e.head.delimiter != ',')
        e.note = fmt::format(
            "note: {} is separated by \"{}\", as Excel saves CSV in some languages; it is read so\n", file,
            e.head.delimiter);
}

// The map of `map_file` for `target` into `c`, or why not.
void choose_import_map(ImportInput& c, const std::string& export_file, const std::string& map_file,
                       const ImportTarget& target)
{
    const io::CsvTable& head = c.head;
    model::Problems problems;
    if (map_file.empty()) {
        c.map = identity_map(head, problems, target);
    } else {
        if (auto why = missing_input(map_file, "--map"); !why.empty()) {
            c.refused = Refusal{{}, std::move(why)};
            return;
        }
        std::string text;
        try {
            text = util::read_file(map_file);
        } catch (const util::FileError& error) {
            c.refused = Refusal{{}, error.what()};
            return;
        }
        if (auto parsed = parse_import_map(map_file, text, problems, target)) {
            c.map = std::move(*parsed);
            check_map_columns(map_file, c.map, head, problems);
        }
    }
    if (!problems.empty())
        c.refused = Refusal{std::move(problems), (map_file.empty() ? export_file : map_file) +
                                                     " cannot be used; nothing was written"};
}

} // namespace

ImportInput read_import(const std::string& file, const char* option, const std::string& map_file,
                        const ImportTarget& target)
{
    ImportInput in;
    open_export(in, file, option);
    if (!in.refused)
        choose_import_map(in, file, map_file, target);
    return in;
}

std::string import_problem_lines(const model::Problems& problems)
{
    std::string text;
    for (const auto& p : problems) {
        const std::string where = p.line > 0 ? fmt::format("{}:{}", p.file, p.line) : p.file;
        text += p.rule.empty() ? fmt::format("{}: error: {}\n", where, p.message)
                               : model::format_problem_line(p, false);
        if (!p.advice.empty())
            text += "    hint: " + p.advice + "\n";
    }
    return text;
}

} // namespace pthv::record
