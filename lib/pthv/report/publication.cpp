// The publication set's cells, person by person (publication.hpp). Each
// cell here is a count a public report prints (publish) or one a reader
// could work out from them (sensitive: enrolled but not visited, visits
// not meeting a practice, answers not favourable). Every definition
// mirrors the figure's own in figures*.cpp; Publication::apply checks each
// printed count against its cell, so a figure defined differently here is
// withheld, never shown unprotected.

#include <pthv/report/publication.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <pthv/model/student_visits.hpp>
#include <pthv/model/training_status.hpp>
#include <pthv/report/figures_detail.hpp>
#include <pthv/util/parallel.hpp>

namespace pthv::report {

using model::Period;
using stats::Protection;

namespace {

constexpr const char* k_district = "*";
const char* const k_mode_names[] = {"home", "community", "virtual"};

bool visits_have_column(const model::Repo& repo, const char* column)
{
    const auto it = repo.files.find("visits.csv");
    return it != repo.files.end() &&
           std::find(it->second.header.begin(), it->second.header.end(), column) != it->second.header.end();
}

std::string language_key(std::string_view language)
{
    return language.empty() ? std::string("unspecified") : std::string(language);
}

std::string month_of(model::Date d) { return d.str().substr(0, 7); }

// What withholding a figure costs the board: a district figure more
// than a school's, a school's figure that the district's tables print
// beside the others' (its visits, students, families ...) more than
// one only its own report breaks down (its visits by month, mode,
// language ...), and a figure of the year more than a month's. The
// complements of secondary suppression are taken cheapest first.
int cell_cost(const Period* p, std::string_view scope, std::string_view measure)
{
    static const char* const beside[] = {"completed", "visited", "enrolled", "reached",  "second",  "sched",
                                         "due",       "declined", "ahead",   "trained",  "educators", "short",
                                         "responses", "answered", "unfav",   "att",     "score"};
    const bool in_district_tables =
        std::find_if(std::begin(beside), std::end(beside), [&](const char* m) { return measure == m; }) !=
        std::end(beside);
    const int where = scope == k_district ? 10 : in_district_tables ? 3 : 1;
    if (!p) // as of the as-of date: printed in the report of every period
        return 30 * where;
    if (p->label == "end-of-year")
        return 8 * where;
    if (p->label == "mid-year")
        return 4 * where;
    return p->label.size() == 7 ? where : 2 * where;
}

// The set's cells by the fields of their keys, for one build. Person after
// person asks for nearly the same cells (the students of a school follow
// one another), so a table of recent answers, by the fields themselves,
// saves writing each key and probing the set's table of every key.
class Cells {
public:
    Cells(Protection& set, const std::vector<Period>& periods, const model::Config& config)
        : m_set(set), m_recent(k_slots)
    {
        for (const Period& p : periods) {
            m_ends.push_back(p.to.days());
            m_outlasting.emplace(&p, outlasting(p, config));
        }
        std::sort(m_ends.begin(), m_ends.end());
        m_ends.erase(std::unique(m_ends.begin(), m_ends.end()), m_ends.end());
    }
    Protection& set() { return m_set; }

    // The posting a cell is decided in (Protection::set_postings): a
    // period's cells with those of every period that ends on the same day,
    // in the order of those days, so that what a report posted in February
    // showed is decided the same in May; what describes the as-of date
    // (staff and their training now, visits scheduled ahead) after them,
    // since it changes from one posting to the next (the roster: the
    // first, Person::publish_roster()).
    int posting_stage(const Period* p) const
    {
        if (!p)
            return static_cast<int>(m_ends.size());
        return static_cast<int>(std::lower_bound(m_ends.begin(), m_ends.end(), p->to.days()) - m_ends.begin());
    }
    int postings() const { return static_cast<int>(m_ends.size()) + 1; }
    // The stage of `posting` in `layer` (0 the reports' own tables, 1 the
    // subgroups and outcome tables): Protection::set_postings's numbering.
    int stage(int layer, int posting) const { return layer * postings() + posting; }

