#include "readme.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::exporting {

namespace {

std::string list_or_none(const std::vector<std::string>& names)
{
    return names.empty() ? "none" : util::join(names, ", ");
}

std::string count(std::size_t n)
{
    return util::with_thousands(static_cast<long long>(n));
}

std::string students(std::size_t n)
{
    return util::plural(static_cast<long long>(n), "student", "students");
}

bool has_file(const ReadmeFacts& f, const std::string& name)
{
    return std::any_of(f.files.begin(), f.files.end(), [&](const Written& w) { return w.file == name; });
}

std::string ids_section()
{
    return "## How the ids were made\n\n"
           "Every student_id, family_id, staff_id (also coordinator_id, homeroom_id,\n"
           "educators, interpreter, confirmed_by) and visit_id is replaced by\n"
           "HMAC-SHA256(key, id): the keyed hash of the id as written, with a key the\n"
           "district keeps private, as lowercase hex cut to its first 16 digits (64\n"
           "bits). The same key gives the same ids, so exports of several school years\n"
           "made with one key can be linked; without the key the ids cannot be turned\n"
           "back into the district's. Site ids are kept as they are (schools are\n"
           "public). An empty family_id means the student is a family of one (or, with\n"
           "--k, that it was blanked, below). Rows are in the order of their new ids,\n"
           "which says nothing of the order of the district's files.\n\n";
}

std::string removed_section(const ReadmeFacts& f)
{
    std::string t = "## What was removed\n\n";
    for (const auto& w : f.files)
        t += fmt::format("- {}: kept {}; replaced by keyed ids: {}; left out: {}.\n", w.file, list_or_none(w.kept),
                         list_or_none(w.keyed), list_or_none(w.dropped));
    t += "\nLeft out everywhere: names, notes, free-text columns (roles, training session\n"
         "names, a visit's language, any other student attribute), staff pay rates and\n"
         "e-mail addresses, and the payroll ledgers.\n";
    t += f.flags ? "Concern flags (flag_* columns of students.csv) are included, as the district asked.\n"
                 : "Concern flags are not included.\n";
    if (has_file(f, "attendance.csv"))
        t += "attendance.csv holds each student's days_enrolled and days_absent from the\n"
             "district's attendance file, under the same keyed student_id as students.csv:\n"
             "the two join only through that id.\n";
    return t;
}

std::string off_section()
{
    return "\n## Protection against being singled out: off (--k 1)\n\n"
           "This export was made with --k 1, so k-anonymity is off: visit dates are\n"
           "exact, grades are as written, nothing was coarsened or blanked, and home\n"
           "language is left out. A student's school, grade and visit dates can single\n"
           "them out: whoever knows those of a student can find the student's rows.\n";
}

std::string dates_step(const Protection& p)
{
    std::string t = "1. Visit dates were coarsened (in visits.csv); a visit's other dates are days\n"
                    "   counted from the visit's date, so the intervals stay exact:\n";
    for (const auto& r : p.renamed)
        t += fmt::format("   - `{}` instead of {}{}\n", r.to, r.from, r.to == "month" ? " (YYYY-MM)" : "");
    return t;
}

std::string coarsening_steps(const Protection& p)
{
    const bool languages = std::count(p.steps.begin(), p.steps.end(), Step::RareLanguages) > 0;
    const bool grades = std::count(p.steps.begin(), p.steps.end(), Step::GradeBands) > 0;
    std::string t = dates_step(p);
    t += languages ? fmt::format("2. A home language that fewer than {} students of a site share was written\n"
                                 "   as `other` ({}), and the interpreter of their visits left out (an\n"
                                 "   interpreter speaks one language).\n",
                                 p.k, students(p.languages_recoded))
                   : "2. Home languages were kept as written (not needed).\n";
    t += grades ? fmt::format("3. Grades were written as bands: TK-2, 3-5, 6-8, 9-12 ({}).\n",
                              students(p.grades_banded))
                : "3. Grades were kept as written (not needed).\n";
    return t;
}

std::string suppression_step(const Protection& p)
{
    const auto at_least = [&](Blanked level) {
        std::size_t n = 0;
        for (std::size_t l = static_cast<std::size_t>(level); l < p.at_level.size(); ++l)
            n += p.at_level[l];
        return n;
    };
    if (at_least(Blanked::Months) == 0)
        return "4. No cell needed blanking.\n";
    std::string t = fmt::format(
        "4. Where that was not enough, cells were blanked (left empty), each level\n"
        "   only for those still sharing their combination with fewer than {} others:\n"
        "   - {}: the months of their visits, if any (and the site of a visit at\n"
        "     another school), and family_id, since siblings are often visited together;\n"
        "   - {} of them also grade, language, homeroom_id (a class shares a grade)\n"
        "     and the interpreter of their visits;\n"
        "   - {} also site_id, and the educators and confirmed_by of their visits\n"
        "     (staff.csv gives each one's site);\n"
        "   - {} also the student_id of their visits: those visits name no student, and\n"
        "     the student looks unvisited.\n",
        p.k - 1, students(at_least(Blanked::Months)), count(at_least(Blanked::Attributes)),
        count(at_least(Blanked::Site)), count(at_least(Blanked::Visits)));
    if (p.donors > 0)
        t += fmt::format("   Of these, {} were blanked whole only so that the wholly blanked are {} or more.\n",
                         students(p.donors), p.k);
    t += fmt::format("   Cells blanked: {} in all:\n", count(p.blanked_cells()));
    for (const char* file : {"students.csv", "visits.csv"}) {
        std::vector<std::string> cells;
        for (const auto& c : p.cells)
            if (c.file == file)
                cells.push_back(c.column + " " + count(c.count));
        if (!cells.empty())
            t += fmt::format("   - {}: {}\n", file, util::join(cells, ", "));
    }
    return t;
}

std::string guarantee(const Protection& p)
{
    if (p.smallest >= p.k || p.people == 0)
        return fmt::format("Each of the {} in this export shares site_id, grade, language and the\n"
                           "months (and number) of their visits, as written here, with at least {}\n"
                           "others (a blank counts as a value of its own); the least shared\n"
                           "combination is shared by {}.",
                           students(p.people), p.k - 1, p.smallest);
    return fmt::format("This export holds only {}, fewer than {}, so every one of those cells\n"
                       "was blanked.",
                       students(p.people), p.k);
}

std::string protection_section(const Protection& p)
{
    std::string t = fmt::format("\n## Protection against being singled out (k = {})\n\n"
                                "Someone who knows a student's school, grade, home language and the months\n"
                                "they were visited must not be able to pick out the student's rows.\n"
                                "{} What was done, in this order:\n\n",
                                p.k, guarantee(p));
    t += coarsening_steps(p) + suppression_step(p);
    t += "\nAn empty site_id in visits.csv means the visit was at the student's own\n"
         "site, as in the district's files.\n";
    return t;
}

} // namespace

std::string readme(const ReadmeFacts& f)
{
    std::string t = "# De-identified export of a PTHV data repo\n\n"
                    "Made by `pthv export --deidentify` for program evaluation. It holds no names,\n"
                    "notes or free text, and no id of a student, family or staff member.\n\n";
    t += ids_section() + removed_section(f);
    t += f.protection ? protection_section(*f.protection) : off_section();
    return t;
}

} // namespace pthv::exporting
