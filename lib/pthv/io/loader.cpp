#include <pthv/io/loader.hpp>

#include <algorithm>
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

template <typename T>
void index_records(const std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index)
{
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!items[i].id.empty())
            index.emplace(items[i].id, i); // the first of duplicates wins
}

// Parses one data file against its schema; a missing file is reported.
// `release`, when given, is `sources` itself: each file's text is freed as
// soon as it is parsed, so a large repo never holds every file's text and
// every file's cells at once (load_repo; peak memory at state scale).
std::optional<CheckedTable> open_table(const Sources& sources, const std::string& file, const std::string& kind,
                                       Repo& repo, Problems& problems, Sources* release = nullptr)
{
    const Schema& s = schema(file.substr(0, file.find('.')));
    FileInfo info;
    info.name = file;
    const auto it = sources.find(file);
    if (it == sources.end()) {
        problems.push_back({"csv-syntax", Severity::Error, file, 0, {}, "the file is missing",
                            "create it with its header row: " + util::join(s.column_names(), ",")});
        repo.files[file] = info;
        return std::nullopt;
    }
    info.exists = true;
    CsvTable table = read_csv(file, it->second, problems);
    if (release)
        std::string().swap((*release)[file]);
    info.readable = table.has_header;
    info.crlf = table.crlf;
    info.header = table.header;
    repo.files[file] = info;
    return CheckedTable(s, std::move(table), kind, problems);
}

void load_sites(const CheckedTable& t, Repo& repo)
{
    for (std::size_t r = 0; r < t.size(); ++r) {
        Site s;
        s.id = std::string(t.text(r, "site_id"));
        s.name = std::string(t.text(r, "name"));
        s.level = t.enumeration<SiteLevel>(r, "level");
        s.status = t.enumeration<SiteStatus>(r, "status");
        s.coordinator_id = std::string(t.text(r, "coordinator_id"));
        s.visit_goal = t.integer(r, "visit_goal");
        s.line = t.line(r);
        repo.sites.push_back(std::move(s));
    }
}

void load_staff(const CheckedTable& t, Repo& repo)
{
    for (std::size_t r = 0; r < t.size(); ++r) {
        Staff s;
        s.id = std::string(t.text(r, "staff_id"));
        s.name = std::string(t.text(r, "name"));
        s.site_id = std::string(t.text(r, "site_id"));
        s.role = std::string(t.text(r, "role"));
        s.staff_class = t.enumeration<StaffClass>(r, "class");
        s.opted_in = t.boolean(r, "opted_in");
        s.hourly_rate = t.money(r, "hourly_rate");
        s.active = t.boolean(r, "active").value_or(true);
        s.line = t.line(r);
        repo.staff.push_back(std::move(s));
    }
}

// A concern-flag cell, in students.csv or the flags file: yes, no or empty
// (nullopt); anything else is value-invalid and read as empty.
std::optional<bool> flag_value(const std::string& cell, const std::string& flag, const std::string& file,
                               std::size_t line, const std::string& student_id, Problems& problems)
{
    const auto b = parse_yes_no(cell);
    if (!cell.empty() && !b)
        problems.push_back({"value-invalid", Severity::Error, file, line, student_id,
                            fmt::format("student {}: {} \"{}\" is not yes or no", student_id, flag, cell), {}});
    return b;
}

void load_students(const CheckedTable& t, Repo& repo, Problems& problems)
{
    std::vector<std::size_t> flag_columns;
    for (const auto& [name, index] : t.extra_columns())
        if (util::starts_with(name, "flag_")) {
            repo.flag_names.push_back(name);
            flag_columns.push_back(index);
        }
    repo.students.reserve(t.size()); // a million students: no regrowing copies
    for (std::size_t r = 0; r < t.size(); ++r) {
        Student s;
        s.id = std::string(t.text(r, "student_id"));
        s.site_id = std::string(t.text(r, "site_id"));
        s.grade = std::string(t.text(r, "grade"));
        s.homeroom_id = std::string(t.text(r, "homeroom_id"));
        s.name = std::string(t.text(r, "name"));
        s.family_id = std::string(t.text(r, "family_id"));
        s.line = t.line(r);
        for (std::size_t f = 0; f < flag_columns.size(); ++f) {
            const auto b = flag_value(t.cell(r, flag_columns[f]), repo.flag_names[f], t.csv().file, s.line, s.id,
                                      problems);
            s.flags.push_back(static_cast<signed char>(b ? (*b ? 1 : 0) : -1));
        }
        repo.students.push_back(std::move(s));
    }
}

void load_trainings(const CheckedTable& t, Repo& repo)
{
    for (std::size_t r = 0; r < t.size(); ++r) {
        Training tr;
        tr.staff_id = std::string(t.text(r, "staff_id"));
        tr.date = t.date(r, "date");
        tr.kind = t.enumeration<TrainingKind>(r, "kind");
        tr.hours_x100 = t.hundredths(r, "hours");
        tr.session = std::string(t.text(r, "session"));
        tr.line = t.line(r);
        repo.trainings.push_back(std::move(tr));
    }
}

