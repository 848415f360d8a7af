#include <pthv/record/visit.hpp>

#include <algorithm>
#include <map>

#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/model/date.hpp>
#include <pthv/record/edit.hpp>
#include <pthv/util/mapped.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

// "V<yyyymmdd>-<student_id>": a new visit's id, before any "-2". A date
// that does not read (11/4/2026 in an import without date_format) gives
// "V????????-<student>": the row is refused anyway, and its messages must
// not show a made-up date such as V1142026.
std::string visit_id_base(const std::string& date, const std::string& student_id)
{
    const auto d = model::Date::parse(date);
    std::string digits = d ? d->str() : std::string("????????");
    digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
    return "V" + digits + "-" + student_id;
}

std::string field(const Fields& fields, const char* name)
{
    const auto it = fields.find(name);
    return it == fields.end() ? std::string{} : it->second;
}

} // namespace

std::string make_visit_id(const std::string& date, const std::string& student_id, const model::Repo& repo,
                          std::set<std::string>& reserved)
{
    const std::string base = visit_id_base(date, student_id);
    // A removed visit's id is never given again: the row would be
    // removed-visit-present (a visit that came back).
    const auto removed = [&](const std::string& id) {
        return std::any_of(repo.removed_visits.begin(), repo.removed_visits.end(),
                           [&](const model::RemovedVisit& r) { return r.visit_id == id; });
    };
    std::string id = base;
    for (int n = 2; repo.names.visits.defined(repo.names.visits.find(id)) || reserved.count(id) || removed(id); ++n)
        id = base + "-" + std::to_string(n);
    reserved.insert(id);
    return id;
}

io::Scope visit_scope(const std::vector<Fields>& rows)
{
    io::Scope scope;
    for (const auto& row : rows) {
        const std::string student(util::trim(field(row, "student_id")));
        scope.students.insert(student);
        util::for_each_part(field(row, "educators"), ';', [&](std::string_view e) {
            scope.staff.emplace(e);
            return true;
        });
        // A staff interpreter is paid like an educator (over-cap counts
        // their visits): the rows naming them bear on the change too.
        // (A string, not a view: `field` returns a temporary.)
        if (const std::string interpreter(util::trim(field(row, "interpreter"))); !interpreter.empty())
            scope.staff.insert(interpreter);
        const std::string id(util::trim(field(row, "visit_id")));
        scope.visit_id_prefixes.push_back(id.empty() ? visit_id_base(field(row, "date"), student) : id);
    }
    return scope;
}

void complete_new_visit(Fields& fields, const model::Repo& repo, const std::string& default_status)
{
    if (fields["status"].empty())
        fields["status"] = default_status;
    fields["educators"] = join_ids(fields["educators"]);
    if (fields["site_id"].empty())
        if (const model::Student* s = repo.find(repo.names.students.find(fields["student_id"])))
            fields["site_id"] = std::string(repo.id(s->site));
    // The day the row is recorded, where the file keeps it: a visits.csv
    // without the column is written as before.
    const auto info = repo.files.find("visits.csv");
    if (info != repo.files.end() && field(fields, "logged_on").empty() &&
        std::count(info->second.header.begin(), info->second.header.end(), "logged_on") > 0)
        fields["logged_on"] = repo.as_of.str();
}

namespace {

// The student a row with no language names, or nullptr.
const model::Student* student_for_language(const Fields& fields, const model::Repo& repo)
{
    if (!field(fields, "language").empty())
        return nullptr;
    const model::Student* s = repo.find(repo.names.students.find(field(fields, "student_id")));
    return s && s->line > 0 ? s : nullptr;
}

// `fields`' language from its student's row of students.csv.
void language_from(Fields& fields, const Fields& student)
{
    for (const char* column : {"home_language", "language"})
        if (const auto it = student.find(column); it != student.end() && !util::trim(it->second).empty()) {
            fields["language"] = std::string(util::trim(it->second));
            return;
        }
}

} // namespace

void fill_language(Fields& fields, const io::Sources& sources, const model::Repo& repo)
{
    if (const model::Student* s = student_for_language(fields, repo))
        language_from(fields, row_fields(sources, "students.csv", s->line));
}

