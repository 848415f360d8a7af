#include <pthv/pay/render.hpp>

#include <algorithm>
#include <iterator>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/io/csv.hpp>
#include <pthv/pay/ledger.hpp>
#include <pthv/pay/rates.hpp>
#include <pthv/util/parallel.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::pay {

namespace {

// The items of one staff member: [begin, end) of view.items.
struct StaffSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::vector<StaffSpan> by_staff(const std::vector<PayItem>& items)
{
    std::vector<StaffSpan> out;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (out.empty() || items[out.back().begin].staff != items[i].staff)
            out.push_back({i, i + 1});
        else
            out.back().end = i + 1;
    return out;
}

// The items of one staff member, in place: no copy of a million items.
model::Span<PayItem> slice(const std::vector<PayItem>& items, StaffSpan s)
{
    return {items.data() + s.begin, s.end - s.begin};
}

// The visit pay rule of a staff member, as a heading says it.
std::string staff_rule(const model::Repo& repo, const model::Staff* s)
{
    if (!s)
        return "not in staff.csv";
    const auto rule = pay_rule(repo.config, *s);
    const std::string cls = s->staff_class ? std::string(model::enum_name(*s->staff_class)) : "no class";
    const std::string text = rule ? rule_text(*rule, *s) : std::string{};
    return cls + ", " + (text.empty() ? "no pay rule" : text);
}

// How the amount came about: "75 min x 27.35/h", "40 min, paid 60 (minimum)".
std::string detail(const PayItem& item)
{
    if (item.kind == ItemKind::Training)
        return item.rate ? fmt::format("{} h x {}/h", hours_str(item.hours_x100.value_or(0)), item.rate->str())
                         : fmt::format("{} h", hours_str(item.hours_x100.value_or(0)));
    if (item.paid_minutes > item.minutes)
        return fmt::format("{} min, paid {} (minimum)", item.minutes, item.paid_minutes);
    if (item.paid_minutes > 0)
        return fmt::format("{} min x {}/h", item.minutes, item.rate->str());
    return fmt::format("{} min", item.minutes);
}

std::string status_text(ItemStatus s)
{
    switch (s) {
    case ItemStatus::Paid: return "";
    case ItemStatus::Late: return "late";
    case ItemStatus::Held: return "held";
    case ItemStatus::OverCap: return "over cap";
    case ItemStatus::SchoolDay: return "school day";
    case ItemStatus::Unconfirmed: return "unconfirmed";
    }
    return "";
}

std::string site_name(const model::Repo& repo, const std::string& id)
{
    const model::Site* s = repo.find(repo.names.sites.find(id));
    return s ? std::string(s->name) : std::string("(not in sites.csv)");
}

std::string source_text(std::string_view source) { return source.empty() ? "(none)" : std::string(source); }

// The heading: the period, the district, and what the list holds.
std::string heading(const PayrollView& v)
{
    const auto& repo = v.repo;
    return fmt::format("Payroll {} ({} to {}), {}\n", v.period.label, v.period.from.str(), v.period.to.str(),
                       repo.config.district) +
           fmt::format("Unpaid items dated {} to {} that no closed pay period holds, as of {}.\n"
                       "late: dated before this period and never paid, so paid now. held, over cap, school "
                       "day: listed, not paid.\n",
                       repo.config.school_year.start.str(), v.period.to.str(), repo.as_of.str());
}

// Appends `text` padded with spaces to `width` columns, on the left when
// `right` (as fmt's {:>N}), else on the right ({:<N}). ASCII is padded by
// hand, a line per pay item being most of a state's payroll; other text by
// fmt, which counts a wide character as two columns.
void put_padded(std::string& out, std::string_view text, std::size_t width, bool right)
{
    if (!std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        if (right)
            fmt::format_to(std::back_inserter(out), "{:>{}}", text, width);
        else
            fmt::format_to(std::back_inserter(out), "{:<{}}", text, width);
        return;
    }
    const std::size_t pad = text.size() < width ? width - text.size() : 0;
    if (right)
        out.append(pad, ' ');
    out += text;
    if (!right)
        out.append(pad, ' ');
}

// One staff member's items under a line naming them and their pay rule,
// then their total.
std::string staff_text(const model::Repo& repo, model::Span<PayItem> items)
{
    const model::StaffId id = items.front().staff;
    const model::Staff* s = repo.find(id);
    std::string out = fmt::format("\n{}  {}{}: {}\n", repo.id(id), s ? s->name : std::string_view{},
                                  s ? fmt::format(" ({}, {})", s->role, repo.id(s->site)) : std::string{},
                                  staff_rule(repo, s));
    for (const auto& item : items) {
        // The status column fits the longest status, "unconfirmed".
        out += "  ";
        out += item.date.str();
        out += "  ";
        put_padded(out, item_kind_name(item.kind), 8, false);
        out += "  ";
        put_padded(out, item.training ? std::string_view(item_id(repo, item)) : repo.id(item.visit), 20, false);
        out += "  ";
        put_padded(out, detail(item), 26, false);
        out += "  ";
        put_padded(out, status_text(item.status), 11, false);
        out += "  ";
        put_padded(out, item.amount.grouped(), 10, true);
        out += '\n';
        // "late" in the status column says it all; the CSV and JSON keep the note.
        if (!item.note.empty() && item.status != ItemStatus::Late)
            out.append("      ").append(item.note).append("\n");
        for (const auto& p : item.findings)
            out += "      " + model::format_problem_line(p, false);
    }
    const auto t = pay_totals(items);
    const std::string paid = util::plural(static_cast<long long>(t.paid), "item paid", "items paid");
    out += fmt::format("  {:<85}  {:>10}\n", "total, " + paid, t.amount.grouped());
    return out;
}

// The counts of every item by status, and the amount to pay.
std::string summary(const PayTotals& t)
{
    const auto count = [](std::size_t n) { return util::with_thousands(static_cast<long long>(n)); };
    std::string out =
        fmt::format("\n{} {}: {} to pay ({} late), {}; {} held; {} over the cap; {} in the school day.\n",
                    count(t.items), t.items == 1 ? "item" : "items", count(t.paid), count(t.late),
                    t.amount.grouped(), count(t.held), count(t.over_cap), count(t.school_day));
    if (t.unconfirmed > 0)
        out += fmt::format("{} unconfirmed: paid in the period in which each is confirmed.\n", count(t.unconfirmed));
    if (t.items == t.school_day)
        out += "Nothing to pay: every compensable item up to the period's end is in a closed pay period.\n";
    return out;
}

// Spending by site, then by funding source against its budget.
std::string spending_text(const model::Repo& repo, const Spending& spending)
{
    std::string out =
        fmt::format("\n{:<36}  {:<12}  {:>12}  {:>14}\n", "By site", "source", "this period", "closed so far");
    for (const auto& s : spending.sites)
        out += fmt::format("  {:<34}  {:<12}  {:>12}  {:>14}\n",
                           fmt::format("{} {}", s.site_id, site_name(repo, s.site_id)), source_text(s.source),
                           s.period.grouped(), s.closed.grouped());

    out += fmt::format("\n{:<20}  {:>12}  {:>14}  {:>12}  {:>12}\n", "By funding source", "budget", "closed so far",
                       "this period", "left");
    for (const auto& s : spending.sources)
        out += fmt::format("  {:<18}  {:>12}  {:>14}  {:>12}  {:>12}{}\n", source_text(s.source),
                           s.budget.grouped(), s.closed.grouped(), s.period.grouped(), s.left.grouped(),
                           s.over() ? "  below zero" : "");
    return out;
}

std::string warning_lines(const std::vector<std::string>& warnings)
{
    std::string out;
    for (const auto& w : warnings)
        out += "warning: " + w + "\n";
    return out;
}

// What validate found, and the file --close wrote.
std::string closing(const PayrollView& v, const PayTotals& t)
{
    std::string out;
    if (v.validate_errors > 0)
        out += fmt::format("\nvalidate finds {} and {} (pthv validate lists them); findings never stop pay, but "
                           "--close is refused until the errors are fixed.\n",
                           util::plural(static_cast<long long>(v.validate_errors), "error", "errors"),
                           util::plural(static_cast<long long>(v.validate_warnings), "warning", "warnings"));
    if (!v.closed_file.empty())
        out += fmt::format("\nClosed {}: wrote {} with {}, {}.\n", v.period.label, v.closed_file,
                           util::plural(static_cast<long long>(t.paid), "paid item", "paid items"),
                           t.amount.grouped());
    return out;
}

// A generous bound on the text of `items` items of `staff` staff members:
// an item's line is under 100 bytes and a heading under 200, a note or a
// finding adds a line. Reserving it spares copying hundreds of megabytes
// while the text grows, and pages reserved but never written are never
// touched, so the margin costs no memory.
std::size_t text_bound(model::Span<PayItem> items, std::size_t staff)
{
    std::size_t n = 300 + staff * 300;
    for (const auto& item : items)
        n += 110 + (item.note.empty() ? 0 : item.note.size() + 8) + item.findings.size() * 256;
    return n;
}

// Every staff member's lines, in order, after `out`. A month at state scale
// is hundreds of thousands of lines: the staff are cut in two halves of
// about as many items, written side by side (util::in_two_parts), the
// first straight into `out` and the second into a text of its own that is
// appended after.
void put_staff_texts(std::string& out, const PayrollView& v)
{
    const auto spans = by_staff(v.items);
    std::size_t cut = 0;
    while (cut < spans.size() && spans[cut].end <= v.items.size() / 2)
        ++cut;
    const auto part_of = [&](std::size_t from, std::size_t to) {
        const std::size_t begin = from < spans.size() ? spans[from].begin : v.items.size();
        const std::size_t end = to > from ? spans[to - 1].end : begin;
        return model::Span<PayItem>{v.items.data() + begin, end - begin};
    };
    out.reserve(out.size() + text_bound(part_of(0, spans.size()), spans.size()) + 4096);
    const auto write = [&](std::size_t from, std::size_t to) {
        std::string own;
        std::string& into = from == 0 && to == cut ? out : own;
        if (from != 0)
            own.reserve(text_bound(part_of(from, to), to - from));
        for (std::size_t i = from; i < to; ++i)
            into += staff_text(v.repo, slice(v.items, spans[i]));
        return own;
    };
    auto halves = util::in_two_parts(cut, spans.size(), v.items.size(), write);
    out += halves[0];
    out += halves[1];
}

std::string payroll_text(const PayrollView& v)
{
    std::string out = heading(v);
    put_staff_texts(out, v);
    const auto t = pay_totals(v.items);
    out += summary(t);
    out += spending_text(v.repo, v.spending);
    if (!v.warnings.empty())
        out += "\n";
    out += warning_lines(v.warnings);
    out += closing(v, t);
    return out;
}

} // namespace

