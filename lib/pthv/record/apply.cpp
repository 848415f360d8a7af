#include <pthv/record/apply.hpp>

#include <fmt/format.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

Opened open_change(const std::filesystem::path& root, const std::string& file, model::Date as_of,
                   std::shared_ptr<const io::Scope> scope, bool create)
{
    Opened o;
    try {
        o.current = load_current(root, file, as_of, std::move(scope), create);
    } catch (const util::FileError& e) {
        o.refused = Refusal{{}, e.what()};
        return o;
    }
    auto bad = unwritable(o.current.loaded, file);
    if (!bad.empty())
        o.refused = Refusal{std::move(bad), file + " cannot be read, so nothing can be added to it safely; fix it "
                                                   "first (pthv validate lists the problems). Nothing was written."};
    return o;
}

std::optional<Refusal> unreadable_refusal(const model::Problems& unreadable, bool config_ok, const std::string& doing,
                                          const std::string& tail)
{
    if (unreadable.empty() && config_ok)
        return std::nullopt;
    std::string message = fmt::format(
        "cannot {}: {} cannot be read (listed above){}", doing,
        util::plural(static_cast<long long>(unreadable.size()), "file problem", "file problems"), tail);
    return Refusal{unreadable, std::move(message)};
}

std::string columns_refusal(const std::string& file, const std::vector<std::string>& header, const Fields& fields,
                            bool add_optional)
{
    const auto refused = column_refusals(file, header, fields, add_optional);
    return refused.empty() ? std::string()
                           : refused.front().message + "; " + refused.front().advice + ". Nothing was written.";
}

EditCheck check_named(const Current& current, const Edit& edit, model::Date as_of,
                      const std::map<std::string, std::string>& option_of)
{
    EditCheck check = check_change(current, edit, as_of);
    name_options(check.refused, edit, option_of);
    return check;
}

std::string problem_lines(const model::Problems& problems, bool color, bool hints)
{
    std::string out;
    for (const auto& p : problems) {
        out += model::format_problem_line(p, color);
        if (hints && !p.advice.empty())
            out += "    hint: " + util::printable(p.advice) + "\n";
    }
    return out;
}

std::string refused_text(const model::Problems& refused, const std::string& what, const std::string& file,
                         bool color)
{
    return problem_lines(refused, color) +
           fmt::format("pthv: error: {} refused: {}; {} is unchanged\n", what,
                       util::plural(static_cast<long long>(refused.size()), "data-integrity error",
                                    "data-integrity errors"),
                       file);
}

std::string added_columns_note(const Edit& edit, bool dry_run)
{
    if (edit.added_columns.empty())
        return {};
    return fmt::format("pthv: {} {} the {} {} to its header, empty in the rows before\n", edit.file,
                       dry_run ? "would add" : "added", edit.added_columns.size() == 1 ? "column" : "columns",
                       util::join(edit.added_columns, ", "));
}

std::string recorded_text(const Recorded& r, const model::Problems& findings, bool color)
{
    std::string out;
    if (!r.quiet || r.dry_run)
        out += util::printable_text(r.done); // it may echo a row of the file
    if (!findings.empty())
        out += fmt::format("{} {} {}, with {}:\n", r.what, r.dry_run ? "would be recorded in" : "was recorded in",
                           r.file, util::plural(static_cast<long long>(findings.size()), "finding", "findings"));
    out += problem_lines(findings, color);
    if (r.dry_run && !r.quiet)
        out += "(dry run: nothing was written)\n";
    return out;
}

} // namespace pthv::record