    struct Found {
        Protection::CellId cell;
        int cost;
        int stage;
        std::uint32_t measure; // kind and measure, numbered
    };
    Found find(char kind, const Period* p, std::string_view scope, std::string_view measure, std::string_view part)
    {
        // The key's text after its period, exactly: scope|measure[|part].
        const std::size_t size = scope.size() + 1 + measure.size() + (part.empty() ? 0 : part.size() + 1);
        if (size > k_text)
            return lookup(kind, p, scope, measure, part);
        std::array<char, k_text> text{};
        char* at = std::copy(scope.begin(), scope.end(), text.data());
        *at++ = '|';
        at = std::copy(measure.begin(), measure.end(), at);
        if (!part.empty()) {
            *at++ = '|';
            std::copy(part.begin(), part.end(), at);
        }
        std::uint64_t h = 14695981039346656037ull ^ static_cast<unsigned char>(kind);
        h = (h ^ reinterpret_cast<std::uintptr_t>(p)) * 1099511628211ull;
        for (std::size_t i = 0; i < size; ++i)
            h = (h ^ static_cast<unsigned char>(text[i])) * 1099511628211ull;
        Recent& r = m_recent[(h ^ (h >> 29)) & (k_slots - 1)];
        if (r.used && r.period == p && r.kind == kind && r.size == size &&
            std::equal(text.data(), text.data() + size, r.text.data()))
            return {r.cell, r.cost, r.stage, r.measure};
        const Found f = lookup(kind, p, scope, measure, part);
        r = Recent{p, kind, static_cast<std::uint8_t>(size), text, f.cell, f.cost, f.stage, f.measure, true};
        return f;
    }

private:
    static constexpr std::size_t k_slots = std::size_t{1} << 15;
    static constexpr std::size_t k_text = 46;
    struct Recent {
        const Period* period = nullptr; // a period of the build's own list: the same object each time
        char kind = 0;
        std::uint8_t size = 0;
        std::array<char, k_text> text{}; // scope|measure[|part]
        Protection::CellId cell = 0;
        int cost = 0;
        int stage = 0;
        std::uint32_t measure = 0;
        bool used = false;
    };

    Found lookup(char kind, const Period* p, std::string_view scope, std::string_view measure, std::string_view part)
    {
        m_key.clear();
        append_cell_key(m_key, kind, p, scope, measure, part);
        // A period that a longer one of the list begins with: withholding
        // its figure withholds the longer one's too, as a rule, when that
        // is posted (the year less mid-year would be a small count).
        int cost = cell_cost(p, scope, measure);
        if (const auto it = m_outlasting.find(p); it != m_outlasting.end() && it->second)
            cost += cell_cost(&*it->second, scope, measure);
        std::string name(1, kind);
        name += measure;
        const auto m = m_measures.try_emplace(std::move(name), static_cast<std::uint32_t>(m_measures.size())).first;
        return {m_set.cell(m_key), cost, posting_stage(p), m->second};
    }

    Protection& m_set;
    std::vector<std::int32_t> m_ends; // the periods' last days, each once, in order
    absl::flat_hash_map<const Period*, std::optional<Period>> m_outlasting;
    absl::flat_hash_map<std::string, std::uint32_t> m_measures;
    std::vector<Recent> m_recent;
    std::string m_key;
};

// The cells of one person, gathered before the person is counted.
class Person {
public:
    Person(Cells& cells, char kind) : m_cells(cells), m_kind(kind) {}
    void publish(const Period* p, std::string_view scope, std::string_view measure, std::string_view part = {})
    {
        const auto c = m_cells.find(m_kind, p, scope, measure, part);
        m_cells.set().publish(c.cell, stage(c.stage), c.cost, c.measure);
        m_in.push_back(c.cell);
    }
    // A cell of the roster (students enrolled, by subgroup too): printed
    // in every posting and the same in each while students.csv is, so
    // there from the first, and every period's "enrolled less visited" is
    // decided with the period.
    void publish_roster(std::string_view scope, std::string_view measure, std::string_view part = {})
    {
        const auto c = m_cells.find(m_kind, nullptr, scope, measure, part);
        m_cells.set().publish(c.cell, stage(0), c.cost, c.measure);
        m_in.push_back(c.cell);
    }
    void sensitive(const Period* p, std::string_view scope, std::string_view measure, std::string_view part = {})
    {
        const auto c = m_cells.find(m_kind, p, scope, measure, part);
        m_cells.set().sensitive(c.cell, stage(c.stage));
        m_in.push_back(c.cell);
    }
    // The tables the cells from now on belong to: the reports' own, the
    // subgroups table (decided after them, posting by posting) or an
    // outcome table of an --attendance or --scores file (decided last,
    // once, on its own: every other figure taken as posted).
    enum class Layer { Reports, Subgroups, Outcomes };
    void in_layer(Layer layer) { m_layer = layer; }
    void count()
    {
        if (!m_in.empty())
            m_cells.set().count(std::move(m_in));
        m_in.clear();
    }

private:
    Cells& m_cells;
    char m_kind;
    // The subgroups table follows the reports posting by posting; an
    // outcome table comes after the last posting of its layer.
    int stage(int posting) const
    {
        switch (m_layer) {
        case Layer::Reports: return m_cells.stage(0, posting);
        case Layer::Subgroups: return m_cells.stage(1, posting);
        case Layer::Outcomes: return m_cells.stage(1, m_cells.postings() - 1);
        }
        return posting;
    }

