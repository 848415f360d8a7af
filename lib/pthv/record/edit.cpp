#include <pthv/record/edit.hpp>

#include <string_view>

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/record/change.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/mapped.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

namespace fs = std::filesystem;

model::Problems unwritable(const io::LoadResult& loaded, const std::string& file)
{
    model::Problems out;
    for (const auto& p : loaded.problems)
        if (p.file == file && (p.rule == "csv-syntax" || p.rule == "column-missing"))
            out.push_back(p);
    const auto it = loaded.repo.files.find(file);
    if (out.empty() && (it == loaded.repo.files.end() || !it->second.readable))
        out.push_back({"csv-syntax", model::Severity::Error, file, 0, {}, "the file cannot be read", {}});
    return out;
}

Edit make_append(const io::Sources& sources, const std::string& file, std::string rows, std::size_t row_count)
{
    Edit e;
    e.file = file;
    const auto it = sources.find(file);
    const std::string_view before = it == sources.end() ? std::string_view{} : std::string_view(it->second);
    e.newline = io::newline_of(before);
    e.append = true;
    e.rows = std::move(rows);
    // What the file gains: a newline first when it lacks its last one, then
    // the rows (io::append_text_for), the rows never copied to make it.
    const bool ends_line = before.empty() || before.back() == '\n';
    const std::string lead = ends_line ? std::string() : e.newline;
    // A large file is checked with its new rows in place, after its mapped
    // text: a copy of a 100 MB file would cost more than the whole check.
    const auto in_place = it == sources.end() ? std::nullopt
                          : ends_line         ? it->second.with_tail(e.rows)
                                              : it->second.with_tail(lead + e.rows);
    if (in_place) {
        e.after_in_place = *in_place;
    } else {
        util::reserve_large(e.after, before.size() + lead.size() + e.rows.size());
        e.after.append(before).append(lead).append(e.rows);
    }
    // The first new row's line (io::next_line), counted with the pages of a
    // mapped file given back behind the count: the check reads them again.
    const std::size_t first = util::count_byte_passing(before, '\n') + (ends_line ? 1 : 2);
    e.lines.insert_run(first, row_count);
    return e;
}

Fields row_fields(const io::Sources& sources, const std::string& file, std::size_t line)
{
    const auto it = sources.find(file);
    if (it == sources.end() || line < 2)
        return {};
    const std::string_view row = io::line_at(it->second, line);
    if (row.empty())
        return {};
    std::string text(io::line_at(it->second, 1));
    if (text.empty() || text.back() != '\n')
        text += '\n';
    text += row;
    model::Problems ignored;
    const io::CsvTable table = io::read_csv(file, text, ignored);
    return table.rows.empty() ? Fields{} : fields_of(table.header, table.rows.front().cells);
}

namespace {

// `file` (whose text was `original`) as `before` with line `line` replaced by `text`.
std::optional<Edit> replaced(const std::string& file, std::string_view original, std::string_view before,
                             std::size_t line, const std::string& text)
{
    auto after = io::replace_line(before, line, text);
    if (!after)
        return std::nullopt;
    Edit e;
    e.file = file;
    e.newline = io::newline_of(original);
    e.after = std::move(*after);
    e.lines = {line};
    return e;
}

} // namespace

std::optional<Edit> make_replace(const io::Sources& sources, const std::string& file, std::size_t line,
                                 const std::string& text)
{
    const auto it = sources.find(file);
    if (it == sources.end())
        return std::nullopt;
    return replaced(file, it->second, it->second, line, text);
}

std::optional<RowEdit> edit_row(const io::Sources& sources, const std::string& file,
                                const std::vector<std::string>& header, std::size_t line,
                                const std::function<void(Fields&)>& change, bool add_optional)
{
    Fields fields = row_fields(sources, file, line);
    change(fields);
    const auto added = add_optional ? addable_columns(file, header, {fields}) : std::vector<std::string>{};
    if (!added.empty() && !fields.empty()) {
        std::vector<std::string> wider = header;
        wider.insert(wider.end(), added.begin(), added.end());
        std::string text = render_row(wider, fields, "");
        const auto it = sources.find(file);
        if (it == sources.end())
            return std::nullopt;
        auto e = replaced(file, it->second, io::with_columns(it->second, added), line, text);
        if (!e)
            return std::nullopt;
        e->added_columns = added;
        return RowEdit{std::move(*e), std::move(text)};
    }
    std::string text = render_row(header, fields, "");
    auto edit = make_replace(sources, file, line, text);
    if (!edit)
        return std::nullopt;
    return RowEdit{std::move(*edit), std::move(text)};
}

bool EditCheck::has_errors() const
{
    for (const auto& p : findings)
        if (p.severity == model::Severity::Error && !p.reviewed)
            return true;
    return false;
}

EditCheck check_edit(const io::Sources& sources, const Edit& edit, const io::LoadOptions& options)
{
    io::SourceViews changed = io::views_of(sources);
    changed[edit.file] = edit.text();
    return check_edit(changed, edit, options);
}

EditCheck check_edit(const io::SourceViews& files, const Edit& edit, const io::LoadOptions& options)
{
    auto loaded = io::load_sources(files, options);
    util::give_back_freed_memory(); // what reading the files freed: the rules' facts start from what is kept
    // Only the changed rows' integrity findings are read below.
    rules::CheckOptions only_the_change;
    only_the_change.integrity_on = [&](std::string_view file, std::size_t line) {
        return file == edit.file && edit.lines.count(line) > 0;
    };
    const auto problems = rules::check_repo(loaded.repo, std::move(loaded.problems), only_the_change);
    EditCheck out;
    for (const auto& p : problems) {
        // Problems elsewhere in the repo were there before; they never block
        // recording what happened.
        const rules::Rule* r = rules::find_rule(p.rule);
        // A file that did not read cleanly leaves checks undone (held-back):
        // the change cannot be known to name only what exists.
        if (p.rule == "held-back") {
            out.refused.push_back(p);
            continue;
        }
        if (p.file != edit.file && !p.record.empty() && edit.records.count(p.record) && r &&
            r->kind != rules::RuleKind::Integrity) {
            out.findings.push_back(p);
            continue;
        }
        if (p.file != edit.file || !edit.lines.count(p.line))
            continue;
        if (!r || r->kind == rules::RuleKind::Integrity)
            out.refused.push_back(p);
        else
            out.findings.push_back(p);
    }
    return out;
}

void write_edit(const fs::path& root, const Edit& edit)
{
    const fs::path path = root / edit.file;
    if (edit.append)
        // One write(2) of the new rows, led by a newline when the file lacks
        // its last one: exactly what `after` was checked as.
        util::append_text(path, edit.rows, edit.newline);
    else
        util::atomic_write(path, edit.text());
}

} // namespace pthv::record
