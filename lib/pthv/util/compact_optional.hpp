#pragma once
// An optional value in the bytes of the value alone: "none" is a value the
// type never takes (a sentinel), where std::optional<T> adds a flag and its
// padding (8 bytes for a 4-byte date, 2 for a 1-byte enum). It reads like
// the std::optional it replaces (a test, `*`, `->`, has_value, value_or,
// reset, comparison with std::nullopt, with a value, with another of its
// kind and with std::optional<T>, and conversion to and from
// std::optional<T>), so records kept by the million hold their optional
// cells at the size of the values and the code that reads them reads as
// before.
//
// CompactOptionalTraits<T> says how a T is kept and which kept value is
// "none"; it is specialised next to T (model::Date beside Date), for int
// and for enums here. A T whose every value is valid has no such value and
// stays a std::optional.

#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace pthv::util {

// For a type T: `Stored`, what is kept; `k_none`, a Stored value no T is
// kept as; `store(T)` and `load(Stored)`, to and from the kept value.
template <typename T, typename = void> struct CompactOptionalTraits;

// A whole number: none is the lowest int, which no bounded column reaches
// (cells are checked against their schema's minimum and maximum).
template <> struct CompactOptionalTraits<int> {
    using Stored = int;
    static constexpr Stored k_none = std::numeric_limits<int>::min();
    static constexpr Stored store(int value) { return value; }
    static constexpr int load(Stored value) { return value; }
};

// An enum of values counted from 0: none is its underlying type's highest
// value (255 for a one-byte enum), which no named value takes.
template <typename E> struct CompactOptionalTraits<E, std::enable_if_t<std::is_enum_v<E>>> {
    using Stored = std::underlying_type_t<E>;
    static constexpr Stored k_none = std::numeric_limits<Stored>::max();
    static constexpr Stored store(E value) { return static_cast<Stored>(value); }
    static constexpr E load(Stored value) { return static_cast<E>(value); }
};

template <typename T, typename Traits = CompactOptionalTraits<T>> class CompactOptional {
public:
    using value_type = T;
    using Stored = typename Traits::Stored;

    constexpr CompactOptional() = default;
    constexpr CompactOptional(std::nullopt_t) {}
    constexpr CompactOptional(const T& value) : m_value(Traits::store(value)) {}
    constexpr CompactOptional(const std::optional<T>& value) : m_value(value ? Traits::store(*value) : Traits::k_none)
    {
    }

    constexpr bool has_value() const { return m_value != Traits::k_none; }
    constexpr explicit operator bool() const { return has_value(); }
    // The value, by value (it is kept in another form); only when has_value().
    constexpr T operator*() const { return Traits::load(m_value); }
    // `x->member()` on the value; only when has_value().
    struct Arrow {
        T value;
        constexpr const T* operator->() const { return &value; }
    };
    constexpr Arrow operator->() const { return {Traits::load(m_value)}; }
    constexpr T value() const
    {
        if (!has_value())
            throw std::bad_optional_access();
        return Traits::load(m_value);
    }
    constexpr T value_or(const T& otherwise) const { return has_value() ? Traits::load(m_value) : otherwise; }
    constexpr void reset() { m_value = Traits::k_none; }
    constexpr operator std::optional<T>() const
    {
        return has_value() ? std::optional<T>(Traits::load(m_value)) : std::nullopt;
    }

    // As std::optional compares: none equals none and nothing else.
    friend constexpr bool operator==(const CompactOptional& a, const CompactOptional& b)
    {
        return a.m_value == b.m_value;
    }
    friend constexpr bool operator!=(const CompactOptional& a, const CompactOptional& b)
    {
        return a.m_value != b.m_value;
    }
    friend constexpr bool operator==(const CompactOptional& a, std::nullopt_t) { return !a.has_value(); }
    friend constexpr bool operator==(std::nullopt_t, const CompactOptional& a) { return !a.has_value(); }
    friend constexpr bool operator!=(const CompactOptional& a, std::nullopt_t) { return a.has_value(); }
    friend constexpr bool operator!=(std::nullopt_t, const CompactOptional& a) { return a.has_value(); }
    friend constexpr bool operator==(const CompactOptional& a, const T& b) { return a.has_value() && *a == b; }
    friend constexpr bool operator==(const T& b, const CompactOptional& a) { return a.has_value() && *a == b; }
    friend constexpr bool operator!=(const CompactOptional& a, const T& b) { return !(a == b); }
    friend constexpr bool operator!=(const T& b, const CompactOptional& a) { return !(a == b); }
    friend constexpr bool operator==(const CompactOptional& a, const std::optional<T>& b)
    {
        return a.has_value() == b.has_value() && (!b || *a == *b);
    }
    friend constexpr bool operator==(const std::optional<T>& b, const CompactOptional& a) { return a == b; }
    friend constexpr bool operator!=(const CompactOptional& a, const std::optional<T>& b) { return !(a == b); }
    friend constexpr bool operator!=(const std::optional<T>& b, const CompactOptional& a) { return !(a == b); }

private:
    Stored m_value = Traits::k_none;
};

} // namespace pthv::util