    Layer m_layer = Layer::Reports;
    std::vector<Protection::CellId> m_in;
};

// The district and, when the visit has one, its site: what a loop over
// the scopes of a person's cells reads, without allocating.
class Scopes {
public:
    Scopes(const model::Repo& repo, model::SiteId site) : m_ids{std::string_view(k_district), {}}, m_size(1)
    {
        if (site)
            m_ids[m_size++] = repo.id(site);
    }
    const std::string_view* begin() const { return m_ids.data(); }
    const std::string_view* end() const { return m_ids.data() + m_size; }

private:
    std::array<std::string_view, 2> m_ids;
    std::size_t m_size;
};

Scopes scopes_of(const model::Repo& repo, model::SiteId site) { return Scopes(repo, site); }

struct Builder {
    const model::Facts& facts;
    const model::Repo& repo;
    const model::Problems& findings;
    const std::vector<Period>& periods;
    Cells& cells;
    const std::vector<io::AttendanceRow>* attendance;
    const std::vector<io::ScoreRow>* scores;
    bool subgroups; // the subgroups table (reports.subgroups), a later stage
    const std::vector<model::StudentVisits>& progress; // per student handle: its first and second visit

    // A student's value in each subgroup ("unknown" for a student
    // students.csv does not list): the parts of the subgroup cells' keys.
    std::vector<std::pair<std::string, std::string>> groups_of(const model::Student* st) const
    {
        std::vector<std::pair<std::string, std::string>> out;
        if (!subgroups)
            return out;
        const auto row = st ? std::optional<std::size_t>(static_cast<std::size_t>(st - repo.students.data()))
                            : std::nullopt;
        for (std::size_t g = 0; g < repo.subgroups.size(); ++g)
            out.emplace_back(repo.subgroups.names()[g],
                             repo.subgroups.value(g, row ? repo.subgroups.code(*row, g) : model::Subgroups::k_unknown));
        return out;
    }

    // The outcome table (report --attendance) of every period, a later
    // stage, counted with the student's other cells so that a reader's
    // relations between the two (students visited, and those of the file
    // visited) are known: each student of the file with enough days enrolled, visited
    // or not in the period, chronically absent or not, at the district and
    // the student's own site; students not chronically absent are the
    // complement a reader could take (figures_attendance.cpp).
    // With subgroups, the same within the student's value of each subgroup
    // ("sga:<subgroup>:<group>", the value as the part), in the periods
    // whose public reports give subgroups.
    void outcome(Person& p, const io::AttendanceRow& row, const model::Student& st,
                 const std::vector<std::vector<std::size_t>>& completed) const
    {
        const bool chronic = row.days_absent * 10 >= row.days_enrolled;
        const auto groups = groups_of(&st);
        for (const Period& period : periods) {
            const auto& mine = completed[row.student.index()];
            const bool visited = std::any_of(mine.begin(), mine.end(), [&](std::size_t i) {
                return period.contains(*repo.visits[i].date);
            });
            const std::string group = visited ? "visited" : "not_visited";
            for (const auto& x : scopes_of(repo, st.site)) {
                p.publish(&period, x, "att", group);
                if (chronic)
                    p.publish(&period, x, "att", group + "_chronic");
                else
                    p.sensitive(&period, x, "att", group + "_not_chronic");
                if (!public_breakdowns(period) || x != k_district)
                    continue;
                for (const auto& [name, value] : groups) {
                    const std::string m = "sga:" + name + ":" + group;
                    p.publish(&period, x, m, value);
                    if (chronic)
                        p.publish(&period, x, m + "_chronic", value);
                    else
                        p.sensitive(&period, x, m + "_not_chronic", value);
                }
            }
        }
    }

