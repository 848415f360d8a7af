#pragma once
// Dense handles for the ids of the data repo. Each id text is hashed once,
// while loading, into a small integer (model::Names); records hold handles,
// tables are vectors indexed by them, and grouping is counting or sorting
// by handle. The types are distinct, so a staff handle can never index the
// students.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pthv::model {

template <typename Tag> class Handle {
public:
    static constexpr std::uint32_t k_none = 0xFFFFFFFFu;

    constexpr Handle() = default;
    constexpr explicit Handle(std::uint32_t value) : m_value(value) {}

    constexpr std::uint32_t value() const { return m_value; }
    constexpr std::size_t index() const { return m_value; }
    // No handle: the cell was empty.
    constexpr bool valid() const { return m_value != k_none; }
    constexpr explicit operator bool() const { return valid(); }

    friend constexpr bool operator==(Handle a, Handle b) { return a.m_value == b.m_value; }
    friend constexpr bool operator!=(Handle a, Handle b) { return a.m_value != b.m_value; }
    friend constexpr bool operator<(Handle a, Handle b) { return a.m_value < b.m_value; }

private:
    std::uint32_t m_value = k_none;
};

using SiteId = Handle<struct SiteTag>;
using StaffId = Handle<struct StaffTag>;
using StudentId = Handle<struct StudentTag>;
using FamilyId = Handle<struct FamilyTag>;
using VisitId = Handle<struct VisitTag>;
using EventId = Handle<struct EventTag>;
using SessionId = Handle<struct SessionTag>;
using ResponseId = Handle<struct ResponseTag>;

// A run of a flat array: a visit's educators in Repo::educator_list.
template <typename T> class Span {
public:
    Span() = default;
    Span(const T* data, std::size_t size) : m_data(data), m_size(size) {}
    const T* begin() const { return m_data; }
    const T* end() const { return m_data + m_size; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T& operator[](std::size_t i) const { return m_data[i]; }
    const T& front() const { return m_data[0]; }

private:
    const T* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace pthv::model
