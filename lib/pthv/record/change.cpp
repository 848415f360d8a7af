#include <pthv/record/change.hpp>
#include <pthv/record/visit.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/sparse_text.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

Current load_current(const std::filesystem::path& root, const std::string& file, model::Date as_of,
                     std::shared_ptr<const io::Scope> scope, bool create)
{
    Current c;
    c.scope = std::move(scope);
    c.loaded_in = c.scope;
    io::LoadOptions options;
    options.as_of = as_of;
    options.scope = c.scope;
    options.read_whole = {file}; // a broken line anywhere refuses the change
    c.sources = io::read_sources(root);
    if (create && !c.sources.count(file)) {
        c.sources[file] = io::csv_row(io::schema(file.substr(0, file.find('.'))).column_names(), "\n");
        c.created = true;
    }
    c.loaded = io::load_sources(c.sources, options);
    c.loaded.repo.root = root;
    return c;
}

std::shared_ptr<const io::Scope> visit_row_scope(const std::filesystem::path& root, const std::string& id)
{
    auto by_id = std::make_shared<io::Scope>();
    by_id->visit_id_prefixes.push_back(id);
    if (id.empty())
        return by_id;
    util::FileText file;
    try {
        file = util::FileText::open(root / "visits.csv");
    } catch (const util::FileError&) {
        return by_id; // the load says why
    }
    const std::string_view text = file;
    const std::string_view header = util::line_from(text, 0);
    // Searched 8 MB at a time, the pages behind given back: a large file's
    // pages are not all held at once.
    constexpr std::size_t k_window = std::size_t{8} << 20;
    std::size_t at = header.size();
    while (at < text.size()) {
        const std::size_t end = std::min(text.size(), at + k_window);
        const std::size_t hit = text.substr(0, std::min(text.size(), end + id.size())).find(id, at);
        if (hit == std::string_view::npos) {
            file.drop_before(end);
            at = end;
            continue;
        }
        const std::size_t newline = text.rfind('\n', hit);
        const std::size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
        model::Problems ignored;
        const io::CsvTable row =
            io::read_csv("visits.csv", std::string(header) + std::string(util::line_from(text, begin)), ignored);
        if (row.rows.size() == 1) {
            const Fields fields = fields_of(row.header, row.rows.front().cells);
            const auto it = fields.find("visit_id");
            if (it != fields.end() && util::trim(it->second) == id)
                return std::make_shared<const io::Scope>(visit_scope({fields}));
        }
        at = hit + 1;
    }
    return by_id;
}

model::Problems column_refusals(const std::string& file, const std::vector<std::string>& header,
                                const Fields& fields, bool add_optional)
{
    auto missing = missing_columns(header, fields);
    if (add_optional) {
        const auto added = addable_columns(file, header, {fields});
        missing.erase(std::remove_if(missing.begin(), missing.end(),
                                     [&](const std::string& c) {
                                         return std::find(added.begin(), added.end(), c) != added.end();
                                     }),
                      missing.end());
    }
    if (missing.empty())
        return {};
    model::Problem p{"column-missing", model::Severity::Error, file, 1, {},
                     file + " has no column " + util::join(missing, ", "), "add it to the header row to record it"};
    p.column = missing.front();
    return {p};
}

std::vector<std::string> addable_columns(const std::string& file, const std::vector<std::string>& header,
                                         const std::vector<Fields>& rows)
{
    std::set<std::string> missing;
    for (const auto& r : rows)
        for (auto& c : missing_columns(header, r))
            missing.insert(std::move(c));
    std::vector<std::string> out;
    if (missing.empty())
        return out;
    const io::Schema& schema = io::schema(file.substr(0, file.find('.')));
    const auto required = schema.required_columns();
    for (const auto& field : schema.fields)
        if (missing.count(field.name) &&
            std::find(required.begin(), required.end(), field.name) == required.end())
            out.push_back(field.name);
    return out;
}

Edit append_records(const Current& current, const std::string& file, const std::vector<Fields>& rows)
{
    std::vector<std::string> header = current.loaded.repo.files.at(file).header;
    const std::string_view before = current.sources.at(file);
    const auto newline = io::newline_of(before);
    const auto added = current.created ? std::vector<std::string>{} : addable_columns(file, header, rows);
    header.insert(header.end(), added.begin(), added.end());
    std::string text;
    for (const auto& r : rows)
        text += render_row(header, r, newline);
    if (!added.empty()) {
        Edit edit;
        edit.file = file;
        edit.newline = std::string(newline);
        edit.after = io::with_columns(before, added);
        const std::size_t first = io::next_line(edit.after);
        edit.after += io::append_text_for(edit.after, text, newline);
        edit.rows = std::move(text);
        edit.lines.insert_run(first, rows.size());
        edit.added_columns = added;
        return edit;
    }
    Edit edit = make_append(current.sources, file, std::move(text), rows.size());
    if (current.created)
        edit.append = false;
    return edit;
}