    // The scores table (report --scores) of every period, at the same stage
    // and in the same way: each row of the file (a student and a subject),
    // visited or not, proficient or not; students not proficient are the
    // complement a reader could take (figures_scores.cpp). The subject
    // ends the key's part, so any subject the reader takes is kept whole.
    void score_outcomes(Person& p, const std::vector<const io::ScoreRow*>& rows, const model::Student& st,
                        const std::vector<std::vector<std::size_t>>& completed) const
    {
        for (const Period& period : periods) {
            const auto& mine = completed[rows.front()->student.index()];
            const bool visited = std::any_of(mine.begin(), mine.end(), [&](std::size_t i) {
                return period.contains(*repo.visits[i].date);
            });
            const std::string group = visited ? "visited" : "not_visited";
            const auto groups = groups_of(&st);
            for (const io::ScoreRow* row : rows)
                for (const auto& x : scopes_of(repo, st.site)) {
                    p.publish(&period, x, "score", group + "|" + row->subject);
                    if (row->proficient)
                        p.publish(&period, x, "score", group + "_prof|" + row->subject);
                    else
                        p.sensitive(&period, x, "score", group + "_not_prof|" + row->subject);
                    if (!public_breakdowns(period) || x != k_district)
                        continue;
                    // Within each subgroup's value: "sgs:<subgroup>:<group>:<subject>".
                    for (const auto& [name, value] : groups) {
                        const std::string m = "sgs:" + name + ":" + group;
                        p.publish(&period, x, m + ":" + row->subject, value);
                        if (row->proficient)
                            p.publish(&period, x, m + "_prof:" + row->subject, value);
                        else
                            p.sensitive(&period, x, m + "_not_prof:" + row->subject, value);
                    }
                }
        }
    }

    // Per student handle, the rows of the scores file (one per subject).
    std::vector<std::vector<const io::ScoreRow*>> score_rows() const
    {
        std::vector<std::vector<const io::ScoreRow*>> out(repo.names.students.size());
        if (scores)
            for (const auto& row : *scores)
                if (repo.find(row.student) && row.student.index() < out.size())
                    out[row.student.index()].push_back(&row);
        return out;
    }

    // Per student handle, the row of the attendance file the outcome table counts.
    std::vector<const io::AttendanceRow*> attendance_rows() const
    {
        std::vector<const io::AttendanceRow*> out(repo.names.students.size(), nullptr);
        if (attendance)
            for (const auto& row : *attendance)
                if (repo.find(row.student) && row.days_enrolled >= k_min_days_enrolled &&
                    row.student.index() < out.size())
                    out[row.student.index()] = &row;
        return out;
    }

    void visits() const
    {
        const bool interpreters = visits_have_column(repo, "interpreter");
        const bool logged_on = visits_have_column(repo, "logged_on");
        const std::vector<unsigned> shortfalls = practice_shortfalls(facts, findings);
        for (std::size_t i = 0; i < repo.visits.size(); ++i) {
            const model::Visit& v = repo.visits[i];
            if (!v.date)
                continue;
            const model::SiteId site = repo.visit_site(v);
            // Whether it is its student's first or second visit: the first and
            // second visits by month count students, and the same number of
            // visits, which with the month's visits a reader can add up.
            const model::StudentVisits* order =
                v.student && v.student.index() < progress.size() ? &progress[v.student.index()] : nullptr;
            const char* nth = !order                                   ? nullptr
                              : order->first && *order->first == i    ? "firstv"
                              : order->second && *order->second == i  ? "secondv"
                                                                      : nullptr;
            Person p(cells, 'V');
            for (const auto& x : scopes_of(repo, site)) {
                if (v.status == model::VisitStatus::Scheduled && *v.date > repo.as_of)
                    p.publish(nullptr, x, "ahead");
                for (const Period& period : periods) {
                    if (!period.contains(*v.date))
                        continue;
                    if (v.status == model::VisitStatus::Declined)
                        p.publish(&period, x, "declined");
                    if (!v.completed())
                        continue;
                    p.publish(&period, x, "completed");
                    p.publish(&period, x, "month", month_of(*v.date));
                    if (public_breakdowns(period)) {
                        p.publish(&period, x, "mode",
                                  v.mode ? k_mode_names[static_cast<std::size_t>(*v.mode)] : "unrecorded");
                        p.publish(&period, x, "lang", language_key(v.language));
                        if (interpreters && v.interpreted())
                            p.publish(&period, x, "ilang", "all"); // by language: nearly all small (figures.cpp)
                        if (logged_on && v.logged_on)
                            p.publish(&period, x, "entry");
                        if (nth && x == k_district) // the order table is the district's only
                            p.sensitive(&period, x, nth, month_of(*v.date));
                    }
                    if (!site) // the fidelity table counts visits of reported sites
                        continue;
                    for (std::size_t k = 0; k < k_practices; ++k) {
                        if (shortfalls[i] & (1u << k))
                            p.publish(&period, x, "short", std::to_string(k + 1));
                        else
                            p.sensitive(&period, x, "meet", std::to_string(k + 1));
                    }
                }
            }
            p.count();
        }
    }

