#pragma once
// The ids of the data repo and their text. Every id is hashed once, while
// loading, into a dense handle (model/ids.hpp); afterwards nothing hashes
// text again except to look up what a user typed on the command line.
//
// An id gets its handle from the first row that defines it (sites.csv for
// a site, ...), so the defined ids of a table are handles 0..n-1 in file
// order; an id that is referenced but never defined (what unknown-ref
// reports) gets a handle after them, so every reference still resolves.

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pthv/model/ids.hpp>

namespace pthv::model {

// One kind of id, untyped: the loader's table checks use it directly.
class IdTable {
public:
    static constexpr std::uint32_t k_none = 0xFFFFFFFFu;

    IdTable();
    ~IdTable();
    IdTable(IdTable&&) noexcept;
    IdTable& operator=(IdTable&&) noexcept;

    // The handle of `text`, added as referenced (not defined) if new;
    // k_none for the empty text.
    std::uint32_t intern(std::string_view text);
    // The row of the defining file that holds `text`: its handle, and the
    // row that defined it before (k_none when this row is the first).
    std::pair<std::uint32_t, std::uint32_t> define(std::string_view text, std::uint32_t row);
    // The handle of `text`, k_none if it is not known.
    std::uint32_t find(std::string_view text) const;
    // Starts fetching the memory intern, define or find of `text` will
    // read, so the loader can overlap it with the rest of a row's work: at a
    // million ids each lookup is otherwise a wait on main memory.
    void prefetch(std::string_view text) const;

    std::string_view text(std::uint32_t h) const;
    // The first row defining the id, k_none for an id only referenced.
    std::uint32_t row(std::uint32_t h) const;
    bool defined(std::uint32_t h) const { return row(h) != k_none; }
    std::size_t size() const;
    void reserve(std::size_t n);

    // The defined id closest to `wrong`, for "did you mean"; empty when none
    // is close, or when more than `most` ids are defined (a search of a
    // million ids costs more than it helps).
    std::string closest(std::string_view wrong, std::size_t most = std::numeric_limits<std::size_t>::max()) const;
    // Each handle's place in the ids' text order: sorting by rank is sorting
    // by id, without comparing text.
    std::vector<std::uint32_t> ranks() const;

private:
    // On the heap, so the hash set's functions, which read the table's
    // texts, never see it move.
    struct Impl;
    std::unique_ptr<Impl> m;
};

// One kind of id, typed by its handle.
template <typename Id> class Ids {
public:
    Id intern(std::string_view text) { return Id(m_table.intern(text)); }
    Id find(std::string_view text) const { return Id(m_table.find(text)); }
    std::string_view text(Id h) const { return m_table.text(h.value()); }
    std::uint32_t row(Id h) const { return m_table.row(h.value()); }
    bool defined(Id h) const { return h.valid() && m_table.defined(h.value()); }
    std::size_t size() const { return m_table.size(); }
    std::string closest(std::string_view wrong, std::size_t most = std::numeric_limits<std::size_t>::max()) const
    {
        return m_table.closest(wrong, most);
    }
    std::vector<std::uint32_t> ranks() const { return m_table.ranks(); }
    IdTable& table() { return m_table; }
    const IdTable& table() const { return m_table; }

private:
    IdTable m_table;
};

struct Names {
    Ids<SiteId> sites;
    Ids<StaffId> staff;
    Ids<StudentId> students;
    Ids<FamilyId> families;
    Ids<VisitId> visits;
    Ids<EventId> events;     // events.csv, optional
    Ids<SessionId> sessions; // sessions.csv, optional
    Ids<ResponseId> responses; // surveys.csv, optional
};

// "; did you mean X?" when `near` is not empty, else "": the one wording of
// a suggestion in a command-line error.
std::string did_you_mean(const std::string& near);

} // namespace pthv::model