void load_visits(const CheckedTable& t, Repo& repo)
{
    repo.visits.reserve(t.size());
    for (std::size_t r = 0; r < t.size(); ++r) {
        Visit v;
        v.id = std::string(t.text(r, "visit_id"));
        v.student_id = std::string(t.text(r, "student_id"));
        v.site_id = std::string(t.text(r, "site_id"));
        v.date = t.date(r, "date");
        v.start_time = t.time(r, "start_time");
        v.minutes = t.integer(r, "minutes");
        const std::string_view educators = t.text(r, "educators");
        if (!educators.empty())
            for (auto& e : util::split(educators, ';'))
                if (!util::trim(e).empty())
                    v.educators.emplace_back(util::trim(e));
        v.status = t.enumeration<VisitStatus>(r, "status");
        v.arranged_on = t.date(r, "arranged_on");
        v.focus = t.enumeration<Focus>(r, "focus");
        v.mode = t.enumeration<Mode>(r, "mode");
        v.reflected_on = t.date(r, "reflected_on");
        v.language = std::string(t.text(r, "language"));
        v.notes = std::string(t.text(r, "notes"));
        v.line = t.line(r);
        repo.visits.push_back(std::move(v));
    }
}

void load_ledgers(const Sources& sources, Repo& repo, Problems& problems)
{
    for (const auto& [name, content] : sources) {
        if (!util::starts_with(name, "payroll/") || !util::ends_with(name, ".csv"))
            continue;
        CheckedTable t(schema("payroll"), read_csv(name, content, problems), "paid item", problems);
        for (std::size_t r = 0; r < t.size(); ++r) {
            LedgerLine l;
            l.file = name;
            l.period = std::string(t.text(r, "period"));
            l.staff_id = std::string(t.text(r, "staff_id"));
            l.item = std::string(t.text(r, "item"));
            l.item_id = std::string(t.text(r, "item_id"));
            l.date = t.date(r, "date");
            l.minutes = t.integer(r, "minutes");
            l.hours_x100 = t.hundredths(r, "hours");
            l.rate = t.money(r, "rate");
            l.amount = t.money(r, "amount");
            l.site_id = std::string(t.text(r, "site_id"));
            l.source = std::string(t.text(r, "source"));
            l.line = t.line(r);
            repo.ledger.push_back(std::move(l));
        }
    }
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
            repo.flag_names.push_back(t.header[c]);
            for (auto& s : repo.students)
                s.flags.push_back(-1);
            it = repo.flag_names.end() - 1;
        }
        columns.emplace_back(c, static_cast<std::size_t>(it - repo.flag_names.begin()));
    }
    for (const auto& row : t.rows) {
        const std::string& id = row.cells[id_index];
        const auto st = repo.student_index.find(id);
        if (st == repo.student_index.end()) {
            problems.push_back({"unknown-ref", Severity::Error, name, row.line, id,
                                "student_id " + id + " is not in students.csv", {}});
            continue;
        }
        Student& s = repo.students[st->second];
        for (const auto& [c, f] : columns) {
            const auto b = flag_value(row.cells[c], t.header[c], name, row.line, id, problems);
            if (b)
                s.flags[f] = static_cast<signed char>(*b ? 1 : 0);
        }
    }
}

} // namespace

const std::vector<std::string>& data_files()
{
    static const std::vector<std::string> k_files = {"sites.csv", "staff.csv", "students.csv", "trainings.csv",
                                                     "visits.csv"};
    return k_files;
}

namespace {

LoadResult load_all(const Sources& sources, Sources* release, const LoadOptions& options,
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

    if (auto t = open_table(sources, "sites.csv", "site", repo, problems, release))
        load_sites(*t, repo);
    if (auto t = open_table(sources, "staff.csv", "staff member", repo, problems, release))
        load_staff(*t, repo);
    if (auto t = open_table(sources, "students.csv", "student", repo, problems, release))
        load_students(*t, repo, problems);
    if (auto t = open_table(sources, "trainings.csv", "training", repo, problems, release))
        load_trainings(*t, repo);
    if (auto t = open_table(sources, "visits.csv", "visit", repo, problems, release))
        load_visits(*t, repo);
    load_ledgers(sources, repo, problems);

    index_records(repo.sites, repo.site_index);
    index_records(repo.staff, repo.staff_index);
    index_records(repo.students, repo.student_index);
    index_records(repo.visits, repo.visit_index);
    if (flags)
        load_flags(flags->first, flags->second, repo, problems);
    return result;
}

} // namespace

LoadResult load_sources(const Sources& sources, const LoadOptions& options,
                        const std::optional<std::pair<std::string, std::string>>& flags)
{
    return load_all(sources, nullptr, options, flags);
}

Sources read_sources(const fs::path& root)
{
    Sources sources;
    if (util::file_exists(root / "pthv.yaml"))
        sources["pthv.yaml"] = util::read_file(root / "pthv.yaml");
    for (const auto& name : data_files())
        if (util::file_exists(root / name))
            sources[name] = util::read_file(root / name);
    // Closed payroll files take part in the checks (paid-not-compensable).
    std::error_code ec;
    if (fs::is_directory(root / "payroll", ec))
        for (const auto& entry : fs::directory_iterator(root / "payroll", ec)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && util::ends_with(name, ".csv"))
                sources["payroll/" + name] = util::read_file(entry.path());
        }
    return sources;
}

LoadResult load_repo(const fs::path& root, const LoadOptions& options)
{
    Sources sources = read_sources(root);
    std::optional<std::pair<std::string, std::string>> flags;
    if (options.flags_file)
        flags.emplace(options.flags_file->string(), util::read_file(*options.flags_file));
    LoadResult result = load_all(sources, &sources, options, flags);
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
