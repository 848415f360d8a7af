#include <pthv/io/loader.hpp>
#include <pthv/io/subgroups.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>
#include <fmt/format.h>

#include <pthv/io/config.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/loader_refs.hpp>
#include <pthv/io/table.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/mapped.hpp>
#include <pthv/util/mail.hpp>
#include <pthv/util/parallel.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

using namespace pthv::model;
namespace fs = std::filesystem;

namespace {

// About as many rows as the text has lines: reserving once spares a
// million-row file its regrowing copies.
std::size_t line_estimate(std::string_view text)
{
    return util::count_byte(text, '\n');
}

// The rows of `file` a scoped load keeps (see Scope); no filter for a file
// the scope does not narrow, or without the columns it needs (such a file
// is column-missing and loads whole).
CheckedTable::RowFilter scope_filter(const Scope* scope, const std::string& file,
                                     const std::vector<std::string>& header)
{
    if (!scope)
        return {};
    const auto column = [&](const char* name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : static_cast<int>(it - header.begin());
    };
    const int student = column("student_id");
    if (student < 0)
        return {};
    const auto s = static_cast<std::size_t>(student);
    if (file == "students.csv")
        return [scope, s](const std::vector<std::string_view>& cells) {
            return scope->students.count(util::trim(cells[s])) > 0;
        };
    if (file != "visits.csv")
        return {};
    const int educators = column("educators");
    const int id = column("visit_id");
    if (educators < 0 || id < 0)
        return {};
    const auto e = static_cast<std::size_t>(educators);
    const auto v = static_cast<std::size_t>(id);
    const int interpreter = column("interpreter"); // optional
    return [scope, s, e, v, interpreter](const std::vector<std::string_view>& cells) {
        if (scope->students.count(util::trim(cells[s])))
            return true;
        if (!util::for_each_part(cells[e], ';', [&](std::string_view staff) { return !scope->staff.count(staff); }))
            return true; // stopped at one of the scope's educators
        if (interpreter >= 0 && scope->staff.count(util::trim(cells[static_cast<std::size_t>(interpreter)])))
            return true; // the scope's staff member interpreted it (paid like an educator)
        for (const auto& prefix : scope->visit_id_prefixes)
            if (util::starts_with(util::trim(cells[v]), prefix))
                return true;
        return false;
    };
}

// The strings a scoped load's line of `file` must hold to be read at all
// (CsvReadOptions::only_lines_with); empty: read every line.
std::vector<std::string> scope_needles(const Scope* scope, const std::set<std::string>& read_whole,
                                       const std::string& file)
{
    constexpr std::size_t k_most = 16; // past this, reading every line is quicker
    if (!scope || read_whole.count(file))
        return {};
    std::vector<std::string> needles;
    if (file == "students.csv" || file == "visits.csv")
        needles.assign(scope->students.begin(), scope->students.end());
    if (file == "visits.csv") {
        needles.insert(needles.end(), scope->staff.begin(), scope->staff.end());
        needles.insert(needles.end(), scope->visit_id_prefixes.begin(), scope->visit_id_prefixes.end());
    }
    if (needles.size() > k_most)
        return {};
    for (const auto& n : needles)
        // An id that would be quoted in the file (a quote, a comma, edge
        // spaces) may not appear in the text as it is: read every line.
        if (n.empty() || n.find_first_of("\",\r\n") != std::string::npos || util::trim(n) != n)
            return {};
    // A string that holds another finds no line the other misses (a new
    // visit's id holds its student's id): one search of the text fewer.
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < needles.size(); ++i) {
        bool covered = false;
        for (std::size_t j = 0; j < needles.size() && !covered; ++j)
            covered = j != i && needles[i].find(needles[j]) != std::string::npos &&
                      (needles[j].size() < needles[i].size() || j < i);
        if (!covered)
            kept.push_back(needles[i]);
    }
    return kept;
}

