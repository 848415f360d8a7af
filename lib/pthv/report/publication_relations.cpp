// What a reader of the publication set can add and subtract (publication.hpp):
// every table's total and its rows, the district and its sites, a period and
// its months, a period and a period inside it, and the complements a reader
// could take (answered less favourable, visits less those short of a
// practice, enrolled less visited). Each is declared by the keys of its
// cells; stats::Protection keeps it only where the people counted say it
// holds (a student visited at two schools breaks "the district is the sum
// of its schools" for students visited, so that one is not kept).

#include <pthv/report/publication.hpp>

#include <map>
#include <optional>

#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

using CellId = stats::Protection::CellId;

// A cell key, "kind|period|scope|measure[|part]", in its fields; a part
// (a survey question) may hold "|" itself.
struct Key {
    std::string kind, range, scope, measure, part;
};

Key split_key(const std::string& key)
{
    Key k;
    std::string* fields[] = {&k.kind, &k.range, &k.scope, &k.measure};
    std::size_t from = 0;
    for (std::string* f : fields) {
        const auto bar = key.find('|', from);
        *f = key.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
        if (bar == std::string::npos)
            return k;
        from = bar + 1;
    }
    k.part = key.substr(from);
    return k;
}

// Measures whose parts never share a person: their rows add up to the
// figure of all of them, when that figure is printed somewhere.
bool disjoint_parts(const std::string& measure)
{
    for (const char* m : {"month", "mode", "lang", "ilang", "status", "first", "secondm", "session"})
        if (measure == m)
            return true;
    // A subgroup's values (the parts) never share a student.
    for (const char* prefix : {"sge:", "sgv:", "sgu:", "sga:", "sgs:"})
        if (measure.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// A subgroup cell's measure, "sg?:<subgroup>:<group>[:<subject>]", in its
// fields (publication.cpp); `group` empty for sge/sgv/sgu/sgf.
struct SubgroupMeasure {
    std::string kind, subgroup, group, subject;
};

std::optional<SubgroupMeasure> subgroup_measure(const std::string& measure)
{
    if (measure.size() < 4 || measure.compare(0, 2, "sg") != 0 || measure[3] != ':')
        return std::nullopt;
    SubgroupMeasure m;
    m.kind = measure.substr(0, 3);
    const auto a = measure.find(':', 4);
    m.subgroup = measure.substr(4, a == std::string::npos ? std::string::npos : a - 4);
    if (a != std::string::npos) {
        const auto b = measure.find(':', a + 1);
        m.group = measure.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
        if (b != std::string::npos)
            m.subject = measure.substr(b + 1);
    }
    return m;
}

// Counts of where a student stands at a period's end (not visited yet,
// due a second visit, one scheduled, in an outcome table's group of
// students not visited): a later period does not hold an earlier one's, so
// there is no difference to take.
bool state_at_end(const Key& k)
{
    if (const auto m = subgroup_measure(k.measure))
        return m->kind == "sgu" || m->group.rfind("not_visited", 0) == 0;
    return k.measure == "unvisited" || k.measure == "due" || k.measure == "sched" ||
           ((k.measure == "att" || k.measure == "score") && k.part.rfind("not_visited", 0) == 0);
}

std::string range_of(const model::Period& p) { return p.from.str() + ".." + p.to.str(); }

} // namespace

// Within one value of a subgroup (the key's part), what the subgroups
// table and its outcome comparisons add up to, as the tables without
// subgroups do: enrolled = visited + not visited, visited = chronically
// absent + not, the students of a comparison some of those visited or not.
template <class Find>
void subgroup_relations(stats::Protection& cells, const std::vector<model::Period>& periods, const Key& k,
                        const SubgroupMeasure& m, CellId c, const Find& find)
{
    const std::string& value = k.part;
    const auto key = [&](const std::string& range, const std::string& measure) {
        return k.kind + '|' + range + '|' + k.scope + '|' + measure + '|' + value;
    };
    const std::string tail = m.subject.empty() ? std::string() : ":" + m.subject;
    if (m.kind == "sge")
        for (const model::Period& p : periods) {
            const std::string range = range_of(p);
            for (const char* part : {"sgv:", "sgu:"})
                if (const auto x = find(key(range, part + m.subgroup)))
                    cells.relation(c, {*x});
        }
    if ((m.kind == "sga" || m.kind == "sgs") && (m.group == "visited" || m.group == "not_visited")) {
        const std::string yes = m.kind == "sga" ? "_chronic" : "_prof", no = m.kind == "sga" ? "_not_chronic" : "_not_prof";
        const std::string base = m.kind + ":" + m.subgroup + ":" + m.group;
        std::vector<CellId> parts;
        for (const std::string& p : {base + yes + tail, base + no + tail})
            if (const auto x = find(key(k.range, p)))
                parts.push_back(*x);
        if (!parts.empty())
            cells.relation(c, parts);
        if (const auto all = find(key(k.range, (m.group == "visited" ? "sgv:" : "sgu:") + m.subgroup)))
            cells.relation(*all, {c}, false);
    }
}

void Publication::relations()
{
    std::map<std::string, CellId> by_key;
    std::map<std::string, std::vector<CellId>> by_site, by_part;
    std::map<std::string, std::map<std::string, CellId>> by_range;
    for (CellId c = 0; c < m_cells.cells(); ++c) {
        const std::string& key = m_cells.key(c);
        by_key.emplace(key, c);
        const Key k = split_key(key);
        const std::string tail = k.measure + (k.part.empty() ? "" : "|" + k.part);
        if (k.scope != "*") // by the district's key
            by_site[k.kind + '|' + k.range + "|*|" + tail].push_back(c);
        if (!state_at_end(k))
            by_range[k.kind + '|' + k.scope + '|' + tail][k.range] = c;
        if (!k.part.empty() && disjoint_parts(k.measure))
            by_part[k.kind + '|' + k.range + '|' + k.scope + '|' + k.measure].push_back(c);
    }
    const auto find = [&](const std::string& key) -> std::optional<CellId> {
        const auto it = by_key.find(key);
        return it == by_key.end() ? std::nullopt : std::optional<CellId>(it->second);
    };

    // The district and its sites.
    for (const auto& [district_key, sites] : by_site)
        if (const auto district = find(district_key))
            m_cells.relation(*district, sites);

    // A period and its months; a period and each period inside it.
    for (const auto& [unused, ranges] : by_range) {
        for (const model::Period& whole : m_periods) {
            const auto w = ranges.find(range_of(whole));
            if (w == ranges.end())
                continue;
            std::vector<CellId> months;
            for (const model::Period& part : m_periods) {
                if ((part.from == whole.from && part.to == whole.to) || part.from < whole.from || whole.to < part.to)
                    continue;
                const auto p = ranges.find(range_of(part));
                if (p == ranges.end())
                    continue;
                m_cells.relation(w->second, {p->second});
                if (part.label.size() == 7)
                    months.push_back(p->second);
            }
            if (!months.empty())
                m_cells.relation(w->second, months);
        }
    }

    // A table's rows and the figure of all of them.
    for (const auto& [family, parts] : by_part)
        if (parts.size() > 1)
            m_cells.parts(parts);

    // Figures of one scope and period that add up, and the complements a
    // reader could take.
    for (const auto& [key, c] : by_key) {
        const Key k = split_key(key);
        const std::string base = k.kind + '|' + k.range + '|' + k.scope + '|';
        const auto cells_of = [&](std::initializer_list<std::string> tails) {
            std::vector<CellId> out;
            for (const auto& t : tails)
                if (const auto x = find(base + t))
                    out.push_back(*x);
            return out;
        };
        // A month's visits are its students' first visits, their second
        // visits and later ones; the first (second) visits are as many as
        // the students the order table counts first (second) visited then.
        if (k.kind == "V" && k.measure == "month")
            if (auto order = cells_of({"firstv|" + k.part, "secondv|" + k.part}); !order.empty())
                m_cells.relation(c, std::move(order));
        // A month of a period's months table is the month's own report's visits.
        if (k.kind == "V" && k.measure == "month")
            for (const model::Period& p : m_periods)
                if (p.label == k.part)
                    if (const auto m = find("V|" + range_of(p) + '|' + k.scope + "|completed"))
                        m_cells.same(c, *m);
        if (k.kind == "S" && (k.measure == "first" || k.measure == "secondm"))
            if (const auto v = find("V|" + k.range + '|' + k.scope + '|' +
                                    (k.measure == "first" ? "firstv|" : "secondv|") + k.part))
                m_cells.same(c, *v);
        if (k.kind == "S" && k.measure == "visited" && k.part.empty())
            m_cells.relation(c, cells_of({"second", "sched", "due"}));
        if (k.kind == "V" && k.measure == "completed") {
            for (int p = 1; p <= 5; ++p) {
                const std::string n = std::to_string(p);
                m_cells.relation(c, cells_of({"short|" + n, "meet|" + n}));
            }
            m_cells.relation(c, cells_of({"entry"}), false);
        }
        if (k.kind == "V" && k.measure == "completed")
            m_cells.relation(c, cells_of({"ilang|all"}), false);
        if (k.kind == "R" && k.measure == "answered")
            m_cells.relation(c, cells_of({"fav|" + k.part, "unfav|" + k.part}));
        if (k.kind == "S" && k.measure == "att" && (k.part == "visited" || k.part == "not_visited"))
            m_cells.relation(c, cells_of({"att|" + k.part + "_chronic", "att|" + k.part + "_not_chronic"}));
        if (k.kind == "S" && k.measure == "score") {
            // "visited|ela" = "visited_prof|ela" + "visited_not_prof|ela";
            // the subject's students of a group are some of the group's.
            const auto bar = k.part.find('|');
            const std::string group = k.part.substr(0, bar), subject = k.part.substr(bar + 1);
            if (bar != std::string::npos && (group == "visited" || group == "not_visited")) {
                m_cells.relation(c, cells_of({"score|" + group + "_prof|" + subject,
                                              "score|" + group + "_not_prof|" + subject}));
                if (const auto all = find(base + (group == "visited" ? "visited" : "unvisited")))
                    m_cells.relation(*all, {c}, false);
            }
        }
        if (const auto m = subgroup_measure(k.measure))
            subgroup_relations(m_cells, m_periods, k, *m, c, find);
        if (k.kind == "T" && k.measure == "trained")
            m_cells.relation(c, cells_of({"status|current", "status|due_soon"}));
        if (k.kind == "S" && k.measure == "enrolled")
            for (const model::Period& p : m_periods) {
                // enrolled = visited + not visited, and the attendance table's
                // students not visited are some of those not visited.
                const std::string period = "S|" + range_of(p) + '|' + k.scope + '|';
                for (const char* part : {"visited", "unvisited"})
                    if (const auto x = find(period + part))
                        m_cells.relation(c, {*x});
                if (const auto u = find(period + "unvisited"))
                    if (const auto a = find(period + "att|not_visited"))
                        m_cells.relation(*u, {*a}, false);
                if (const auto v = find(period + "visited"))
                    if (const auto a = find(period + "att|visited"))
                        m_cells.relation(*v, {*a}, false);
            }
    }
}

} // namespace pthv::report
