#pragma once
// A text holding a few lines of a larger one at their own line numbers, the
// lines between them left blank: a reader that skips blank lines sees those
// lines where the whole text has them, and nothing else, at the cost of one
// newline per line left out (a check of a change reads the rows a first
// load found again this way, not the file; record::check_change).

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace pthv::util {

// The line of `text` that begins at `offset`, with its line break; without
// one when it is the last line and has none.
inline std::string_view line_from(std::string_view text, std::size_t offset)
{
    if (offset >= text.size())
        return {};
    const void* nl = std::memchr(text.data() + offset, '\n', text.size() - offset);
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1
                               : text.size();
    return text.substr(offset, end - offset);
}

class SparseText {
public:
    // Starts with the lines of `head`, the first lines of the text, kept whole.
    explicit SparseText(std::string_view head) { add(head); }

    // Line `line`, which is after every line added so far; `text` is one
    // line, with or without its line break.
    void add_line(std::size_t line, std::string_view text)
    {
        if (line > m_next)
            m_text.append(line - m_next, '\n');
        m_next = line;
        add(text);
        if (m_text.empty() || m_text.back() != '\n') {
            m_text += '\n';
            ++m_next;
        }
    }
    // Lines from `line` on, one after the other (each ending in a line break).
    void add_lines(std::size_t line, std::string_view lines)
    {
        if (line > m_next)
            m_text.append(line - m_next, '\n');
        m_next = line;
        add(lines);
    }
    std::size_t next_line() const { return m_next; } // the line the next byte would begin
    std::string take() { return std::move(m_text); }

private:
    void add(std::string_view lines)
    {
        m_text.append(lines);
        for (const char c : lines)
            m_next += c == '\n';
    }
    std::string m_text;
    std::size_t m_next = 1;
};

} // namespace pthv::util
