#include <pthv/record/import_change.hpp>

#include <utility>

#include <fmt/format.h>

#include <pthv/io/csv_edit.hpp>
#include <pthv/record/apply.hpp>
#include <pthv/record/import_advice.hpp>
#include <pthv/record/visit.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/mapped.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace {

constexpr const char* k_visits = "visits.csv";
constexpr const char* k_surveys = "surveys.csv";

// The import refused for `problems` (on the export's lines, given the
// map's advice), if there are any: "import refused: N errors in FILE;
// TARGET is unchanged".
std::optional<Refusal> import_refused(model::Problems problems, const ImportMap& map, const ImportTarget& target,
                                      const std::string& file, const char* changed)
{
    if (problems.empty())
        return std::nullopt;
    advise_map(problems, map, target);
    std::string message =
        fmt::format("import refused: {} in {}; {} is unchanged",
                    util::plural(static_cast<long long>(problems.size()), "error", "errors"), file, changed);
    return Refusal{std::move(problems), std::move(message)};
}

// The first appended line of `edit`: where the problems of its rows are.
std::size_t first_line_of(const Edit& edit)
{
    return edit.lines.empty() ? 0 : *edit.lines.begin();
}

// The rows of `plan` appended to visits.csv, each taking its student's
// home language when it gives none. The rows' fields are let go once the
// edit holds them rendered (the check that follows loads nearly the whole
// repo): `row_sizes` gets each row's bytes in Edit::rows, in order.
Edit visit_rows_edit(const Current& current, ImportPlan& plan, std::vector<std::size_t>& row_sizes)
{
    std::vector<Fields> rows;
    rows.reserve(plan.rows.size());
    for (auto& r : plan.rows)
        rows.push_back(std::exchange(r.fields, {}));
    fill_languages(rows, current.sources, current.loaded.repo);
    Edit edit = append_records(current, k_visits, rows);
    std::vector<std::string> header = current.loaded.repo.files.at(k_visits).header;
    header.insert(header.end(), edit.added_columns.begin(), edit.added_columns.end());
    row_sizes.reserve(rows.size());
    for (const auto& r : rows)
        row_sizes.push_back(render_row(header, r, edit.newline).size());
    return edit;
}

// The edit that adds `plan`'s rows: appended, or, when surveys.csv is new
// or gains questions, written whole (its rows widened with empty cells).
// The edit takes the plan's rendered rows over; either way they end its
// text (Edit::text).
Edit survey_rows_edit(const Current& current, SurveyPlan& plan)
{
    if (current.created || !plan.new_columns.empty()) {
        // Written whole: the text is the rows with the file's lines put
        // before them, not a copy of the rows beside them.
        const std::string head = widen_csv(k_surveys, current.sources.at(k_surveys), plan.new_columns);
        Edit edit;
        edit.file = k_surveys;
        edit.newline = io::newline_of(head);
        const std::string lead = head.empty() || head.back() == '\n' ? std::string() : edit.newline;
        edit.lines.insert_run(util::count_byte(head, '\n') + (lead.empty() ? 1 : 2), plan.source_lines.size());
        edit.after = std::move(plan.rows);
        edit.after.insert(0, head + lead);
        return edit;
    }
    // Only surveys.csv is read by make_append: no copy of the other files.
    return make_append(current.sources, k_surveys, std::move(plan.rows), plan.source_lines.size());
}

// Gives back the pages of the repo's mapped files that `current`'s load
// read: what is read of them again comes back from the page cache.
void give_back_pages(Current& current)
{
    for (auto& [name, text] : current.sources)
        text.drop_before(std::string_view(text).size());
}

// Lets go of what `current` loaded, and of the memory it freed, before the
// check loads the repo again: one load is held at a time, not two. With
// `keep_rows`, what check_change needs of it to read again only the rows
// it kept stays: where those rows are (model::FileInfo) and whether a file
// read cleanly.
void let_go_of_load(Current& current, bool keep_rows)
{
    io::LoadResult kept;
    if (keep_rows) {
        kept.repo.files = std::move(current.loaded.repo.files);
        for (auto& p : current.loaded.problems)
            if (p.rule == "csv-syntax")
                kept.problems.push_back(std::move(p));
    }
    current.loaded = std::move(kept);
    give_back_pages(current);
    util::give_back_freed_memory();
}

} // namespace

VisitImport check_visit_import(Current& current, const io::CsvTable& head, std::string_view text,
                               const ImportMap& map, const std::string& file, model::Date as_of)
{
    VisitImport i;
    const model::Repo& repo = current.loaded.repo;
    i.header = repo.files.at(k_visits).header;
    give_back_pages(current);
    i.plan = plan_import(head, text, map, repo, i.header);
    util::drop_mapped_before(text, text.size()); // the export is read
    const auto control = control_problems(file, i.plan.rows);
    i.plan.problems.insert(i.plan.problems.end(), control.begin(), control.end());
    i.edit = visit_rows_edit(current, i.plan, i.row_sizes);
    i.header.insert(i.header.end(), i.edit.added_columns.begin(), i.edit.added_columns.end());
    // The check reads visits.csv itself, its pages given back as it goes:
    // read again only where the first load kept rows (nearly every one,
    // those of the rows' educators), it would be copied into a text of its
    // own (util::SparseText), and the check peaked higher.
    let_go_of_load(current, false);
    const EditCheck check = i.plan.rows.empty() ? EditCheck{} : check_change(current, i.edit, as_of);
    const std::size_t first = first_line_of(i.edit);
    auto refused = merge_problems(i.plan.problems, to_export_lines(check.refused, first, i.plan.rows, file));
    i.refused = import_refused(std::move(refused), map, visit_target(), file, k_visits);
    i.findings = to_export_lines(check.findings, first, i.plan.rows, file);
    advise_entry_time(i.findings, head, map, file);
    return i;
}