namespace {

// The first lines of `text` up to its header's (the first line that is not
// blank), with its line break.
std::string_view head_of(std::string_view text)
{
    std::size_t at = 0;
    for (;;) {
        const std::string_view line = util::line_from(text, at);
        at += line.size();
        if (line.empty() || util::trim(line).size() > 0 || at >= text.size())
            return text.substr(0, at);
    }
}

// `file` of `current` as the edit leaves it, holding only the rows the load
// kept (FileInfo::scoped_rows) and the edit's rows; nullopt when the edit
// does not allow it (a replaced line the load did not keep, more than one).
std::optional<std::string> scoped_rows_text(const Current& current, const model::FileInfo& info,
                                            const Edit& edit)
{
    const std::string_view before = current.sources.at(info.name);
    util::SparseText out(head_of(before));
    if (info.name != edit.file) {
        for (const auto& [line, offset] : info.scoped_rows)
            out.add_line(line, util::line_from(before, offset));
        return out.take();
    }
    if (edit.append) {
        const std::size_t first = *edit.lines.begin();
        for (const auto& [line, offset] : info.scoped_rows)
            if (line < first)
                out.add_line(line, util::line_from(before, offset));
        out.add_lines(first, edit.rows);
        return out.take();
    }
    // A replace: the line keeps its place, so its new text begins where the old one did.
    if (edit.lines.size() != 1)
        return std::nullopt;
    const std::size_t changed = *edit.lines.begin();
    bool found = false;
    for (const auto& [line, offset] : info.scoped_rows) {
        found = found || line == changed;
        out.add_line(line, util::line_from(line == changed ? edit.text() : before, offset));
    }
    if (!found)
        return std::nullopt;
    return out.take();
}

// The files of the check when it can be incremental (see check_change):
// `texts` holds the narrowed files, `views` every file.
struct ScopedFiles {
    std::map<std::string, std::string> texts;
    io::SourceViews views;
};

// Whether a load in `loaded` kept every row a load in `scope` keeps (the
// rows of its students, of its staff, and whose id starts with one of its
// prefixes).
bool holds(const io::Scope& loaded, const io::Scope& scope)
{
    const auto within = [](const auto& small, const auto& large) {
        return std::all_of(small.begin(), small.end(), [&](const std::string& s) { return large.count(s) > 0; });
    };
    if (!within(scope.students, loaded.students) || !within(scope.staff, loaded.staff))
        return false;
    // Each id prefix of the check starts with one the load kept: looked up
    // by its own prefixes, so an import of many rows is not quadratic.
    const std::set<std::string_view> kept(loaded.visit_id_prefixes.begin(), loaded.visit_id_prefixes.end());
    return std::all_of(scope.visit_id_prefixes.begin(), scope.visit_id_prefixes.end(), [&](const std::string& p) {
        for (std::size_t n = 0; n <= p.size(); ++n)
            if (kept.count(std::string_view(p).substr(0, n)) > 0)
                return true;
        return false;
    });
}

std::optional<ScopedFiles> scoped_files(const Current& current, const Edit& edit)
{
    if (!current.scope || !current.loaded_in || !holds(*current.loaded_in, *current.scope) ||
        !edit.added_columns.empty())
        return std::nullopt;
    const model::Repo& repo = current.loaded.repo;
    ScopedFiles out;
    out.views = io::views_of(current.sources);
    out.views[edit.file] = edit.text();
    for (const auto& [name, info] : repo.files) {
        if (!info.scoped)
            continue;
        for (const auto& p : current.loaded.problems)
            if (p.file == name && p.rule == "csv-syntax")
                return std::nullopt;
        auto text = scoped_rows_text(current, info, edit);
        if (!text)
            return std::nullopt;
        out.views[name] = out.texts[name] = std::move(*text);
    }
    return out;
}

} // namespace

EditCheck check_change(const Current& current, const Edit& edit, model::Date as_of)
{
    io::LoadOptions options;
    options.as_of = as_of;
    options.scope = current.scope;
    if (const auto files = scoped_files(current, edit))
        return check_edit(files->views, edit, options);
    return check_edit(current.sources, edit, options);
}

void name_options(model::Problems& problems, const Edit& edit, const std::map<std::string, std::string>& option_of)
{
    for (auto& p : problems) {
        const auto it = option_of.find(p.column);
        if (it == option_of.end() || p.file != edit.file || !edit.lines.count(p.line))
            continue;
        const std::string& option = it->second;
        p.file = p.value.empty() ? option : option + " " + p.value;
        p.line = 0;
        const rules::Rule* r = rules::find_rule(p.rule);
        if (r && p.advice == r->advice)
            p.advice = p.value.empty() ? "give " + option + " (pthv log-visit --help)"
                                       : "fix the value of " + option + " (pthv log-visit --help)";
    }
}

} // namespace pthv::record