std::string render_text(const PayrollView& v, bool quiet)
{
    return util::printable_text(quiet ? warning_lines(v.warnings) : payroll_text(v));
}

std::string render_csv(const PayrollView& v)
{
    std::vector<std::string> header = ledger_columns();
    for (const char* extra : {"status", "note", "staff_name", "rule", "paid_minutes", "findings"})
        header.emplace_back(extra);
    std::vector<io::CellKind> kinds = ledger_kinds();
    kinds.resize(header.size(), io::CellKind::Text);
    kinds[header.size() - 2] = io::CellKind::Number; // paid_minutes
    std::string out = io::csv_safe_row(header, "\n");
    for (const auto& item : v.items) {
        auto cells = ledger_cells(v.repo, item, v.period.label);
        const model::Staff* s = v.repo.find(item.staff);
        std::vector<std::string> ids;
        for (const auto& p : item.findings)
            ids.push_back(p.rule);
        cells.emplace_back(item_status_name(item.status));
        cells.push_back(item.note);
        cells.emplace_back(s ? s->name : std::string_view{});
        cells.emplace_back(item.rule);
        cells.push_back(item.paid_minutes > 0 ? std::to_string(item.paid_minutes) : std::string{});
        cells.push_back(util::join(ids, ";"));
        out += io::csv_safe_row(cells, kinds, "\n");
    }
    return out;
}