    // Per student handle, its completed visits with a date.
    std::vector<std::vector<std::size_t>> completed_by_student() const
    {
        std::vector<std::vector<std::size_t>> out(repo.names.students.size());
        for (std::size_t i = 0; i < repo.visits.size(); ++i) {
            const model::Visit& v = repo.visits[i];
            if (v.completed() && v.date && v.student)
                out[v.student.index()].push_back(i);
        }
        return out;
    }

    void students() const
    {
        const auto completed = completed_by_student();
        const auto latest = latest_scheduled(facts);
        const auto outcome_rows = attendance_rows();
        const auto scores_of = score_rows();
        for (std::uint32_t h = 0; h < repo.names.students.size(); ++h) {
            const model::StudentId id(h);
            const model::Student* st = repo.find(id);
            Person p(cells, 'S');
            if (st)
                for (const auto& x : scopes_of(repo, st->site))
                    p.publish_roster(x, "enrolled");
            const auto groups = groups_of(st);
            if (st && !groups.empty()) {
                p.in_layer(Person::Layer::Subgroups);
                for (const auto& [name, value] : groups)
                    p.publish_roster(k_district, "sge:" + name, value);
                p.in_layer(Person::Layer::Reports);
            }
            const auto scheduled_after = [&](std::size_t visit) {
                const auto& l = latest[h];
                return l && model::visit_before(repo, repo.visits[visit], repo.visits[*l]);
            };
            for (const Period& period : periods) {
                // Completed visits of the period by scope: the count and the one visit when there is one.
                std::vector<std::pair<std::string_view, std::pair<int, std::size_t>>> by_scope;
                for (const std::size_t i : completed[h]) {
                    const model::Visit& v = repo.visits[i];
                    if (!period.contains(*v.date))
                        continue;
                    for (const auto& x : scopes_of(repo, repo.visit_site(v))) {
                        auto it = std::find_if(by_scope.begin(), by_scope.end(), [&](const auto& e) { return e.first == x; });
                        if (it == by_scope.end())
                            it = by_scope.insert(by_scope.end(), {x, {0, i}});
                        ++it->second.first;
                    }
                }
                for (const auto& [x, seen] : by_scope) {
                    p.publish(&period, x, "visited");
                    if (seen.first >= 2)
                        p.publish(&period, x, "second");
                    else if (x == k_district) // a school's are not given (Summary::split_given)
                        p.publish(&period, x, scheduled_after(seen.second) ? "sched" : "due");
                }
                if (st)
                    for (const auto& x : scopes_of(repo, st->site))
                        if (std::none_of(by_scope.begin(), by_scope.end(), [&](const auto& e) { return e.first == x; }))
                            p.sensitive(&period, x, "unvisited");
                // The subgroups table, as the summary counts: visited where
                // visited, and enrolled less visited a complement.
                if (!groups.empty() && public_breakdowns(period)) {
                    p.in_layer(Person::Layer::Subgroups);
                    const bool visited = !by_scope.empty(); // by_scope holds the district when any
                    for (const auto& [name, value] : groups) {
                        if (visited)
                            p.publish(&period, k_district, "sgv:" + name, value);
                        else if (st)
                            p.sensitive(&period, k_district, "sgu:" + name, value);
                    }
                    p.in_layer(Person::Layer::Reports);
                }
                const auto order = [&](const std::optional<std::size_t>& visit, const char* measure) {
                    if (!visit || !period.contains(*repo.visits[*visit].date))
                        return;
                    // The district's only, as figures.cpp gives the table.
                    p.publish(&period, k_district, measure, month_of(*repo.visits[*visit].date));
                };
                if (h < progress.size() && public_breakdowns(period)) {
                    order(progress[h].first, "first");
                    order(progress[h].second, "secondm");
                }
            }
            if (st && outcome_rows[h]) {
                p.in_layer(Person::Layer::Outcomes);
                outcome(p, *outcome_rows[h], *st, completed);
            }
            if (st && !scores_of[h].empty()) {
                p.in_layer(Person::Layer::Outcomes);
                score_outcomes(p, scores_of[h], *st, completed);
            }
            p.count();
        }
    }

