#include "protect.hpp"

#include <map>
#include <unordered_map>

namespace pthv::exporting {

namespace {

constexpr std::size_t k_none = Table::k_none;

std::string cell(const std::vector<std::string>& row, std::size_t at)
{
    return at == k_none ? std::string() : row[at];
}

// The students as kanon sees them, each with the rows that show them.
struct People {
    std::vector<QuasiIds> ids;
    std::vector<std::size_t> student_row; // k_none: named only by visits.csv
    std::vector<std::vector<std::size_t>> visit_rows;
};

// One person per row of students.csv, in the order of their keyed ids (so
// the choice of whom to blank follows no order of the district's), then
// any student only visits.csv names, who is matched on their visits alone.
People gather(Table* students, Table* visits)
{
    People p;
    std::unordered_map<std::string, std::size_t> by_id;
    if (students) {
        sort_rows(*students);
        const Table& t = *students;
        const std::size_t id = t.column("student_id"), site = t.column("site_id"), grade = t.column("grade"),
                          language = t.column("language");
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            if (!cell(row, id).empty())
                by_id.emplace(row[id], p.ids.size());
            p.ids.push_back({cell(row, site), cell(row, grade), cell(row, language), {}});
            p.student_row.push_back(r);
        }
    }
    p.visit_rows.resize(p.ids.size());
    if (!visits)
        return p;
    sort_rows(*visits);
    const std::size_t student = visits->column("student_id"), site = visits->column("site_id"),
                      month = visits->column("month");
    std::map<std::string, std::vector<std::size_t>> visit_only; // ordered by keyed id
    for (std::size_t r = 0; r < visits->rows.size(); ++r) {
        auto& row = visits->rows[r];
        const std::string id = cell(row, student);
        const auto known = by_id.find(id);
        if (site != k_none && known != by_id.end() && row[site] == p.ids[known->second].site)
            row[site].clear(); // the student's own site, written as visits.csv does
        if (id.empty())
            continue;
        if (known == by_id.end()) {
            visit_only[id].push_back(r);
            continue;
        }
        p.visit_rows[known->second].push_back(r);
    }
    for (auto& [id, rows] : visit_only) {
        p.ids.push_back({});
        p.student_row.push_back(k_none);
        p.visit_rows.push_back(std::move(rows));
    }
    for (std::size_t i = 0; i < p.ids.size(); ++i)
        for (const std::size_t r : p.visit_rows[i]) {
            const std::string at = cell(visits->rows[r], site);
            p.ids[i].visits.push_back(cell(visits->rows[r], month) + (at.empty() ? "" : "@" + at));
        }
    return p;
}

// Writes cells and counts those it empties.
class Writer {
public:
    explicit Writer(Protection& p) : m_p(p) {}

    void set(Table& t, std::size_t row, std::size_t column, const std::string& value)
    {
        if (column == k_none)
            return;
        std::string& c = t.rows[row][column];
        if (!c.empty() && value.empty())
            ++m_count[{&t, column}];
        c = value;
    }
    void blank(Table& t, std::size_t row, std::size_t column) { set(t, row, column, {}); }

    // The counts, students.csv's columns before visits.csv's.
    void finish(const Table* students, const Table* visits)
    {
        for (const Table* t : {students, visits})
            for (const auto& [at, count] : m_count)
                if (t && at.first == t)
                    m_p.cells.push_back({t->name, t->header[at.second], count});
    }

private:
    Protection& m_p;
    std::map<std::pair<const Table*, std::size_t>, std::size_t> m_count;
};

void write_student(Writer& w, Table& t, std::size_t row, const QuasiIds& q, Blanked level)
{
    w.set(t, row, t.column("site_id"), q.site);
    w.set(t, row, t.column("grade"), q.grade);
    w.set(t, row, t.column("language"), q.language);
    if (level >= Blanked::Months)
        w.blank(t, row, t.column("family_id"));
    if (level >= Blanked::Attributes)
        w.blank(t, row, t.column("homeroom_id"));
}

// `language_hidden`: the student's language was recoded or blanked, and an
// interpreter, who speaks one language, would tell it again.
void write_visit(Writer& w, Table& t, std::size_t row, Blanked level, bool language_hidden)
{
    if (level >= Blanked::Months)
        for (const char* c : {"month", "site_id"})
            w.blank(t, row, t.column(c));
    if (language_hidden)
        w.blank(t, row, t.column("interpreter"));
    if (level >= Blanked::Site)
        for (const char* c : {"educators", "interpreter", "confirmed_by"})
            w.blank(t, row, t.column(c));
    if (level >= Blanked::Visits)
        w.blank(t, row, t.column("student_id"));
}

} // namespace

std::size_t Protection::blanked_cells() const
{
    std::size_t n = 0;
    for (const auto& c : cells)
        n += c.count;
    return n;
}

Protection protect(Table* students, Table* visits, unsigned k)
{
    Protection p;
    p.k = k;
    if (visits)
        p.renamed = coarsen_visit_dates(*visits);
    People people = gather(students, visits);
    Anonymised a = make_k_anonymous(people.ids, k);
    p.steps = a.steps;
    p.languages_recoded = a.languages_recoded;
    p.grades_banded = a.grades_banded;
    p.people = a.people.size();
    p.at_level.assign(static_cast<std::size_t>(Blanked::Visits) + 1, 0);
    p.donors = a.donors;
    p.smallest = smallest_group(a.people);
    Writer w(p);
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        ++p.at_level[static_cast<std::size_t>(a.blanked[i])];
        if (people.student_row[i] != k_none)
            write_student(w, *students, people.student_row[i], a.people[i], a.blanked[i]);
        const bool language_hidden = a.people[i].language != people.ids[i].language;
        for (const std::size_t r : people.visit_rows[i])
            write_visit(w, *visits, r, a.blanked[i], language_hidden);
    }
    w.finish(students, visits);
    return p;
}

} // namespace pthv::exporting