namespace {

using Json = nlohmann::ordered_json;

std::string money(model::Money m) { return m.str(); }

Json item_json(const model::Repo& repo, const PayItem& item)
{
    Json findings = Json::array();
    for (const auto& p : item.findings)
        findings.push_back({{"severity", model::severity_name(p.severity)},
                            {"rule", p.rule},
                            {"file", p.file},
                            {"line", p.line},
                            {"message", p.message}});
    Json j = {{"item", item_kind_name(item.kind)},
              {"item_id", item_id(repo, item)},
              {"date", item.date.str()},
              {"status", item_status_name(item.status)}};
    if (item.kind == ItemKind::Visit) {
        j["minutes"] = item.minutes;
        if (item.paid_minutes > 0)
            j["paid_minutes"] = item.paid_minutes;
    } else {
        j["hours"] = hours_str(item.hours_x100.value_or(0));
    }
    j["rate"] = item.rate ? Json(money(*item.rate)) : Json(nullptr);
    j["rule"] = std::string(item.rule);
    j["amount"] = money(item.amount);
    j["site_id"] = std::string(repo.id(item.site));
    j["source"] = std::string(item.source);
    j["note"] = item.note;
    j["findings"] = std::move(findings);
    return j;
}

// One staff member: who, their pay rule and total, and their items.
Json staff_json(const model::Repo& repo, model::Span<PayItem> items)
{
    const model::Staff* s = repo.find(items.front().staff);
    Json staff = {{"staff_id", std::string(repo.id(items.front().staff))},
                  {"name", s ? std::string(s->name) : std::string{}},
                  {"site_id", s ? std::string(repo.id(s->site)) : std::string{}},
                  {"rule", staff_rule(repo, s)},
                  {"total", money(pay_totals(items).amount)},
                  {"items", Json::array()}};
    for (const auto& item : items)
        staff["items"].push_back(item_json(repo, item));
    return staff;
}

Json totals_json(const model::Repo& repo, const PayTotals& t)
{
    Json totals = {{"items", t.items},    {"paid", t.paid},         {"late", t.late},
                   {"held", t.held},      {"over_cap", t.over_cap}, {"school_day", t.school_day},
                   {"amount", money(t.amount)}};
    if (repo.config.compensation.require_confirmation)
        totals["unconfirmed"] = t.unconfirmed;
    return totals;
}

Json sites_json(const model::Repo& repo, const Spending& spending)
{
    Json sites = Json::array();
    for (const auto& s : spending.sites)
        sites.push_back({{"site_id", s.site_id},
                         {"name", site_name(repo, s.site_id)},
                         {"source", s.source},
                         {"period", money(s.period)},
                         {"closed", money(s.closed)}});
    return sites;
}

Json sources_json(const Spending& spending)
{
    Json sources = Json::array();
    for (const auto& s : spending.sources)
        sources.push_back({{"source", s.source},
                           {"budget", money(s.budget)},
                           {"closed", money(s.closed)},
                           {"period", money(s.period)},
                           {"left", money(s.left)}});
    return sources;
}

} // namespace

std::string render_json(const PayrollView& v)
{
    Json doc;
    doc["district"] = v.repo.config.district;
    doc["period"] = {{"label", v.period.label}, {"from", v.period.from.str()}, {"to", v.period.to.str()}};
    doc["as_of"] = v.repo.as_of.str();
    doc["totals"] = totals_json(v.repo, pay_totals(v.items));
    doc["staff"] = Json::array();
    for (const auto& span : by_staff(v.items))
        doc["staff"].push_back(staff_json(v.repo, slice(v.items, span)));
    doc["sites"] = sites_json(v.repo, v.spending);
    doc["sources"] = sources_json(v.spending);
    doc["warnings"] = v.warnings;
    doc["validate"] = {{"errors", v.validate_errors}, {"warnings", v.validate_warnings}};
    doc["closed_file"] = v.closed_file.empty() ? Json(nullptr) : Json(v.closed_file);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render(const PayrollView& view, const std::string& format, bool quiet)
{
    if (format == "csv")
        return render_csv(view);
    if (format == "json")
        return render_json(view);
    return render_text(view, quiet);
}

} // namespace pthv::pay
