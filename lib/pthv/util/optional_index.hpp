#pragma once
// An optional row index in four bytes, where std::optional<std::size_t>
// takes sixteen: "none" is a value no row reaches (the loader numbers rows
// in 32 bits). It reads like the std::optional it replaces (a test, `*`,
// value_or, comparison with std::nullopt, and conversion to
// std::optional<std::size_t>), so code that keeps a million of them (one
// per student, one per pay item) reads as before and holds a quarter of
// the bytes.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace pthv::util {

class OptionalIndex {
public:
    static constexpr std::uint32_t k_none = 0xFFFFFFFFu;

    constexpr OptionalIndex() = default;
    constexpr OptionalIndex(std::nullopt_t) {}
    // A row index; every row the loader numbers is below k_none.
    constexpr OptionalIndex(std::size_t index) : m_value(static_cast<std::uint32_t>(index)) {}
    constexpr OptionalIndex(const std::optional<std::size_t>& index)
        : m_value(index ? static_cast<std::uint32_t>(*index) : k_none)
    {
    }

    constexpr bool has_value() const { return m_value != k_none; }
    constexpr explicit operator bool() const { return has_value(); }
    // The index; only when has_value().
    constexpr std::size_t operator*() const { return m_value; }
    constexpr std::size_t value_or(std::size_t otherwise) const { return has_value() ? m_value : otherwise; }
    constexpr void reset() { m_value = k_none; }
    constexpr operator std::optional<std::size_t>() const
    {
        return has_value() ? std::optional<std::size_t>(m_value) : std::nullopt;
    }

    friend constexpr bool operator==(OptionalIndex a, OptionalIndex b) { return a.m_value == b.m_value; }
    friend constexpr bool operator!=(OptionalIndex a, OptionalIndex b) { return a.m_value != b.m_value; }

private:
    std::uint32_t m_value = k_none;
};

} // namespace pthv::util
