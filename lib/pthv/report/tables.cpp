#include <pthv/report/tables.hpp>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::report {

std::int64_t per_mille(std::int64_t num, std::int64_t den)
{
    return den <= 0 ? 0 : (num * 2000 + den) / (2 * den);
}

namespace {

std::string tenths(std::int64_t pm)
{
    return fmt::format("{}.{}%", pm / 10, pm % 10);
}

} // namespace

std::string count_str(const Count& c, int min_cell)
{
    switch (c.shown) {
    case Shown::Below: return "<" + std::to_string(min_cell);
    case Shown::Withheld: return "*";
    case Shown::Exact: break;
    }
    return util::with_thousands(c.value);
}

std::string share_str(const Share& s)
{
    switch (s.shown) {
    case ShareShown::None: return "-";
    case ShareShown::Hidden: return "*";
    case ShareShown::AtLeast: return ">=" + tenths(s.bound_per_mille);
    case ShareShown::AtMost: return "<=" + tenths(s.bound_per_mille);
    case ShareShown::Exact: break;
    }
    return tenths(per_mille(s.num, s.den));
}

std::string report_title(const Figures& f)
{
    const std::string who = f.site_filter.empty() ? f.district : f.total.name + " (" + f.site_filter + ")";
    return fmt::format("{}: Parent Teacher Home Visits, {} report", who.empty() ? "PTHV" : who, f.period.label);
}

std::vector<std::string> report_preamble(const Figures& f)
{
    std::vector<std::string> out;
    out.push_back(fmt::format("Period {}..{}, as of {}.", f.period.from.str(), f.period.to.str(), f.as_of.str()));
    if (f.validate_errors > 0)
        out.push_back(fmt::format(
            "Validate finds {} and {} in this data: rows that could not be read are left out, and the "
            "fidelity table counts the visits concerned.",
            util::plural(static_cast<long long>(f.validate_errors), "error", "errors"),
            util::plural(static_cast<long long>(f.validate_warnings), "warning", "warnings")));
    if (f.is_public)
        out.push_back(fmt::format("Public report: no names or ids of staff or students; counts under {0} are "
                                  "shown as <{0}, and * marks a figure withheld so that a small count cannot be "
                                  "worked out from the others.",
                                  f.min_cell));
    return out;
}

Document report_document(const Figures& f)
{
    Document d{report_title(f), report_preamble(f), report_tables(f), static_cast<std::size_t>(-1)};
    if (f.validate_errors > 0)
        d.alert_line = 1;
    return d;
}

} // namespace pthv::report
