#pragma once
// The loader's reference cells (loader.cpp). visits.csv is read on its own
// thread while students.csv and trainings.csv are read on the other, so a
// reference read while another thread may be adding ids to its target's
// table cannot add one: an id already known resolves at once (a read of a
// table nobody writes then); any other waits, with the row it belongs to,
// and is added once the threads are joined. Only ids no file defines wait,
// so there are few.
//
// Which table a column's ids belong to is the schemas' `references:`
// (io::references), not written here: a reference column is read with
// `Waiting::column(file, column, set)`, `set` saying where a waiting id's
// handle goes once known; what waits is kept, and resolved, per reference
// in io::references()'s order.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/repo.hpp>

namespace pthv::io {

// The table of ids the file `target` defines ("staff.csv": the staff ids).
// Throws std::logic_error for a file that defines none (a build defect).
model::IdTable& ids_defined_by(model::Names& names, std::string_view target);

class Waiting {
public:
    struct Cell {
        std::size_t row;
        std::string text;
    };
    struct List {
        std::vector<Cell> cells;
        std::function<void(model::Repo&, std::size_t, std::uint32_t)> set; // row, handle
    };

    // One reference column: read() gives a cell's handle, or none for now.
    template <typename Id> class Column {
    public:
        Column(const model::IdTable& ids, List& list) : m_ids(&ids), m_list(&list) {}
        // The handle of `text` (none for an empty cell); an id not known
        // yet waits, as the cell of `row`.
        Id read(std::string_view text, std::size_t row)
        {
            if (text.empty())
                return Id{};
            const Id h(m_ids->find(text));
            if (!h)
                m_list->cells.push_back({row, std::string(text)});
            return h;
        }
        // Whether `text` is an id its target file defines.
        bool defined(std::string_view text) const { return m_ids->defined(m_ids->find(text)); }

    private:
        const model::IdTable* m_ids;
        List* m_list;
    };

    // The reader of the reference `file`'s `column` makes (io::reference);
    // `set(repo, row, handle)` puts a waiting cell's handle in its place.
    // Throws std::logic_error when the schemas declare no such reference, or
    // when its target's ids are not `Id`s (a build defect).
    template <typename Id>
    Column<Id> column(model::Names& names, std::string_view file, std::string_view column,
                      void (*set)(model::Repo&, std::size_t, Id))
    {
        model::IdTable& ids = table(names, file, column, typed<Id>(names).table());
        List& list = m_lists[place(file, column)];
        list.set = [set](model::Repo& repo, std::size_t row, std::uint32_t h) { set(repo, row, Id(h)); };
        return Column<Id>(ids, list);
    }

    // Adds every waiting id to its target's table, in io::references()'s
    // order and each column's row order, and puts each handle in place.
    // Only once no other thread reads the tables.
    void resolve(model::Repo& repo) const;

private:
    template <typename Id> static model::Ids<Id>& typed(model::Names& n);
    static std::size_t place(std::string_view file, std::string_view column);
    static model::IdTable& table(model::Names& names, std::string_view file, std::string_view column,
                                 model::IdTable& typed);

    std::map<std::size_t, List> m_lists; // by place in io::references()
};

template <> inline model::Ids<model::SiteId>& Waiting::typed(model::Names& n) { return n.sites; }
template <> inline model::Ids<model::StaffId>& Waiting::typed(model::Names& n) { return n.staff; }
template <> inline model::Ids<model::StudentId>& Waiting::typed(model::Names& n) { return n.students; }
template <> inline model::Ids<model::SessionId>& Waiting::typed(model::Names& n) { return n.sessions; }

} // namespace pthv::io