// Reads one data file row by row against its schema: `load` gets the table
// and reads each row with next(), so the file's cells are never all held at
// once. A missing file is reported. `ids`, for a file with a one-column key,
// is where its ids are defined (see CheckedTable::define_keys_in).
// `release`, when given, is the texts of `sources` themselves: a mapped
// file's pages are given back as the reader passes them, and its text once
// it is read, so a large repo never holds every file's text at once
// (load_repo; peak memory at state scale).
template <typename Load>
void load_table(const SourceViews& sources, const std::string& file, const std::string& kind, FileInfo& info,
                Problems& problems, Sources* release, const LoadOptions& options, IdTable* ids, Load&& load)
{
    const Schema& s = schema(file.substr(0, file.find('.')));
    info.name = file;
    const auto it = sources.find(file);
    if (it == sources.end()) {
        problems.push_back({"csv-syntax", Severity::Error, file, 0, {}, "the file is missing",
                            "create it with its header row: " + util::join(s.column_names(), ",")});
        return;
    }
    info.exists = true;
    {
        const Scope* scope = options.scope.get();
        CsvReadOptions read_options;
        read_options.only_lines_with = scope_needles(scope, options.read_whole, file);
        if (release)
            read_options.progress = [text = &release->at(file)](std::size_t read) { text->drop_before(read); };
        else // a view, perhaps of a mapped file: its pages read are given back all the same
            read_options.progress = [text = it->second](std::size_t read) { util::drop_mapped_before(text, read); };
        CsvReader reader(file, it->second, problems, read_options);
        info.readable = reader.has_header();
        info.crlf = reader.crlf();
        info.header = reader.header();
        CheckedTable table(s, reader, kind, problems);
        // Without its key column a file defines no id, and every reference
        // to it would look missing.
        const bool columns = std::all_of(s.primary_key.begin(), s.primary_key.end(), [&](const std::string& k) {
            return std::find(info.header.begin(), info.header.end(), k) != info.header.end();
        });
        if (ids)
            table.define_keys_in(*ids);
        auto filter = scope_filter(scope, file, reader.header());
        const bool all_rows = !filter;
        info.scoped = !all_rows;
        if (filter) // where the kept rows are, for a check of the change to read them again
            filter = [&info, &reader, keep = std::move(filter)](const std::vector<std::string_view>& cells) {
                if (!keep(cells))
                    return false;
                info.scoped_rows.emplace_back(reader.line(), reader.offset());
                return true;
            };
        table.keep_only(std::move(filter));
        const std::size_t rows = all_rows ? line_estimate(it->second) : 0;
        table.reserve(rows);
        load(table, rows);
        info.complete = info.readable && columns && reader.clean();
    }
    if (release)
        release->at(file).release();
}

std::uint32_t line_of(const CheckedTable& t) { return static_cast<std::uint32_t>(t.line()); }

void load_sites(CheckedTable& t, std::size_t rows, Repo& repo, std::vector<std::string>& coordinators)
{
    repo.sites.reserve(rows);
    while (t.next()) {
        Site s;
        s.id = SiteId(t.key_handle());
        s.name = repo.text.keep(t.text("name"));
        s.level = t.enumeration<SiteLevel>("level");
        s.status = t.enumeration<SiteStatus>("status");
        coordinators.emplace_back(t.text("coordinator_id")); // staff.csv is read next
        s.visit_goal = t.integer("visit_goal");
        s.line = line_of(t);
        repo.sites.push_back(s);
    }
}

void load_staff(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.staff.reserve(rows);
    while (t.next()) {
        Staff s;
        s.id = StaffId(t.key_handle());
        s.name = repo.text.keep(t.text("name"));
        s.site = repo.names.sites.intern(t.text("site_id"));
        s.role = repo.text.keep(t.text("role"));
        s.staff_class = t.enumeration<StaffClass>("class");
        s.opted_in = t.boolean("opted_in");
        s.hourly_rate = t.money("hourly_rate");
        // A bad address was reported (value-invalid): nobody is mailed at it.
        if (const std::string_view email = t.text("email"); util::is_email_address(email))
            s.email = repo.text.keep(email);
        s.active = t.boolean("active").value_or(true);
        s.line = line_of(t);
        repo.staff.push_back(s);
    }
}

// A concern-flag cell, in students.csv or the flags file: yes, no or empty
// (nullopt); anything else is value-invalid and read as empty.
std::optional<bool> flag_value(std::string_view cell, const std::string& flag, const std::string& file,
                               std::size_t line, std::string_view student_id, Problems& problems)
{
    const auto b = parse_yes_no(cell);
    if (!cell.empty() && !b)
        problems.push_back({"value-invalid", Severity::Error, file, line, std::string(student_id),
                            fmt::format("student {}: {} \"{}\" is not yes or no", student_id, flag, cell), {}});
    return b;
}

// The columns of reports.subgroups in students.csv, by subgroup (npos:
// missing, config-invalid: the column may be empty, its values given by a
// --subgroups file kept out of git, but it must be there).
std::vector<std::size_t> subgroup_columns(const CheckedTable& t, const Repo& repo, Problems& problems)
{
    std::vector<std::size_t> out;
    for (const std::string& name : repo.config.subgroups) {
        const auto& extra = t.extra_columns();
        const auto it = std::find_if(extra.begin(), extra.end(), [&](const auto& e) { return e.first == name; });
        out.push_back(it == extra.end() ? std::string::npos : it->second);
        if (it == extra.end())
            problems.push_back({"config-invalid", Severity::Error, "pthv.yaml",
                                static_cast<std::size_t>(repo.config.subgroups_line), name,
                                "reports.subgroups names " + name + ", but students.csv has no column " + name,
                                "add the column to students.csv; it may be left empty and its values given by "
                                "`pthv report --subgroups FILE` from a file kept out of git"});
    }
    return out;
}