void fill_languages(std::vector<Fields>& rows, const io::Sources& sources, const model::Repo& repo)
{
    std::map<std::size_t, std::vector<std::size_t>> by_line; // students.csv line -> the rows naming its student
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (const model::Student* s = student_for_language(rows[i], repo))
            by_line[s->line].push_back(i);
    const auto it = sources.find("students.csv");
    if (by_line.empty() || it == sources.end())
        return;
    const std::string_view text = it->second;
    // The pages of a mapped file walked past are given back 8 MB at a time:
    // a state's students.csv is not all held at once.
    constexpr std::size_t k_window = std::size_t{8} << 20;
    std::size_t line = 1, at = 0, given_back = 0; // `at`: where physical line `line` begins
    for (const auto& [wanted, which] : by_line) {
        for (; line < wanted && at < text.size(); ++line) {
            const std::size_t end = text.find('\n', at);
            at = end == std::string_view::npos ? text.size() : end + 1;
        }
        if (at - given_back >= k_window) {
            util::drop_mapped_before(text, at);
            given_back = at;
        }
        if (line != wanted || at >= text.size())
            break;
        // The header and this one line, read as row_fields reads them.
        std::string lines(io::line_at(text, 1));
        if (lines.empty() || lines.back() != '\n')
            lines += '\n';
        lines += io::line_at(text.substr(at), 1);
        io::Sources two;
        two["students.csv"] = util::FileText(std::move(lines));
        const Fields student = row_fields(two, "students.csv", 2);
        for (const std::size_t i : which)
            language_from(rows[i], student);
    }
}

namespace {

std::vector<std::string> sorted_ids(std::vector<std::string> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// Orders rows of Repo::visits by their student's handle.
struct ByLoggedStudent {
    const model::Repo& repo;
    bool operator()(std::uint32_t row, model::StudentId s) const { return repo.visits[row].student < s; }
    bool operator()(model::StudentId s, std::uint32_t row) const { return s < repo.visits[row].student; }
};

} // namespace

VisitKey visit_key(const Fields& fields)
{
    const std::string joined = join_ids(field(fields, "educators"));
    return {field(fields, "student_id"), field(fields, "date"), sorted_ids(joined.empty() ? std::vector<std::string>{}
                                                                      : util::split(joined, ';'))};
}

VisitKey visit_key(const model::Repo& repo, const model::Visit& visit)
{
    std::vector<std::string> educators;
    for (const model::StaffId e : repo.educators(visit))
        educators.emplace_back(repo.id(e));
    return {std::string(repo.id(visit.student)), visit.date ? visit.date->str() : std::string{},
            sorted_ids(std::move(educators))};
}

LoggedVisits::LoggedVisits(const model::Repo& repo) : m_repo(repo), m_rows(repo.visits.size())
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rows[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        return repo.visits[a].student < repo.visits[b].student;
    });
}

bool LoggedVisits::count(const VisitKey& key) const
{
    const std::string& student = std::get<0>(key);
    // A visit without a student has no handle, as the empty text has none.
    const model::StudentId id = m_repo.names.students.find(student);
    if (!id && !student.empty())
        return false; // no logged visit names this student
    const auto of_student = std::equal_range(m_rows.begin(), m_rows.end(), id, ByLoggedStudent{m_repo});
    for (auto it = of_student.first; it != of_student.second; ++it)
        if (visit_key(m_repo, m_repo.visits[*it]) == key)
            return true;
    return false;
}

const std::vector<std::string>& visit_field_names()
{
    static const std::vector<std::string> k_names = io::schema("visits").column_names();
    return k_names;
}

model::Problems confirm_refusals(const Fields& row, std::string_view visit_id)
{
    const std::string id(visit_id);
    const std::string status = field(row, "status");
    if (status != "completed")
        return {{{}, model::Severity::Error, "visits.csv", 0, id,
                 "the visit is " + (status.empty() ? std::string("without a status") : status) +
                     "; only a completed visit is confirmed",
                 "record it with --update " + id + " --status completed first"}};
    const std::string confirmed = field(row, "confirmed_on");
    if (!util::trim(confirmed).empty())
        return {{{}, model::Severity::Error, "visits.csv", 0, id, "it was confirmed on " + confirmed + " already", {}}};
    return {};
}

} // namespace pthv::record
