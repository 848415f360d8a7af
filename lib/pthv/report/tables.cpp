#include <pthv/report/tables.hpp>

#include <fmt/format.h>

#include <pthv/report/publication.hpp>
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

std::string tenths_plain(std::int64_t pm)
{
    return fmt::format("{}.{}", pm / 10, pm % 10);
}

} // namespace

Cell Cell::of(std::string text)
{
    Cell c;
    c.text = std::move(text);
    return c;
}

Cell Cell::of(std::string text, std::string tidy)
{
    Cell c = of(std::move(text));
    c.tidy_text = std::move(tidy);
    return c;
}

Cell Cell::num(std::int64_t n)
{
    Cell c;
    c.kind = Kind::Number;
    c.number = n;
    return c;
}

Cell Cell::decimal(std::string text)
{
    Cell c;
    c.kind = Kind::Decimal;
    c.text = std::move(text);
    return c;
}

Cell Cell::of(const Count& n)
{
    Cell c;
    c.kind = Kind::CountOf;
    c.count = n;
    return c;
}

Cell Cell::of(const Share& s)
{
    Cell c;
    c.kind = Kind::ShareOf;
    c.share = s;
    return c;
}

Cell Cell::of(const model::Money& m, bool withheld)
{
    Cell c;
    c.kind = Kind::MoneyOf;
    c.money = m;
    c.withheld = withheld;
    return c;
}

Cell Cell::missing()
{
    Cell c;
    c.kind = Kind::Missing;
    return c;
}

Cell Cell::suppressed()
{
    Cell c;
    c.kind = Kind::Suppressed;
    return c;
}

Cell Cell::bound(std::string text)
{
    Cell c;
    c.kind = Kind::Suppressed;
    c.text = std::move(text);
    return c;
}