    void families() const
    {
        absl::flat_hash_map<std::uint64_t, Person> of;
        for (const model::Visit& v : repo.visits) {
            if (!v.date || !(v.completed() || v.status == model::VisitStatus::Declined))
                continue;
            const std::uint64_t key = family_key(repo, v.student);
            Person& p = of.try_emplace(key, cells, 'F').first->second;
            const auto groups = v.completed() ? groups_of(repo.find(v.student)) : decltype(groups_of(nullptr)){};
            for (const Period& period : periods)
                if (period.contains(*v.date))
                    for (const auto& x : scopes_of(repo, repo.visit_site(v))) {
                        if (v.completed()) // families who declined are not given
                            p.publish(&period, x, "reached");
                        if (groups.empty() || !public_breakdowns(period) || x != k_district)
                            continue;
                        p.in_layer(Person::Layer::Subgroups); // families reached by subgroup: a student of the value visited
                        for (const auto& [name, value] : groups)
                            p.publish(&period, x, "sgf:" + name, value);
                        p.in_layer(Person::Layer::Reports);
                    }
        }
        std::vector<std::uint64_t> keys;
        for (const auto& e : of)
            keys.push_back(e.first);
        std::sort(keys.begin(), keys.end()); // the same atoms in the same order every run
        for (const auto k : keys)
            of.at(k).count();
    }

    void staff() const
    {
        std::vector<Person> of(repo.names.staff.size(), Person(cells, 'T'));
        for (std::size_t i = 0; i < repo.visits.size(); ++i) {
            const model::Visit& v = repo.visits[i];
            if (!v.completed() || !v.date)
                continue;
            for (const model::StaffId e : facts.educators(i))
                for (const Period& period : periods)
                    if (period.contains(*v.date) && public_breakdowns(period))
                        for (const auto& x : scopes_of(repo, repo.visit_site(v)))
                            of[e.index()].publish(&period, x, "educators");
        }
        std::vector<std::int32_t> first_intro(repo.names.staff.size(), INT32_MAX);
        for (const auto& t : repo.trainings)
            if (t.date && t.kind == model::TrainingKind::Intro && t.staff)
                first_intro[t.staff.index()] = std::min(first_intro[t.staff.index()], t.date->days());
        for (const auto& s : repo.staff) {
            Person& p = of[s.id.index()];
            for (const auto& x : scopes_of(repo, s.site)) {
                if (s.active && s.opted_in != false) {
                    const auto st = model::training_status(repo, facts, s.id, repo.as_of).status;
                    if (x == k_district) { // a school's are not given (TrainingFigures::statuses_given)
                        p.publish(nullptr, x, "staff");
                        p.publish(nullptr, x, "status", std::string(status_key(st)));
                    }
                    if (st == model::TrainingStatus::Current || st == model::TrainingStatus::DueSoon)
                        p.publish(nullptr, x, "trained");
                }
                for (const Period& period : periods)
                    if (first_intro[s.id.index()] != INT32_MAX && public_breakdowns(period) &&
                        period.contains(model::Date::from_days(first_intro[s.id.index()])))
                        p.publish(&period, x, "new");
            }
        }
        // With sessions.csv, the session plan gives each session's
        // attendance (session_places) and no period's table repeats it.
        const bool sessions_listed = repo.has_file("sessions.csv");
        for (const auto& t : repo.trainings) {
            const model::Staff* s = t.date ? repo.find(t.staff) : nullptr;
            if (!s)
                continue;
            for (const Period& period : periods)
                if (period.contains(*t.date) && public_breakdowns(period) && !sessions_listed)
                    for (const auto& x : scopes_of(repo, s->site))
                        of[t.staff.index()].publish(&period, x, "session", session_part(t));
        }
        for (auto& p : of)
            p.count();
    }