void load_students(CheckedTable& t, std::size_t rows, Repo& repo, Problems& problems, Waiting& later)
{
    auto sites = later.column<SiteId>(repo.names, t.file(), "site_id",
                                      [](Repo& r, std::size_t i, SiteId h) { r.students[i].site = h; });
    auto homerooms = later.column<StaffId>(repo.names, t.file(), "homeroom_id",
                                           [](Repo& r, std::size_t i, StaffId h) { r.students[i].homeroom = h; });
    std::vector<std::size_t> flag_columns;
    for (const auto& [name, index] : t.extra_columns())
        if (util::starts_with(name, "flag_")) {
            repo.flag_names.push_back(name);
            flag_columns.push_back(index);
        }
    const std::vector<std::size_t> groups = subgroup_columns(t, repo, problems);
    repo.subgroups.reset(repo.config.subgroups, rows);
    repo.students.reserve(rows); // a million students: no regrowing copies
    repo.names.families.table().reserve(rows);
    while (t.next()) {
        const std::size_t row = repo.students.size();
        Student s;
        const std::string_view id = t.text("student_id");
        const std::string_view family = t.text("family_id");
        repo.names.families.table().prefetch(family.empty() ? id : family);
        s.id = StudentId(t.key_handle());
        s.site = sites.read(t.text("site_id"), row);
        s.grade = repo.text.keep(t.text("grade"));
        s.homeroom = homerooms.read(t.text("homeroom_id"), row);
        s.name = repo.text.keep(t.text("name"));
        s.family = repo.names.families.intern(family.empty() ? id : family);
        s.family_given = !family.empty();
        s.line = line_of(t);
        for (std::size_t f = 0; f < flag_columns.size(); ++f) {
            const auto b = flag_value(t.cell(flag_columns[f]), repo.flag_names[f], t.file(), s.line, id, problems);
            s.set_flag(f, b ? (*b ? 1 : 0) : -1);
        }
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (groups[g] != std::string::npos && !t.cell(groups[g]).empty())
                set_subgroup_value(repo, row, g, t.cell(groups[g]), t.file(), s.line, id, problems);
        repo.students.push_back(std::move(s));
    }
    repo.subgroups.resize(repo.students.size());
}

void load_trainings(CheckedTable& t, std::size_t rows, Repo& repo, Waiting& later)
{
    auto staff = later.column<StaffId>(repo.names, t.file(), "staff_id",
                                       [](Repo& r, std::size_t i, StaffId h) { r.trainings[i].staff = h; });
    repo.trainings.reserve(rows);
    while (t.next()) {
        Training tr;
        tr.staff = staff.read(t.text("staff_id"), repo.trainings.size());
        tr.date = t.date("date");
        tr.kind = t.enumeration<TrainingKind>("kind");
        tr.hours_x100 = t.hundredths("hours");
        tr.session = repo.text.keep(t.text("session"));
        tr.line = line_of(t);
        repo.trainings.push_back(tr);
    }
}

// What visits.csv references, read on its own thread: students.csv is read
// at the same time, so every student id waits (as text in `arena`); sites
// and staff are known by then, so only ids no file defines wait (`refs`).
struct VisitPending {
    util::Arena arena; // the student ids' text, until resolved
    std::vector<std::string_view> students;
    Waiting refs;
};

// The interpreter cell: a staff id (on the roster, or shaped like one, see
// is_staff_id_shaped) or an outside interpreter's name.
void read_interpreter(std::string_view text, Visit& v, Waiting::Column<StaffId>& staff, std::size_t row)
{
    if (text.empty())
        return;
    if (staff.defined(text) || is_staff_id_shaped(text))
        v.interpreter = staff.read(text, row);
    else
        v.outside_interpreter = true;
}

// Cells that parse but contradict the row: who cancelled a visit that was
// not called off, a confirmation dated before the visit.
void check_visit_cells(const CheckedTable& t, const Visit& v, std::string_view id, Problems& problems)
{
    const auto invalid = [&](std::string message, std::string advice) {
        problems.push_back({"value-invalid", Severity::Error, t.file(), v.line, std::string(id), std::move(message),
                            std::move(advice)});
    };
    if (v.cancelled_by && v.status && *v.status != VisitStatus::Cancelled && *v.status != VisitStatus::NoShow)
        invalid(fmt::format("visit {}: cancelled_by is {} but the visit is {}", id, enum_name(*v.cancelled_by),
                            enum_name(*v.status)),
                "cancelled_by is for cancelled and no_show visits: empty it, or fix the status");
    if (v.confirmed_on && v.date && *v.confirmed_on < *v.date)
        invalid(fmt::format("visit {}: confirmed_on {} is before the visit ({})", id, v.confirmed_on->str(),
                            v.date->str()),
                "a visit is confirmed once it took place: fix confirmed_on or the date");
}