std::string visit_import_text(const VisitImport& i, bool dry_run, bool quiet, bool color)
{
    std::string out;
    // A dry run shows what would be written, row by row, as log-visit does.
    if (dry_run && !i.plan.rows.empty()) {
        out += fmt::format("would add to visits.csv from line {}:\n", first_line_of(i.edit));
        const std::string_view rows = i.edit.rows;
        std::size_t at = 0;
        for (const std::size_t size : i.row_sizes) {
            const std::string_view row = rows.substr(at, size - i.edit.newline.size()); // without its line ending
            out += "  " + util::printable(util::trim(row)) + "\n";
            at += size;
        }
    }
    out += problem_lines(i.findings, color);
    const auto t = rules::tally(i.findings);
    if (!quiet || dry_run)
        out += fmt::format("{}{} {}, {} already logged; findings: {}, {}\n", dry_run ? "dry run: " : "",
                           dry_run ? "would add" : "added",
                           util::plural(static_cast<long long>(i.plan.rows.size()), "visit", "visits"),
                           i.plan.already_logged, util::plural(static_cast<long long>(t.errors), "error", "errors"),
                           util::plural(static_cast<long long>(t.warnings), "warning", "warnings"));
    return out;
}

SurveyImport check_survey_import(Current& current, const io::CsvTable& head, std::string_view text,
                                 const ImportMap& map, const ResponseIds& ids, const std::string& file,
                                 model::Date as_of)
{
    SurveyImport i;
    const model::Repo& repo = current.loaded.repo;
    give_back_pages(current);
    i.plan = plan_survey_import(head, text, map, repo, repo.files.at(k_surveys).header, ids,
                                io::newline_of(current.sources.at(k_surveys)));
    util::drop_mapped_before(text, text.size()); // the export is read
    util::give_back_freed_memory();              // the response ids the plan compared
    i.rows_size = i.plan.rows.size();
    i.edit = survey_rows_edit(current, i.plan);
    // The files the scope narrows (students.csv, visits.csv) are read again
    // only where the first load kept rows: for the students the export names.
    let_go_of_load(current, true);
    if (!i.plan.source_lines.empty())
        i.check = check_change(current, i.edit, as_of);
    const std::size_t first = first_line_of(i.edit);
    auto refused = merge_problems(i.plan.problems, to_export_lines(i.check.refused, first, i.plan.source_lines, file));
    i.refused = import_refused(std::move(refused), map, survey_target(), file, k_surveys);
    i.findings = to_export_lines(i.check.findings, first, i.plan.source_lines, file);
    return i;
}

namespace {

// The rows a dry run would add to surveys.csv, one a line.
std::string survey_rows_text(const SurveyImport& i)
{
    std::string out = fmt::format("would add to {}:\n", k_surveys);
    const std::string_view text = i.edit.text();
    util::for_each_part(text.substr(text.size() - i.rows_size), '\n', [&](std::string_view row) {
        if (!row.empty())
            out += "  " + util::printable(util::trim(row)) + "\n";
        return true;
    });
    return out;
}

std::string survey_summary(const SurveyImport& i, bool dry_run)
{
    const SurveyPlan& plan = i.plan;
    std::string out;
    const auto added = static_cast<long long>(plan.source_lines.size());
    if (dry_run && added > 0)
        out += survey_rows_text(i);
    if (!plan.new_columns.empty() && added > 0)
        out += fmt::format("{} {} {}: {}\n", k_surveys, dry_run ? "would gain" : "gains",
                           util::plural(static_cast<long long>(plan.new_columns.size()), "question", "questions"),
                           util::join(plan.new_columns, ", "));
    out += fmt::format("{}{} {}, {} already imported\n", dry_run ? "dry run: " : "", dry_run ? "would add" : "added",
                       util::plural(added, "response", "responses"), plan.already_imported);
    if (plan.earlier_ids > 0)
        out += fmt::format("note: {} of the export {} in surveys.csv under the unkeyed id an earlier pthv made "
                           "from the row, which lets anyone holding the file test a guess of what was left out; "
                           "docs/surveys.md says how to replace such ids with keyed ones\n",
                           util::plural(static_cast<long long>(plan.earlier_ids), "response", "responses"),
                           plan.earlier_ids == 1 ? "is" : "are");
    return out;
}

} // namespace

std::string survey_import_text(const SurveyImport& i, bool dry_run, bool quiet, bool color)
{
    std::string out = problem_lines(i.findings, color);
    if (!quiet || dry_run)
        out += survey_summary(i, dry_run);
    return out;
}

} // namespace pthv::record
