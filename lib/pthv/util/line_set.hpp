#pragma once
// A set of line numbers held as runs of consecutive lines: the rows an
// append adds to a file are one run however many there are, where a
// std::set would keep a node per row (8 MB for 200,000 rows). Read as an
// ordered set: count, iteration in increasing order, size.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <vector>

namespace pthv::util {

class LineSet {
    struct Run {
        std::size_t begin; // the first line
        std::size_t end;   // one past the last
        friend bool operator==(const Run& a, const Run& b) { return a.begin == b.begin && a.end == b.end; }
    };

public:
    LineSet() = default;
    LineSet(std::initializer_list<std::size_t> lines)
    {
        for (const std::size_t line : lines)
            insert(line);
    }

    // Adds `count` consecutive lines from `first`.
    void insert_run(std::size_t first, std::size_t count)
    {
        if (count == 0)
            return;
        std::size_t begin = first;
        std::size_t end = first + count;
        // The runs that touch or overlap [begin, end) are merged into it.
        auto lo = std::lower_bound(m_runs.begin(), m_runs.end(), begin,
                                   [](const Run& r, std::size_t at) { return r.end < at; });
        auto hi = lo;
        while (hi != m_runs.end() && hi->begin <= end) {
            begin = std::min(begin, hi->begin);
            end = std::max(end, hi->end);
            ++hi;
        }
        lo = m_runs.erase(lo, hi);
        m_runs.insert(lo, Run{begin, end});
    }
    void insert(std::size_t line) { insert_run(line, 1); }

    std::size_t count(std::size_t line) const
    {
        const auto it = std::upper_bound(m_runs.begin(), m_runs.end(), line,
                                         [](std::size_t at, const Run& r) { return at < r.end; });
        return it != m_runs.end() && it->begin <= line ? 1 : 0;
    }
    bool empty() const { return m_runs.empty(); }
    std::size_t size() const
    {
        std::size_t n = 0;
        for (const Run& r : m_runs)
            n += r.end - r.begin;
        return n;
    }

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::size_t;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::size_t*;
        using reference = const std::size_t&;

        const_iterator() = default;
        reference operator*() const { return m_line; }
        const_iterator& operator++()
        {
            if (++m_line == m_run->end && ++m_run != m_last)
                m_line = m_run->begin;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator was = *this;
            ++*this;
            return was;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b)
        {
            return a.m_run == b.m_run && (a.m_run == a.m_last || a.m_line == b.m_line);
        }
        friend bool operator!=(const const_iterator& a, const const_iterator& b) { return !(a == b); }

    private:
        friend class LineSet;
        using RunIt = std::vector<Run>::const_iterator;
        const_iterator(RunIt run, RunIt last) : m_run(run), m_last(last), m_line(run == last ? 0 : run->begin) {}
        RunIt m_run{};
        RunIt m_last{};
        std::size_t m_line = 0;
    };

    const_iterator begin() const { return const_iterator(m_runs.begin(), m_runs.end()); }
    const_iterator end() const { return const_iterator(m_runs.end(), m_runs.end()); }

    friend bool operator==(const LineSet& a, const LineSet& b) { return a.m_runs == b.m_runs; }
    friend bool operator!=(const LineSet& a, const LineSet& b) { return !(a == b); }

private:
    std::vector<Run> m_runs; // sorted, apart: no two touch
};

} // namespace pthv::util