// visits.csv's optional whole-number columns kept by the schema alone
// (model::VisitNumbers): its integer columns that are neither required nor
// required when another column has a value.
std::vector<VisitNumbers> visit_number_columns()
{
    std::vector<VisitNumbers> out;
    for (const Field& f : schema("visits").fields)
        if (f.type == FieldType::Integer && !f.required && f.required_when_field.empty())
            out.push_back({f.name, {}});
    return out;
}

void load_visits(CheckedTable& t, std::size_t rows, Repo& repo, util::Arena& text, VisitPending& later,
                 Problems& problems)
{
    Waiting& w = later.refs;
    auto sites = w.column<SiteId>(repo.names, t.file(), "site_id",
                                  [](Repo& r, std::size_t i, SiteId h) { r.visits[i].site = h; });
    // An educator's row is its place in Repo::educator_list.
    auto educators = w.column<StaffId>(repo.names, t.file(), "educators",
                                       [](Repo& r, std::size_t i, StaffId h) { r.educator_list[i] = h; });
    auto interpreters = w.column<StaffId>(repo.names, t.file(), "interpreter",
                                          [](Repo& r, std::size_t i, StaffId h) { r.visits[i].interpreter = h; });
    auto confirmers = w.column<StaffId>(repo.names, t.file(), "confirmed_by",
                                        [](Repo& r, std::size_t i, StaffId h) { r.visits[i].confirmed_by = h; });
    repo.visit_numbers = visit_number_columns();
    repo.visits.reserve(rows);
    repo.educator_list.reserve(rows * 2);
    later.students.reserve(rows);
    while (t.next()) {
        Visit v;
        v.id = VisitId(t.key_handle());
        later.students.push_back(later.arena.keep(t.text("student_id")));
        v.site = sites.read(t.text("site_id"), repo.visits.size());
        v.date = t.date("date");
        v.start_time = t.time("start_time");
        v.minutes = t.integer("minutes");
        v.educators_begin = static_cast<std::uint32_t>(repo.educator_list.size());
        util::for_each_part(t.text("educators"), ';', [&](std::string_view e) {
            repo.educator_list.push_back(educators.read(e, repo.educator_list.size()));
            return true;
        });
        v.educators_count = static_cast<std::uint32_t>(repo.educator_list.size() - v.educators_begin);
        v.status = t.enumeration<VisitStatus>("status");
        v.arranged_on = t.date("arranged_on");
        v.focus = t.enumeration<Focus>("focus");
        v.mode = t.enumeration<Mode>("mode");
        v.reflected_on = t.date("reflected_on");
        v.language = text.keep(t.text("language"));
        v.notes = text.keep(t.text("notes"));
        read_interpreter(t.text("interpreter"), v, interpreters, repo.visits.size());
        v.confirmed_on = t.date("confirmed_on");
        v.confirmed_by = confirmers.read(t.text("confirmed_by"), repo.visits.size());
        v.cancelled_by = t.enumeration<CancelledBy>("cancelled_by");
        v.logged_on = t.date("logged_on");
        v.line = line_of(t);
        check_visit_cells(t, v, t.text("visit_id"), problems);
        for (auto& n : repo.visit_numbers) // a column no visit fills takes no memory
            if (const auto x = t.integer(n.name)) {
                n.values.resize(repo.visits.size(), VisitNumbers::k_none);
                n.values.push_back(*x);
            }
        repo.visits.push_back(v);
    }
}

// The visits' students, the most lookups of any reference (one per visit,
// into a table of every student): looked up in two halves side by side
// (util::in_two_parts), since a lookup only reads the table, then the ids no student row defines added in visit
// order, as one pass of intern would.
void resolve_visit_students(Repo& repo, const VisitPending& visits)
{
    const auto& students = repo.names.students;
    const auto look_up = [&](std::size_t from, std::size_t to) {
        std::vector<std::size_t> unknown;
        for (std::size_t i = from; i < to; ++i) {
            const StudentId h = students.find(visits.students[i]);
            if (!h && !visits.students[i].empty())
                unknown.push_back(i);
            repo.visits[i].student = h;
        }
        return unknown;
    };
    const std::size_t n = repo.visits.size();
    for (const auto& unknown : util::in_two_parts(n / 2, n, n, look_up))
        for (const std::size_t i : unknown)
            repo.visits[i].student = repo.names.students.intern(visits.students[i]);
}

