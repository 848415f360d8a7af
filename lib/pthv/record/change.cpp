#include <pthv/record/change.hpp>

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::record {

Current load_current(const std::filesystem::path& root, const std::string& file, model::Date as_of,
                     std::shared_ptr<const io::Scope> scope, bool create)
{
    Current c;
    c.scope = std::move(scope);
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

model::Problems column_refusals(const std::string& file, const std::vector<std::string>& header,
                                const Fields& fields)
{
    const auto missing = missing_columns(header, fields);
    if (missing.empty())
        return {};
    model::Problem p{"column-missing", model::Severity::Error, file, 1, {},
                     file + " has no column " + util::join(missing, ", "), "add it to the header row to record it"};
    p.column = missing.front();
    return {p};
}

Edit append_records(const Current& current, const std::string& file, const std::vector<Fields>& rows)
{
    const auto& header = current.loaded.repo.files.at(file).header;
    const auto newline = io::newline_of(current.sources.at(file));
    std::string text;
    for (const auto& r : rows)
        text += render_row(header, r, newline);
    Edit edit = make_append(current.sources, file, text, rows.size());
    if (current.created)
        edit.append = false;
    return edit;
}

EditCheck check_change(const Current& current, const Edit& edit, model::Date as_of)
{
    io::LoadOptions options;
    options.as_of = as_of;
    options.scope = current.scope;
    return check_edit(current.sources, edit, options);
}

} // namespace pthv::record
