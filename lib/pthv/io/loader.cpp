#include <pthv/io/loader.hpp>

#include <algorithm>
#include <future>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <vector>
#include <fmt/format.h>

#include <pthv/io/config.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/io/table.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

using namespace pthv::model;
namespace fs = std::filesystem;

namespace {

// About as many rows as the text has lines: reserving once spares a
// million-row file its regrowing copies.
std::size_t line_estimate(std::string_view text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
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
    return [scope, s, e, v](const std::vector<std::string_view>& cells) {
        if (scope->students.count(util::trim(cells[s])))
            return true;
        if (!util::for_each_part(cells[e], ';', [&](std::string_view staff) { return !scope->staff.count(staff); }))
            return true; // stopped at one of the scope's educators
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
// once. A missing file is reported. Returns the records' index by id (the
// first of duplicates wins). `release`, when given, is `sources` itself: the
// file's text is freed as soon as it is read, so a large repo never holds
// every file's text at once (load_repo; peak memory at state scale).
template <typename Load>
std::unordered_map<std::string, std::size_t> load_table(const SourceViews& sources, const std::string& file,
                                                        const std::string& kind, FileInfo& info, Problems& problems,
                                                        Sources* release, const LoadOptions& options, Load&& load)
{
    const Schema& s = schema(file.substr(0, file.find('.')));
    info.name = file;
    const auto it = sources.find(file);
    if (it == sources.end()) {
        problems.push_back({"csv-syntax", Severity::Error, file, 0, {}, "the file is missing",
                            "create it with its header row: " + util::join(s.column_names(), ",")});
        return {};
    }
    info.exists = true;
    std::unordered_map<std::string, std::size_t> keys;
    {
        const Scope* scope = options.scope.get();
        CsvReadOptions read_options;
        read_options.only_lines_with = scope_needles(scope, options.read_whole, file);
        CsvReader reader(file, it->second, problems, read_options);
        info.readable = reader.has_header();
        info.crlf = reader.crlf();
        info.header = reader.header();
        CheckedTable table(s, reader, kind, problems);
        auto filter = scope_filter(scope, file, reader.header());
        const bool all_rows = !filter;
        table.keep_only(std::move(filter));
        const std::size_t rows = all_rows ? line_estimate(it->second) : 0;
        table.reserve(rows);
        load(table, rows);
        keys = table.take_keys();
    }
    if (release)
        std::string().swap(release->find(file)->second);
    return keys;
}

void load_sites(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.sites.reserve(rows);
    while (t.next()) {
        Site s;
        s.id = std::string(t.text("site_id"));
        s.name = std::string(t.text("name"));
        s.level = t.enumeration<SiteLevel>("level");
        s.status = t.enumeration<SiteStatus>("status");
        s.coordinator_id = std::string(t.text("coordinator_id"));
        s.visit_goal = t.integer("visit_goal");
        s.line = t.line();
        repo.sites.push_back(std::move(s));
    }
}

void load_staff(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.staff.reserve(rows);
    while (t.next()) {
        Staff s;
        s.id = std::string(t.text("staff_id"));
        s.name = std::string(t.text("name"));
        s.site_id = std::string(t.text("site_id"));
        s.role = std::string(t.text("role"));
        s.staff_class = t.enumeration<StaffClass>("class");
        s.opted_in = t.boolean("opted_in");
        s.hourly_rate = t.money("hourly_rate");
        s.active = t.boolean("active").value_or(true);
        s.line = t.line();
        repo.staff.push_back(std::move(s));
    }
}

// A concern-flag cell, in students.csv or the flags file: yes, no or empty
// (nullopt); anything else is value-invalid and read as empty.
std::optional<bool> flag_value(std::string_view cell, const std::string& flag, const std::string& file,
                               std::size_t line, const std::string& student_id, Problems& problems)
{
    const auto b = parse_yes_no(cell);
    if (!cell.empty() && !b)
        problems.push_back({"value-invalid", Severity::Error, file, line, student_id,
                            fmt::format("student {}: {} \"{}\" is not yes or no", student_id, flag, cell), {}});
    return b;
}

void load_students(CheckedTable& t, std::size_t rows, Repo& repo, Problems& problems)
{
    std::vector<std::size_t> flag_columns;
    for (const auto& [name, index] : t.extra_columns())
        if (util::starts_with(name, "flag_")) {
            repo.flag_names.push_back(name);
            flag_columns.push_back(index);
        }
    repo.students.reserve(rows); // a million students: no regrowing copies
    while (t.next()) {
        Student s;
        s.id = std::string(t.text("student_id"));
        s.site_id = std::string(t.text("site_id"));
        s.grade = std::string(t.text("grade"));
        s.homeroom_id = std::string(t.text("homeroom_id"));
        s.name = std::string(t.text("name"));
        s.family_id = std::string(t.text("family_id"));
        s.line = t.line();
        for (std::size_t f = 0; f < flag_columns.size(); ++f) {
            const auto b = flag_value(t.cell(flag_columns[f]), repo.flag_names[f], t.file(), s.line, s.id,
                                      problems);
            s.set_flag(f, b ? (*b ? 1 : 0) : -1);
        }
        repo.students.push_back(std::move(s));
    }
}

void load_trainings(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.trainings.reserve(rows);
    while (t.next()) {
        Training tr;
        tr.staff_id = std::string(t.text("staff_id"));
        tr.date = t.date("date");
        tr.kind = t.enumeration<TrainingKind>("kind");
        tr.hours_x100 = t.hundredths("hours");
        tr.session = std::string(t.text("session"));
        tr.line = t.line();
        repo.trainings.push_back(std::move(tr));
    }
}

void load_visits(CheckedTable& t, std::size_t rows, Repo& repo)
{
    repo.visits.reserve(rows);
    while (t.next()) {
        Visit v;
        v.id = std::string(t.text("visit_id"));
        v.student_id = std::string(t.text("student_id"));
        v.site_id = std::string(t.text("site_id"));
        v.date = t.date("date");
        v.start_time = t.time("start_time");
        v.minutes = t.integer("minutes");
        util::for_each_part(t.text("educators"), ';', [&](std::string_view e) {
            v.educators.emplace_back(e);
            return true;
        });
        v.status = t.enumeration<VisitStatus>("status");
        v.arranged_on = t.date("arranged_on");
        v.focus = t.enumeration<Focus>("focus");
        v.mode = t.enumeration<Mode>("mode");
        v.reflected_on = t.date("reflected_on");
        v.language = std::string(t.text("language"));
        v.notes = std::string(t.text("notes"));
        v.line = t.line();
        repo.visits.push_back(std::move(v));
    }
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

// Closed pay periods (data.md, payroll/YYYY-MM.csv). Only files so named are
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
        while (t.next()) {
            LedgerLine l;
            l.file = name;
            l.period = std::string(t.text("period"));
            l.staff_id = std::string(t.text("staff_id"));
            l.item = std::string(t.text("item"));
            l.item_id = std::string(t.text("item_id"));
            l.date = t.date("date");
            l.minutes = t.integer("minutes");
            l.hours_x100 = t.hundredths("hours");
            l.rate = t.money("rate");
            l.amount = t.money("amount");
            l.site_id = std::string(t.text("site_id"));
            l.source = std::string(t.text("source"));
            l.line = t.line();
            repo.ledger.push_back(std::move(l));
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

// The flags file's rows by student_id: the line and values of the first.
using FlagRows = std::unordered_map<std::string, std::pair<std::size_t, std::vector<std::optional<bool>>>>;

// A student_id seen before in the flags file is duplicate-key (its key is
// student_id, as in students.csv), whether or not the values agree; the
// message names the first line and any flag the two rows disagree on.
// Returns true for a repeat (recorded in `seen` otherwise).
bool flags_duplicate(const std::string& file, std::size_t line, const std::string& id,
                     const std::vector<std::optional<bool>>& values,
                     const std::vector<std::pair<std::size_t, std::size_t>>& columns,
                     const std::vector<std::string>& header, FlagRows& seen, Problems& problems)
{
    const auto [it, first] = seen.try_emplace(id, line, values);
    if (first)
        return false;
    const auto shown = [](const std::optional<bool>& v) { return v ? (*v ? "yes" : "no") : "empty"; };
    std::string conflicts;
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (values[k] != it->second.second[k])
            conflicts += fmt::format("{}{} {} there, {} here", conflicts.empty() ? "" : "; ",
                                     header[columns[k].first], shown(it->second.second[k]), shown(values[k]));
    problems.push_back(
        {"duplicate-key", Severity::Error, file, line, id,
         conflicts.empty()
             ? fmt::format("student_id {} appears again (first on line {})", id, it->second.first)
             : fmt::format("student_id {} appears again (first on line {}) with other flags: {}; neither is used",
                           id, it->second.first, conflicts),
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
    FlagRows seen;
    for (const auto& row : t.rows) {
        const std::string& id = row.cells[id_index];
        const auto st = repo.student_index.find(id);
        if (st == repo.student_index.end()) {
            problems.push_back({"unknown-ref", Severity::Error, name, row.line, id,
                                "student_id " + id + " is not in students.csv", {}});
            continue;
        }
        Student& s = repo.students[st->second];
        std::vector<std::optional<bool>> values;
        for (const auto& [c, f] : columns)
            values.push_back(flag_value(row.cells[c], t.header[c], name, row.line, id, problems));
        if (flags_duplicate(name, row.line, id, values, columns, t.header, seen, problems)) {
            // Conflicting rows leave the flag unknown: neither value is known to hold.
            for (std::size_t k = 0; k < columns.size(); ++k)
                if (values[k] != seen[id].second[k])
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
    static const std::vector<std::string> k_files = {"reviews.csv"};
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

    // visits.csv, the largest file, is read on a second thread while this
    // one reads the others: nothing in it depends on them until the rules
    // run. Its problems follow the others', as if read in turn.
    FileInfo visits_info;
    Problems visit_problems;
    auto visits = std::async(std::launch::async, [&] {
        repo.visit_index = load_table(sources, "visits.csv", "visit", visits_info, visit_problems, release, options,
                                      [&](CheckedTable& t, std::size_t rows) { load_visits(t, rows, repo); });
    });
    FileInfo sites_info, staff_info, students_info, trainings_info;
    repo.site_index = load_table(sources, "sites.csv", "site", sites_info, problems, release, options,
                                 [&](CheckedTable& t, std::size_t rows) { load_sites(t, rows, repo); });
    repo.staff_index = load_table(sources, "staff.csv", "staff member", staff_info, problems, release, options,
                                  [&](CheckedTable& t, std::size_t rows) { load_staff(t, rows, repo); });
    repo.student_index =
        load_table(sources, "students.csv", "student", students_info, problems, release, options,
                   [&](CheckedTable& t, std::size_t rows) { load_students(t, rows, repo, problems); });
    load_table(sources, "trainings.csv", "training", trainings_info, problems, release, options,
               [&](CheckedTable& t, std::size_t rows) { load_trainings(t, rows, repo); });
    visits.get(); // rethrows what the thread threw
    problems.insert(problems.end(), std::make_move_iterator(visit_problems.begin()),
                    std::make_move_iterator(visit_problems.end()));
    if (cfg != sources.end() && sites_info.readable &&
        !check_funding_sites(repo.config, repo.site_index, problems))
        repo.config_ok = false;
    for (auto* info : {&sites_info, &staff_info, &students_info, &trainings_info, &visits_info})
        repo.files[info->name] = std::move(*info);
    load_ledgers(sources, repo, problems);
    // Optional files: a repo without them loads as before.
    if (sources.count("reviews.csv")) {
        FileInfo info;
        load_table(sources, "reviews.csv", "review", info, problems, release, options,
                   [&](CheckedTable& t, std::size_t rows) { load_reviews(t, rows, repo); });
        repo.files[info.name] = std::move(info);
    }

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
        sources["pthv.yaml"] = util::read_file(root / "pthv.yaml");
    for (const auto* files : {&data_files(), &optional_files()})
        for (const auto& name : *files)
            if (util::file_exists(root / name))
                sources[name] = util::read_file(root / name);
    // Closed payroll files take part in the checks (paid-not-compensable).
    // Any other file in payroll/ is named with no text, so the load reports
    // it (ledger-name) without reading what may be anything.
    std::error_code ec;
    if (fs::is_directory(root / "payroll", ec))
        for (const auto& entry : fs::directory_iterator(root / "payroll", ec)) {
            if (!entry.is_regular_file(ec))
                continue;
            const std::string name = "payroll/" + entry.path().filename().string();
            sources[name] = is_ledger_name(name) ? util::read_file(entry.path()) : std::string{};
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