void resolve_pending(Repo& repo, const Waiting& main, const VisitPending& visits)
{
    main.resolve(repo);
    resolve_visit_students(repo, visits);
    visits.refs.resolve(repo);
}

} // namespace

bool is_ledger_name(std::string_view name)
{
    // payroll/YYYY-MM.csv, a real month: "payroll/2026-03 (copy).csv" is not.
    constexpr std::string_view prefix = "payroll/";
    constexpr std::string_view suffix = ".csv";
    if (name.size() != prefix.size() + 7 + suffix.size() || !util::starts_with(name, prefix) ||
        !util::ends_with(name, suffix))
        return false;
    const std::string_view month = name.substr(prefix.size(), 7);
    return std::all_of(month.begin(), month.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); }) &&
           model::parse_month(month).has_value();
}

namespace {

// Closed pay periods (docs/data.md, payroll/YYYY-MM.csv). Only files so named are
// ledgers: a copy such as "payroll/2026-03 (copy).csv" would otherwise count
// what it holds twice. Any other file there is reported (ledger-name) and
// not read.
void load_ledgers(const SourceViews& sources, Repo& repo, Problems& problems)
{
    for (const auto& [name, content] : sources) {
        if (!util::starts_with(name, "payroll/"))
            continue;
        if (!is_ledger_name(name)) {
            problems.push_back({"ledger-name", Severity::Warning, name, 0, {},
                                fmt::format("{} is not read as a closed pay period: only files named "
                                            "payroll/YYYY-MM.csv are",
                                            name),
                                "move it out of payroll/, or name it for its month if it is a closed period"});
            continue;
        }
        CsvReader reader(name, content, problems);
        CheckedTable t(schema("payroll"), reader, "paid item", problems);
        const std::string_view file = repo.text.keep(name);
        while (t.next()) {
            LedgerLine l;
            l.file = file;
            l.period = repo.text.keep(t.text("period"));
            l.staff = repo.names.staff.intern(t.text("staff_id"));
            l.item = t.enumeration<ItemKind>("item");
            l.item_id = repo.text.keep(t.text("item_id"));
            if (l.item == ItemKind::Visit)
                l.visit = repo.names.visits.intern(l.item_id);
            l.date = t.date("date");
            l.minutes = t.integer("minutes");
            l.hours_x100 = t.hundredths("hours");
            l.rate = t.money("rate");
            l.amount = t.money("amount");
            l.site = repo.names.sites.intern(t.text("site_id"));
            l.source = repo.text.keep(t.text("source"));
            l.line = line_of(t);
            repo.ledger.push_back(l);
        }
    }
}

void load_reviews(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.reviews.reserve(rows);
    while (t.next()) {
        Review r;
        r.rule = std::string(t.text("rule"));
        r.record = std::string(t.text("record"));
        r.reviewed_on = t.date("reviewed_on");
        r.by = std::string(t.text("by"));
        r.note = std::string(t.text("note"));
        r.line = t.line();
        repo.reviews.push_back(std::move(r));
    }
}

void load_removed_visits(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.removed_visits.reserve(rows);
    while (t.next()) {
        RemovedVisit r;
        r.visit_id = repo.text.keep(t.text("visit_id"));
        r.removed_on = t.date("removed_on");
        r.reason = repo.text.keep(t.text("reason"));
        r.line = line_of(t);
        repo.removed_visits.push_back(r);
    }
}

void load_events(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.events.reserve(rows);
    while (t.next()) {
        Event e;
        e.id = EventId(t.key_handle());
        e.date = t.date("date");
        e.site = repo.names.sites.intern(t.text("site_id"));
        e.kind = t.enumeration<EventKind>("kind");
        e.title = repo.text.keep(t.text("title"));
        e.attendees = t.integer("attendees");
        e.staff_begin = static_cast<std::uint32_t>(repo.event_staff.size());
        util::for_each_part(t.text("staff_ids"), ';', [&](std::string_view id) {
            repo.event_staff.push_back(repo.names.staff.intern(id));
            return true;
        });
        e.staff_count = static_cast<std::uint32_t>(repo.event_staff.size() - e.staff_begin);
        e.notes = repo.text.keep(t.text("notes"));
        e.line = line_of(t);
        repo.events.push_back(e);
    }
}

void load_sessions(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.sessions.reserve(rows);
    while (t.next()) {
        TrainingSession s;
        s.id = SessionId(t.key_handle());
        s.date = t.date("date");
        s.kind = t.enumeration<TrainingKind>("kind");
        s.site = repo.names.sites.intern(t.text("site_id"));
        s.trainer = repo.text.keep(t.text("trainer"));
        s.capacity = t.integer("capacity");
        s.hours_x100 = t.hundredths("hours");
        s.location = repo.text.keep(t.text("location"));
        s.line = line_of(t);
        repo.sessions.push_back(s);
    }
}

// surveys.csv: a question is a q_<name> column; its answers go to one flat
// array, a row of survey_questions.size() bytes per response.
void load_surveys(CheckedTable& t, std::size_t rows, Repo& repo)
{
    const Schema& surveys = schema("surveys");
    std::vector<std::size_t> cells;
    for (const auto& [column, index] : t.extra_columns())
        if (surveys.is_prefixed_extra(column)) {
            repo.survey_questions.push_back(column.substr(surveys.extra_prefix.size()));
            cells.push_back(index);
        }
    repo.surveys.reserve(rows);
    repo.survey_answers.reserve(rows * cells.size());
    while (t.next()) {
        SurveyResponse r;
        r.id = ResponseId(t.key_handle());
        r.date = t.date("date");
        r.site = repo.names.sites.intern(t.text("site_id"));
        r.student = repo.names.students.intern(t.text("student_id"));
        r.line = line_of(t);
        for (const std::size_t c : cells) {
            const std::string_view a = t.cell(c); // checked by the table: empty or 1..5
            repo.survey_answers.push_back(a.size() == 1 && a[0] >= '1' && a[0] <= '5'
                                              ? static_cast<std::uint8_t>(a[0] - '0')
                                              : std::uint8_t{0});
        }
        repo.surveys.push_back(r);
    }
}

// With sessions.csv, a training's session cell names a session: each
// becomes a handle (one naming nothing is unknown-ref, a rule), and a
// training whose date or kind differs from its session's is value-invalid.
void link_sessions(Repo& repo, Problems& problems)
{
    for (auto& tr : repo.trainings) {
        if (tr.session.empty())
            continue;
        tr.session_id = repo.names.sessions.intern(tr.session);
        const TrainingSession* s = repo.find(tr.session_id);
        if (!s)
            continue;
        const std::string_view staff = repo.id(tr.staff);
        if (tr.date && s->date && *tr.date != *s->date)
            problems.push_back({"value-invalid", Severity::Error, "trainings.csv", tr.line, std::string(staff),
                                fmt::format("training of {}: date {} is not the date of session {} ({})", staff,
                                            tr.date->str(), tr.session, s->date->str()),
                                fmt::format("give the session's date, or name the session held on {}",
                                            tr.date->str())});
        if (tr.kind && s->kind && *tr.kind != *s->kind)
            problems.push_back({"value-invalid", Severity::Error, "trainings.csv", tr.line, std::string(staff),
                                fmt::format("training of {}: kind {} is not the kind of session {} ({})", staff,
                                            enum_name(*tr.kind), tr.session, enum_name(*s->kind)),
                                "give the session's kind, or name a session of this kind"});
    }
}

// The flags file's first row of each student, by the student's row in
// students.csv: its line and values.
using FlagRows = std::vector<std::optional<std::pair<std::size_t, std::vector<std::optional<bool>>>>>;

// A student_id seen before in the flags file is duplicate-key (its key is
// student_id, as in students.csv), whether or not the values agree; the
// message names the first line and any flag the two rows disagree on.
// Returns true for a repeat (recorded in `seen` otherwise).
bool flags_duplicate(const std::string& file, std::size_t line, const std::string& id, std::size_t student,
                     const std::vector<std::optional<bool>>& values,
                     const std::vector<std::pair<std::size_t, std::size_t>>& columns,
                     const std::vector<std::string>& header, FlagRows& seen, Problems& problems)
{
    auto& first = seen[student];
    if (!first) {
        first.emplace(line, values);
        return false;
    }
    const auto* it = &*first;
    const auto shown = [](const std::optional<bool>& v) { return v ? (*v ? "yes" : "no") : "empty"; };
    std::string conflicts;
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (values[k] != it->second[k])
            conflicts += fmt::format("{}{} {} there, {} here", conflicts.empty() ? "" : "; ",
                                     header[columns[k].first], shown(it->second[k]), shown(values[k]));
    problems.push_back(
        {"duplicate-key", Severity::Error, file, line, id,
         conflicts.empty()
             ? fmt::format("student_id {} appears again (first on line {})", id, it->first)
             : fmt::format("student_id {} appears again (first on line {}) with other flags: {}; neither is used",
                           id, it->first, conflicts),
         "keep one row per student"});
    return true;
}

// Merges a separate concern-flags file into the students' flags.
void load_flags(const std::string& name, const std::string& content, Repo& repo, Problems& problems)
{
    const CsvTable t = read_csv(name, content, problems);
    if (!t.has_header)
        return;
    const auto id_col = std::find(t.header.begin(), t.header.end(), "student_id");
    if (id_col == t.header.end()) {
        problems.push_back({"column-missing", Severity::Error, name, 1, {},
                            "the required column student_id is missing", {}});
        return;
    }
    const auto id_index = static_cast<std::size_t>(id_col - t.header.begin());
    std::vector<std::pair<std::size_t, std::size_t>> columns; // file column -> flag index
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (c == id_index)
            continue;
        if (!util::starts_with(t.header[c], "flag_")) {
            problems.push_back({"unknown-column", Severity::Warning, name, 1, {},
                                "the column \"" + t.header[c] + "\" is not a flag_* column; it is ignored", {}});
            continue;
        }
        auto it = std::find(repo.flag_names.begin(), repo.flag_names.end(), t.header[c]);
        if (it == repo.flag_names.end()) {
            repo.flag_names.push_back(t.header[c]); // unknown for every student until set
            it = repo.flag_names.end() - 1;
        }
        columns.emplace_back(c, static_cast<std::size_t>(it - repo.flag_names.begin()));
    }
    FlagRows seen(repo.students.size());
    for (const auto& row : t.rows) {
        const std::string& id = row.cells[id_index];
        const auto st = repo.row(repo.names.students.find(id));
        if (!st) {
            problems.push_back({"unknown-ref", Severity::Error, name, row.line, id,
                                "student_id " + id + " is not in students.csv", {}});
            continue;
        }
        Student& s = repo.students[*st];
        std::vector<std::optional<bool>> values;
        for (const auto& [c, f] : columns)
            values.push_back(flag_value(row.cells[c], t.header[c], name, row.line, id, problems));
        if (flags_duplicate(name, row.line, id, *st, values, columns, t.header, seen, problems)) {
            // Conflicting rows leave the flag unknown: neither value is known to hold.
            for (std::size_t k = 0; k < columns.size(); ++k)
                if (values[k] != seen[*st]->second[k])
                    s.set_flag(columns[k].second, -1);
            continue;
        }
        for (std::size_t k = 0; k < columns.size(); ++k)
            if (values[k])
                s.set_flag(columns[k].second, *values[k] ? 1 : 0);
    }
}

} // namespace

