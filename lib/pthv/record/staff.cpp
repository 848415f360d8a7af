#include <pthv/record/staff.hpp>

#include <fmt/format.h>

#include <pthv/model/money.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

std::string hourly_rate_refusal(const std::string& text)
{
    if (text.empty())
        return {};
    const auto m = model::Money::parse(text);
    if (!m || m->cents() < 0)
        return "not an amount of money (like 27.35)";
    if (!m->within_limit())
        return "more than " + model::Money::max_amount().grouped() + ", the largest amount pthv accepts";
    return {};
}

StaffChange change_staff(const Current& current, const std::string& id, const Fields& changes)
{
    StaffChange out;
    const model::Repo& repo = current.loaded.repo;
    const model::Staff* s = repo.find(repo.names.staff.find(id));
    if (!s) {
        out.refused = "roster set " + id + ": no staff member has this id" +
                      model::did_you_mean(repo.names.staff.closest(id)) + " Nothing was written.";
        return out;
    }
    out.line = s->line;
    const auto& header = repo.files.at("staff.csv").header;
    auto changed = edit_row(current.sources, "staff.csv", header, s->line, [&](Fields& fields) {
        for (const auto& [field, value] : changes)
            fields[field] = value;
        out.refused = columns_refusal("staff.csv", header, fields);
    });
    if (!out.refused.empty())
        return out;
    if (!changed)
        out.refused = "staff.csv: line " + std::to_string(s->line) + " not found; nothing was written";
    else
        out.row = std::move(*changed);
    return out;
}

NewRows add_staff(const Current& current, const std::string& id, Fields fields, bool dry_run)
{
    fields["staff_id"] = id;
    if (!fields.count("active"))
        fields["active"] = "yes";
    NewRows out;
    out.what = "staff member " + id;
    out.refused = columns_refusal("staff.csv", current.loaded.repo.files.at("staff.csv").header, fields);
    if (!out.refused.empty())
        return out;
    out.edit = append_records(current, "staff.csv", {fields});
    out.done = dry_run ? fmt::format("would add to staff.csv line {}:\n  {}\n", *out.edit.lines.begin(),
                                     util::trim(out.edit.rows))
                       : fmt::format("added {} to staff.csv\n", id);
    return out;
}

std::string staff_change_text(const std::string& id, const StaffChange& c, bool dry_run)
{
    return dry_run ? fmt::format("would change staff.csv line {} to:\n  {}\n", c.line, c.row.text)
                   : fmt::format("changed {} in staff.csv\n", id);
}

} // namespace pthv::record
