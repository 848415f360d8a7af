#include <pthv/io/loader_refs.hpp>

#include <stdexcept>

#include <pthv/io/references.hpp>

namespace pthv::io {

model::IdTable& ids_defined_by(model::Names& names, std::string_view target)
{
    if (target == "sites.csv")
        return names.sites.table();
    if (target == "staff.csv")
        return names.staff.table();
    if (target == "students.csv")
        return names.students.table();
    if (target == "sessions.csv")
        return names.sessions.table();
    throw std::logic_error("no ids are defined by " + std::string(target));
}

std::size_t Waiting::place(std::string_view file, std::string_view column)
{
    const Reference& ref = reference(file, column);
    return static_cast<std::size_t>(&ref - references().data());
}

model::IdTable& Waiting::table(model::Names& names, std::string_view file, std::string_view column,
                               model::IdTable& typed)
{
    model::IdTable& ids = ids_defined_by(names, reference(file, column).target);
    if (&ids != &typed)
        throw std::logic_error("the schemas say " + std::string(file) + " column " + std::string(column) +
                               " names a row of " + reference(file, column).target +
                               ", but the loader reads it as another kind of id");
    return ids;
}

void Waiting::resolve(model::Repo& repo) const
{
    for (const auto& [place, list] : m_lists) {
        model::IdTable& ids = ids_defined_by(repo.names, references()[place].target);
        for (const Cell& c : list.cells)
            list.set(repo, c.row, ids.intern(c.text));
    }
}

} // namespace pthv::io