const std::vector<std::string>& data_files()
{
    static const std::vector<std::string> k_files = {"sites.csv", "staff.csv", "students.csv", "trainings.csv",
                                                     "visits.csv"};
    return k_files;
}

const std::vector<std::string>& optional_files()
{
    static const std::vector<std::string> k_files = {"reviews.csv", "events.csv", "sessions.csv", "surveys.csv",
                                                     "removed_visits.csv"};
    return k_files;
}

namespace {

LoadResult load_all(const SourceViews& sources, Sources* release, const LoadOptions& options,
                    const std::optional<std::pair<std::string, std::string>>& flags)
{
    LoadResult result;
    Repo& repo = result.repo;
    Problems& problems = result.problems;
    repo.as_of = options.as_of.value_or(model::today());

    const auto cfg = sources.find("pthv.yaml");
    if (cfg == sources.end()) {
        problems.push_back({"config-invalid", Severity::Error, "pthv.yaml", 0, {}, "pthv.yaml is missing",
                            "`pthv init` writes one with commented defaults"});
    } else {
        auto parsed = parse_config(cfg->second, problems);
        repo.config = std::move(parsed.config);
        repo.config_ok = parsed.ok;
    }

    // sites.csv and staff.csv first: they are small, and every other file
    // refers to them. A site's coordinator is a staff id, known once
    // staff.csv is read.
    FileInfo sites_info, staff_info, students_info, trainings_info, visits_info;
    std::vector<std::string> coordinators;
    load_table(sources, "sites.csv", "site", sites_info, problems, release, options, &repo.names.sites.table(),
               [&](CheckedTable& t, std::size_t rows) { load_sites(t, rows, repo, coordinators); });
    load_table(sources, "staff.csv", "staff member", staff_info, problems, release, options,
               &repo.names.staff.table(), [&](CheckedTable& t, std::size_t rows) { load_staff(t, rows, repo); });
    for (std::size_t i = 0; i < repo.sites.size(); ++i)
        repo.sites[i].coordinator = repo.names.staff.intern(coordinators[i]);

    // visits.csv, the largest file, is read on a second thread while this
    // one reads students.csv and trainings.csv: until the threads join, each
    // adds ids only to its own tables (see Waiting). Its problems follow the
    // others', as if read in turn.
    Problems visit_problems;
    VisitPending visit_later;
    util::Arena visit_text;
    auto visits = util::start_beside([&] {
        load_table(sources, "visits.csv", "visit", visits_info, visit_problems, release, options,
                   &repo.names.visits.table(),
                   [&](CheckedTable& t, std::size_t rows) {
                       load_visits(t, rows, repo, visit_text, visit_later, visit_problems);
                   });
    });
    Waiting main_later;
    load_table(sources, "students.csv", "student", students_info, problems, release, options,
               &repo.names.students.table(),
               [&](CheckedTable& t, std::size_t rows) { load_students(t, rows, repo, problems, main_later); });
    load_table(sources, "trainings.csv", "training", trainings_info, problems, release, options, nullptr,
               [&](CheckedTable& t, std::size_t rows) { load_trainings(t, rows, repo, main_later); });
    visits.get(); // rethrows what the thread threw
    repo.text.absorb(std::move(visit_text));
    resolve_pending(repo, main_later, visit_later);
    problems.insert(problems.end(), std::make_move_iterator(visit_problems.begin()),
                    std::make_move_iterator(visit_problems.end()));
    if (cfg != sources.end() && sites_info.readable &&
        !check_funding_sites(repo.config, repo.names.sites, problems))
        repo.config_ok = false;
    for (auto* info : {&sites_info, &staff_info, &students_info, &trainings_info, &visits_info})
        repo.files[info->name] = std::move(*info);
    load_ledgers(sources, repo, problems);
    // Optional files: a repo without them loads as before.
    const auto optional = [&](const std::string& file, const std::string& kind, IdTable* ids, auto&& load) {
        if (!sources.count(file))
            return false;
        FileInfo info;
        load_table(sources, file, kind, info, problems, release, options, ids,
                   [&](CheckedTable& t, std::size_t rows) { load(t, rows, repo); });
        repo.files[info.name] = std::move(info);
        return true;
    };
    optional("reviews.csv", "review", nullptr, load_reviews);
    optional("events.csv", "event", &repo.names.events.table(), load_events);
    if (optional("sessions.csv", "session", &repo.names.sessions.table(), load_sessions))
        link_sessions(repo, problems);
    optional("surveys.csv", "survey response", &repo.names.responses.table(), load_surveys);
    optional("removed_visits.csv", "removed visit", nullptr, load_removed_visits);

    if (flags)
        load_flags(flags->first, flags->second, repo, problems);
    return result;
}

} // namespace

