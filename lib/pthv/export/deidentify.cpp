#include "deidentify.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include <pthv/export/hmac.hpp>
#include <pthv/io/csv.hpp>
#include <pthv/model/names.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::exporting {

namespace {

enum class Treat {
    Keep,       // copied as it is: a code, a date, a number
    Pseudonym,  // an id, replaced by its pseudonym
    Pseudonyms, // ids joined by ";", each replaced
};

struct Column {
    const char* name;
    Treat treat;
};

// What each file keeps. A column not listed (names, notes, free text, pay
// rates, attributes, anything new) is left out.
struct Plan {
    const char* file;
    std::vector<Column> columns;
};

const std::vector<Plan>& plans()
{
    using T = Treat;
    static const std::vector<Plan> k_plans = {
        {"sites.csv",
         {{"site_id", T::Keep}, {"level", T::Keep}, {"status", T::Keep}, {"coordinator_id", T::Pseudonym},
          {"visit_goal", T::Keep}}},
        {"staff.csv",
         {{"staff_id", T::Pseudonym}, {"site_id", T::Keep}, {"class", T::Keep}, {"opted_in", T::Keep},
          {"active", T::Keep}}},
        {"students.csv",
         {{"student_id", T::Pseudonym}, {"site_id", T::Keep}, {"grade", T::Keep}, {"homeroom_id", T::Pseudonym},
          {"family_id", T::Pseudonym}}},
        {"trainings.csv", {{"staff_id", T::Pseudonym}, {"date", T::Keep}, {"kind", T::Keep}, {"hours", T::Keep}}},
        {"visits.csv",
         {{"visit_id", T::Pseudonym},     {"student_id", T::Pseudonym}, {"site_id", T::Keep},
          {"date", T::Keep},              {"start_time", T::Keep},      {"minutes", T::Keep},
          {"educators", T::Pseudonyms},   {"status", T::Keep},          {"arranged_on", T::Keep},
          {"focus", T::Keep},             {"mode", T::Keep},            {"reflected_on", T::Keep},
          {"interpreter", T::Pseudonym},  {"confirmed_on", T::Keep},    {"confirmed_by", T::Pseudonym},
          {"cancelled_by", T::Keep},      {"logged_on", T::Keep}}},
    };
    return k_plans;
}

// Pseudonyms, each worked out once, with a check that no two ids share
// one. Ids get handles as model::Names gives them (dense, in order of first
// use), so an id's pseudonym is found by its handle.
class Pseudonyms {
public:
    explicit Pseudonyms(const std::string& key) : m_key(key) {}

    std::string of(std::string_view id)
    {
        const std::uint32_t h = m_ids.intern(id);
        if (h < m_pseudonyms.size())
            return m_pseudonyms[h];
        std::string p = pseudonym(m_key, id);
        if (m_taken.define(p, h).second != model::IdTable::k_none)
            throw std::runtime_error("two ids have the same exported id; export with another key");
        m_pseudonyms.push_back(p);
        return p;
    }