std::string hundredths_str(std::int64_t hundredths)
{
    return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

std::string representation_bound_str(const SubgroupRow& r)
{
    return (r.representation_bound == ShareShown::AtLeast ? ">=" : "<=") +
           hundredths_str(r.representation_bound_hundredths);
}

TidyValue share_tidy(const Share& s)
{
    switch (s.shown) {
    case ShareShown::None: return {};
    case ShareShown::Hidden:
    case ShareShown::AtLeast:
    case ShareShown::AtMost: return {{}, true};
    case ShareShown::Exact: break;
    }
    return {tenths_plain(per_mille(s.num, s.den)), false, true};
}

namespace {

std::string for_people(const Cell& c, int min_cell)
{
    switch (c.kind) {
    case Cell::Kind::Text:
    case Cell::Kind::Decimal: return c.text;
    case Cell::Kind::Number: return std::to_string(c.number);
    case Cell::Kind::CountOf: return count_str(c.count, min_cell);
    case Cell::Kind::ShareOf: return share_str(c.share);
    case Cell::Kind::MoneyOf: return c.withheld ? "*" : c.money.grouped();
    case Cell::Kind::Suppressed: return c.text.empty() ? "*" : c.text;
    case Cell::Kind::Missing: break;
    }
    return "-";
}

TidyValue for_programs(const Cell& c)
{
    switch (c.kind) {
    case Cell::Kind::Text: return {c.tidy_text.value_or(c.text), false};
    case Cell::Kind::Number: return {std::to_string(c.number), false, true};
    case Cell::Kind::Decimal: return {c.text, false, true};
    case Cell::Kind::CountOf:
        return c.count.hidden() ? TidyValue{{}, true} : TidyValue{std::to_string(c.count.value), false, true};
    case Cell::Kind::ShareOf: return share_tidy(c.share);
    case Cell::Kind::MoneyOf: return c.withheld ? TidyValue{{}, true} : TidyValue{c.money.str(), false, true};
    case Cell::Kind::Suppressed: return {{}, true};
    case Cell::Kind::Missing: break;
    }
    return {};
}

} // namespace

void Table::add(const std::vector<Cell>& cells, RowFor rf)
{
    if (rf != RowFor::Programs) {
        std::vector<std::string> row;
        row.reserve(cells.size());
        for (const auto& c : cells)
            row.push_back(for_people(c, min_cell));
        rows.push_back(std::move(row));
    }
    if (rf != RowFor::People) {
        std::vector<TidyValue> row;
        row.reserve(cells.size());
        for (const auto& c : cells)
            row.push_back(for_programs(c));
        tidy.push_back(std::move(row));
    }
}

std::string count_str(const Count& c, int min_cell)
{
    switch (c.shown) {
    case Shown::Below: return "<" + std::to_string(min_cell);
    case Shown::Withheld: return c.at_least > 0 ? ">=" + util::with_thousands(c.at_least) : "*";
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

std::string month_name(const std::string& key)
{
    static const char* const k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto first = model::parse_month(key);
    if (!first)
        return key;
    return fmt::format("{} {}", k_months[first->month() - 1], first->year());
}

bool month_is_partial(const std::string& key, const model::Period& period)
{
    const auto first = model::parse_month(key);
    if (!first)
        return false;
    const model::Date last = first->add_months(1).add_days(-1);
    return (period.from > *first && period.from <= last) || (period.to >= *first && period.to < last);
}

std::string month_label(const std::string& key, const model::Period& period)
{
    return month_is_partial(key, period) ? month_name(key) + " (partial)" : month_name(key);
}

std::string partial_month_note(const model::Period& period)
{
    return fmt::format("partial: the period runs {}..{}, so a month it starts or ends inside counts only those "
                       "days, not the whole month",
                       period.from.str(), period.to.str());
}

std::string human_label(std::string_view id)
{
    std::string out;
    for (const auto& word : util::split(id, '_')) {
        if (!out.empty())
            out += ' ';
        out += word == "pthv" ? std::string("PTHV") : std::string(word);
    }
    return out;
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
    // Only what holds for the period shown; a public report is read by
    // people with no terminal, so it names no command.
    const bool findings = f.period_errors > 0 || f.period_warnings > 0;
    if (findings || f.rows_left_out) {
        std::string line;
        // A public report says whether, not how many: a period's findings
        // are mostly visits that fell short of a practice, counts that its
        // fidelity table gives only as "<N" or a bound ("1 error" in a
        // month says one visit at most). It prints no count the
        // publication set does not hold.
        if (findings && f.is_public)
            line = fmt::format("The data check finds {} in the records of this period.",
                               f.period_errors > 0 && f.period_warnings > 0 ? "errors and warnings"
                               : f.period_errors > 0                        ? "errors"
                                                                            : "warnings");
        else if (findings)
            line = fmt::format("Validate finds {} and {} in the records of this period (`pthv validate` lists them).",
                               util::plural(static_cast<long long>(f.period_errors), "error", "errors"),
                               util::plural(static_cast<long long>(f.period_warnings), "warning", "warnings"));
        if (f.rows_left_out)
            line += std::string(line.empty() ? "" : " ") + "What could not be read as CSV is left out.";
        if (f.cells_unread > 0)
            line += fmt::format(" {} that could not be read {} counted as unknown.",
                                util::plural(static_cast<long long>(f.cells_unread), "cell", "cells"),
                                f.cells_unread == 1 ? "is" : "are");
        if (f.practice_findings > 0)
            line += " The fidelity table counts the visits with findings as falling short.";
        out.push_back(std::move(line));
    }
    if (f.is_public) {
        out.push_back(fmt::format("Public report: no names or ids of staff or students; every count under {0}, "
                                  "zero included, is shown as <{0}, and * marks a figure withheld so that no small "
                                  "count can be worked out from this or any other public report of the year.",
                                  f.min_cell));
        if (!f.breakdowns)
            out.push_back("A month is given here by site and in total: its visits by mode and language, its first "
                          "and second visits, the training sessions held in it and its surveys are broken down in "
                          "the public reports of the half year and the year, where fewer of those figures are small.");
        if (!f.period.counted_as.empty()) {
            const std::string range = f.period.from.str() + ".." + f.period.to.str();
            const std::string shown =
                f.period.counted_as == range ? range : f.period.counted_as + " (" + range + ")";
            out.push_back(fmt::format(
                "{0} runs to {1} and has not ended: until it does, this report shows the figures of {2}, the "
                "longest period of the district's public reports that begins with it and has ended, and "
                "changes next on {3}. A figure posted once is never posted again with a few more visits: the "
                "two together would give those visits away.",
                f.period.label, f.period.runs_to.str(), shown, first_posting_day(f.period.next_counted).str()));
        }

    }
    return out;
}

Document report_document(const Figures& f)
{
    Document d{report_title(f), report_preamble(f), report_tables(f), static_cast<std::size_t>(-1)};
    if (f.period_errors > 0 || f.rows_left_out)
        d.alert_line = 1;
    return d;
}

} // namespace pthv::report