SourceViews views_of(const Sources& sources)
{
    SourceViews views;
    for (const auto& [name, text] : sources)
        views.emplace_hint(views.end(), name, text);
    return views;
}

LoadResult load_sources(const Sources& sources, const LoadOptions& options,
                        const std::optional<std::pair<std::string, std::string>>& flags)
{
    return load_all(views_of(sources), nullptr, options, flags);
}

LoadResult load_sources(const SourceViews& sources, const LoadOptions& options)
{
    return load_all(sources, nullptr, options, std::nullopt);
}

Sources read_sources(const fs::path& root)
{
    Sources sources;
    if (util::file_exists(root / "pthv.yaml"))
        sources["pthv.yaml"] = util::FileText::open(root / "pthv.yaml");
    for (const auto* files : {&data_files(), &optional_files()})
        for (const auto& name : *files)
            if (util::file_exists(root / name))
                sources[name] = util::FileText::open(root / name);
    // Closed payroll files take part in the checks (paid-not-compensable).
    // Any other file in payroll/ is named with no text, so the load reports
    // it (ledger-name) without reading what may be anything.
    std::error_code ec;
    if (fs::is_directory(root / "payroll", ec))
        for (const auto& entry : fs::directory_iterator(root / "payroll", ec)) {
            if (!entry.is_regular_file(ec))
                continue;
            const std::string name = "payroll/" + entry.path().filename().string();
            sources[name] = is_ledger_name(name) ? util::FileText::open(entry.path()) : util::FileText{};
        }
    return sources;
}

LoadResult load_repo(const fs::path& root, const LoadOptions& options)
{
    Sources sources = read_sources(root);
    std::optional<std::pair<std::string, std::string>> flags;
    if (options.flags_file)
        flags.emplace(options.flags_file->string(), util::read_file(*options.flags_file));
    LoadResult result = load_all(views_of(sources), &sources, options, flags);
    result.repo.root = root;
    return result;
}

std::optional<fs::path> find_repo_root(const fs::path& start)
{
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    while (true) {
        if (util::file_exists(dir / "pthv.yaml"))
            return dir;
        if (!dir.has_parent_path() || dir.parent_path() == dir)
            return std::nullopt;
        dir = dir.parent_path();
    }
}

} // namespace pthv::io