    std::string list(std::string_view ids)
    {
        std::vector<std::string> parts;
        util::for_each_part(ids, ';', [&](std::string_view part) {
            if (!part.empty())
                parts.push_back(of(part));
            return true;
        });
        return util::join(parts, ";");
    }

private:
    const std::string& m_key;
    model::IdTable m_ids;                 // the ids seen, by handle
    std::vector<std::string> m_pseudonyms; // by the id's handle
    model::IdTable m_taken;               // the pseudonyms given
};

std::string treat_cell(Treat treat, std::string_view cell, Pseudonyms& ids)
{
    const std::string_view value = util::trim(cell);
    if (treat == Treat::Keep || value.empty())
        return std::string(value);
    return treat == Treat::Pseudonym ? ids.of(value) : ids.list(value);
}

// The concern flags of a student of the repo the export's flags come from.
std::vector<std::string> flag_cells(const model::Repo& repo, std::string_view student_id)
{
    std::vector<std::string> cells(repo.flag_names.size());
    const model::Student* s = repo.find(repo.names.students.find(student_id));
    for (std::size_t f = 0; s && f < cells.size(); ++f)
        cells[f] = s->flag(f) == 1 ? "yes" : s->flag(f) == 0 ? "no" : "";
    return cells;
}

struct Written {
    std::string file;
    std::vector<std::string> kept, pseudonymised, dropped;
};

ExportFile export_file(const Plan& plan, const SourceFile& source, const ExportOptions& options, Pseudonyms& ids,
                       Written& written)
{
    model::Problems problems;
    const io::CsvTable table = io::read_csv(source.name, source.text, problems);
    if (!problems.empty()) {
        const auto& p = problems.front();
        throw std::runtime_error(fmt::format("{}:{}: {}; fix it first (`pthv validate`)", p.file, p.line, p.message));
    }
    std::vector<std::pair<std::size_t, Treat>> taken; // source column, treatment
    std::vector<std::string> header;
    for (const Column& c : plan.columns) {
        const auto at = std::find(table.header.begin(), table.header.end(), c.name);
        if (at == table.header.end())
            continue;
        taken.emplace_back(static_cast<std::size_t>(at - table.header.begin()), c.treat);
        header.emplace_back(c.name);
        (c.treat == Treat::Keep ? written.kept : written.pseudonymised).emplace_back(c.name);
    }
    for (const auto& name : table.header)
        if (std::find(header.begin(), header.end(), name) == header.end())
            written.dropped.push_back(name);
    const bool with_flags = options.flags && std::string_view(plan.file) == "students.csv";
    if (with_flags) {
        header.insert(header.end(), options.flags->flag_names.begin(), options.flags->flag_names.end());
        written.kept.insert(written.kept.end(), options.flags->flag_names.begin(), options.flags->flag_names.end());
        auto& d = written.dropped;
        d.erase(std::remove_if(d.begin(), d.end(), [](const std::string& n) { return util::starts_with(n, "flag_"); }),
                d.end());
    }
    const auto id_at = std::find(table.header.begin(), table.header.end(), "student_id");
    const std::size_t id_column = static_cast<std::size_t>(id_at - table.header.begin());
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : table.rows) {
        auto& cells = rows.emplace_back();
        for (const auto& [column, treat] : taken)
            cells.push_back(treat_cell(treat, row.cells[column], ids));
        if (with_flags) {
            const std::string_view id = id_column < row.cells.size() ? util::trim(row.cells[id_column]) : "";
            const auto flags = flag_cells(*options.flags, id);
            cells.insert(cells.end(), flags.begin(), flags.end());
        }
    }
    // Every file begins with its keyed id (or a site id), so sorted rows
    // follow the new ids: row i of the district's file, which follows
    // enrolment or the day a visit was logged, is not row i of the export.
    std::sort(rows.begin(), rows.end());
    ExportFile out{plan.file, io::csv_safe_row(header, "\n")};
    for (const auto& cells : rows)
        out.text += io::csv_safe_row(cells, "\n");
    return out;
}

std::string list_or_none(const std::vector<std::string>& names)
{
    return names.empty() ? "none" : util::join(names, ", ");
}

std::string readme(const std::vector<Written>& files, bool with_flags)
{
    std::string t = "# De-identified export of a PTHV data repo\n\n"
                    "Made by `pthv export --deidentify` for program evaluation. It holds no names,\n"
                    "notes or free text, and no id of a student, family or staff member.\n\n"
                    "## How the ids were made\n\n"
                    "Every student_id, family_id, staff_id (also coordinator_id, homeroom_id,\n"
                    "educators, interpreter, confirmed_by) and visit_id is replaced by\n"
                    "HMAC-SHA256(key, id): the keyed hash of the id as written, with a key the\n"
                    "district keeps private, as lowercase hex cut to its first 16 digits (64\n"
                    "bits). The same key gives the same ids, so exports of several school years\n"
                    "made with one key can be linked; without the key the ids cannot be turned\n"
                    "back into the district's. Site ids are kept as they are (schools are\n"
                    "public). An empty family_id means the student is a family of one. Rows\n"
                    "are in the order of their new ids, which says nothing of the order of the\n"
                    "district's files.\n\n"
                    "## What was removed\n\n";
    for (const auto& w : files)
        t += fmt::format("- {}: kept {}; replaced by keyed ids: {}; left out: {}.\n", w.file, list_or_none(w.kept),
                         list_or_none(w.pseudonymised), list_or_none(w.dropped));
    t += "\nLeft out everywhere: names, notes, free-text columns (roles, languages, training\n"
         "session names, any student attribute), staff pay rates, and the payroll ledgers.\n";
    t += with_flags ? "Concern flags (flag_* columns of students.csv) are included, as the district asked.\n"
                    : "Concern flags are not included.\n";
    return t;
}

} // namespace

const std::vector<std::string>& export_sources()
{
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names;
        for (const auto& p : plans())
            names.emplace_back(p.file);
        return names;
    }();
    return k_names;
}

const std::vector<std::string>& export_outputs()
{
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names = export_sources();
        names.emplace_back("README.md");
        return names;
    }();
    return k_names;
}

std::vector<ExportFile> deidentify(const std::vector<SourceFile>& sources, const ExportOptions& options)
{
    Pseudonyms ids(options.key);
    std::vector<ExportFile> out;
    std::vector<Written> written;
    for (const Plan& plan : plans()) {
        const auto source = std::find_if(sources.begin(), sources.end(),
                                         [&](const SourceFile& s) { return s.name == plan.file; });
        if (source == sources.end())
            continue;
        written.push_back({plan.file, {}, {}, {}});
        out.push_back(export_file(plan, *source, options, ids, written.back()));
    }
    out.push_back({"README.md", readme(written, options.flags != nullptr)});
    return out;
}

} // namespace pthv::exporting