    // Places taken in the training sessions of sessions.csv: a trainings row each.
    void session_places() const
    {
        for (const auto& t : repo.trainings) {
            const std::uint32_t row = repo.names.sessions.row(t.session_id);
            if (!t.session_id || row >= repo.sessions.size())
                continue;
            Person p(cells, 'A');
            p.publish(nullptr, k_district, "session", std::string(repo.id(repo.sessions[row].id)));
            p.count();
        }
    }

    void responses() const
    {
        const std::size_t n = repo.survey_questions.size();
        for (std::size_t i = 0; i < repo.surveys.size(); ++i) {
            const model::SurveyResponse& r = repo.surveys[i];
            if (!r.date || !r.site)
                continue;
            const std::uint8_t* answers = repo.survey_answers.data() + i * n;
            Person p(cells, 'R');
            for (const Period& period : periods) {
                if (!period.contains(*r.date) || !public_breakdowns(period))
                    continue;
                for (const auto& x : scopes_of(repo, r.site)) {
                    p.publish(&period, x, "responses");
                    for (std::size_t q = 0; q < n; ++q) {
                        if (answers[q] == 0)
                            continue;
                        p.publish(&period, x, "answered", repo.survey_questions[q]);
                        // The favourable share rests on the answers not
                        // favourable, shown as a bound where they are few,
                        // as fidelity rests on the visits falling short.
                        if (answers[q] >= 4)
                            p.sensitive(&period, x, "fav", repo.survey_questions[q]);
                        else
                            p.publish(&period, x, "unfav", repo.survey_questions[q]);
                    }
                }
            }
            p.count();
        }
    }

    static std::string_view status_key(model::TrainingStatus s)
    {
        switch (s) {
        case model::TrainingStatus::Current: return "current";
        case model::TrainingStatus::DueSoon: return "due_soon";
        case model::TrainingStatus::Expired: return "expired";
        case model::TrainingStatus::Untrained: return "untrained";
        }
        return "untrained";
    }

