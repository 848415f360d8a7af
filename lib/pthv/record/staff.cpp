#include <pthv/record/staff.hpp>

#include <pthv/model/money.hpp>

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
    model::Problems missing;
    auto changed = edit_row(current.sources, "staff.csv", header, s->line, [&](Fields& fields) {
        for (const auto& [field, value] : changes)
            fields[field] = value;
        missing = column_refusals("staff.csv", header, fields);
    });
    if (!missing.empty())
        out.refused = missing.front().message + "; " + missing.front().advice + ". Nothing was written.";
    else if (!changed)
        out.refused = "staff.csv: line " + std::to_string(s->line) + " not found; nothing was written";
    else
        out.row = std::move(*changed);
    return out;
}

} // namespace pthv::record