    static std::string session_part(const model::Training& t)
    {
        const std::string kind = t.kind ? std::string(model::enum_name(*t.kind)) : std::string("unrecorded");
        return fmt::format("{}/{}/{}", t.date ? t.date->str() : std::string(), kind, t.session);
    }
};

} // namespace

void append_cell_key(std::string& key, char kind, const Period* period, std::string_view scope,
                     std::string_view measure, std::string_view part)
{
    // A period's part of the key, written once per period (a key is made
    // for every cell of every person).
    thread_local absl::flat_hash_map<std::int64_t, std::string> written;
    key += kind;
    key += '|';
    if (period) {
        const std::int64_t id = (std::int64_t{period->from.days()} << 32) + period->to.days();
        auto it = written.find(id);
        if (it == written.end())
            it = written.emplace(id, period->from.str() + ".." + period->to.str()).first;
        key += it->second;
    } else {
        key += '-';
    }
    key += '|';
    key += scope;
    key += '|';
    key += measure;
    if (!part.empty()) {
        key += '|';
        key += part;
    }
}

std::string cell_key(char kind, const Period* period, const std::string& scope, const std::string& measure,
                     const std::string& part)
{
    std::string key;
    append_cell_key(key, kind, period, scope, measure, part);
    return key;
}

Publication::Publication(const model::Repo& repo)
    : m_periods(published_periods(repo)), m_cells(repo.config.min_cell)
{
}

Publication::Publication(const model::Facts& facts, const model::Problems& findings,
                         const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores)
    : Publication(facts, findings, attendance, scores, !facts.repo().subgroups.empty())
{
}

Publication::Publication(const model::Facts& facts, const model::Problems& findings,
                         const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores,
                         bool subgroups)
    : Publication(facts.repo())
{
    build(facts, findings, attendance, scores, subgroups);
    if (!attendance && !scores && !subgroups) {
        m_cells.suppress();
        return;
    }
    // Each optional table is protected after the ones below it, which stay
    // as the set without it shows them: the subgroups table (its values may
    // come from a --subgroups file) after everything else of the reports,
    // the attendance table (with its comparisons within each subgroup)
    // after that, the scores table last. So the subgroups table a board
    // report prints is the one an outcomes report prints beside its
    // comparisons, and adding the scores changes nothing a report with the
    // attendance alone shows.
    const Publication before(facts, findings, scores ? attendance : nullptr, nullptr,
                             (attendance || scores) && subgroups);
    fix_from(before);
}

void Publication::fix_from(const Publication& before)
{
    m_cells.finish();
    m_fixed_range.assign(m_cells.cells(), std::nullopt);
    for (stats::Protection::CellId c = 0; c < before.m_cells.cells(); ++c)
        if (before.m_cells.published(c))
            if (const auto mine = m_cells.find(before.m_cells.key(c))) {
                m_cells.fix(*mine, before.m_cells.shown(c));
                m_fixed_range[*mine] = before.range(c);
            }
    m_cells.suppress(m_outcome_stage);
}

stats::Protection::Range Publication::range(stats::Protection::CellId c) const
{
    if (c < m_fixed_range.size() && m_fixed_range[c])
        return *m_fixed_range[c];
    if (m_attendance || m_scores) // a cell of an outcome table
        return {};
    auto r = m_cells.shown_range(c);
    if (r.lo < m_cells.min_cell())
        r.lo = 0;
    return r;
}

Publication Publication::primary_only(const model::Facts& facts, const model::Problems& findings)
{
    Publication out(facts.repo());
    out.build(facts, findings, nullptr, nullptr, !facts.repo().subgroups.empty());
    out.m_cells.suppress_primary_only();
    return out;
}

Publication Publication::as_printed(const model::Facts& facts, const std::vector<pay::VisitWork>& work,
                                    const model::Problems& findings,
                                    const std::vector<io::AttendanceRow>* attendance,
                                    const std::vector<io::ScoreRow>* scores, const Publication& decided)
{
    // The cells and relations depend only on the data: when `decided`
    // counted the same files, its set is taken as counted, every decision
    // forgotten (what each figure shows is read from the reports below).
    Publication out(facts.repo());
    const bool subgroups = !facts.repo().subgroups.empty();
    if (decided.m_attendance == attendance && decided.m_scores == scores && decided.m_subgroups == subgroups) {
        out.m_cells = decided.m_cells;
        out.m_cells.forget_shown();
        out.m_attendance = attendance;
        out.m_scores = scores;
        out.m_subgroups = subgroups;
    } else {
        out.build(facts, findings, attendance, scores, subgroups);
        out.m_cells.finish();
    }
    std::vector<std::string> scopes{""};
    for (const auto& s : facts.repo().sites)
        scopes.emplace_back(facts.repo().id(s.id));
    const ReportBasis basis(facts, findings);
    // A period's reports are computed side by side (they only read), then
    // observed in order.
    std::vector<std::size_t> order(scopes.size());
    std::iota(order.begin(), order.end(), 0);
    for (const auto& period : out.m_periods) {
        std::vector<Figures> reports(scopes.size());
        util::for_each_task(order, [&](std::size_t k) {
            FigureOptions o{period, scopes[k], true, attendance, scores};
            o.publication = &decided;
            o.basis = &basis;
            reports[k] = compute_figures(facts, work, findings, o);
        });
        for (Figures& f : reports) {
            out.observe(f);
            ++out.m_reports;
        }
    }
    out.m_cells.drop_unobserved();
    return out;
}

void Publication::build(const model::Facts& facts, const model::Problems& findings,
                        const std::vector<io::AttendanceRow>* attendance, const std::vector<io::ScoreRow>* scores,
                        bool subgroups)
{
    m_attendance = attendance;
    m_scores = scores;
    m_subgroups = subgroups;
    Cells cells(m_cells, m_periods, facts.repo().config);
    m_cells.set_postings(cells.postings());
    m_outcome_stage = cells.stage(1, 0);
    const auto progress = model::student_visits(facts.repo(), facts, facts.repo().as_of);
    const Builder b{facts, facts.repo(), findings, m_periods, cells, attendance, scores, subgroups, progress};
    b.visits();
    b.students();
    b.families();
    b.staff();
    b.session_places();
    b.responses();
    relations();
}

} // namespace pthv::report
