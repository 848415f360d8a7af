#include <pthv/io/csv_edit.hpp>

#include <pthv/util/strings.hpp>

namespace pthv::io {

std::string_view newline_of(std::string_view content)
{
    const auto nl = content.find('\n');
    return nl != std::string_view::npos && nl > 0 && content[nl - 1] == '\r' ? "\r\n" : "\n";
}

std::size_t next_line(std::string_view content)
{
    std::size_t newlines = util::count_byte(content, '\n');
    // An unterminated last line gets its newline from the append.
    if (!content.empty() && content.back() != '\n')
        ++newlines;
    return newlines + 1;
}

std::string append_text_for(std::string_view content, std::string_view rows, std::string_view newline)
{
    std::string out;
    if (!content.empty() && content.back() != '\n')
        out += newline;
    out += rows;
    return out;
}

std::string_view line_at(std::string_view content, std::size_t line)
{
    if (line == 0)
        return {};
    std::size_t begin = 0;
    for (std::size_t l = 1; l < line; ++l) {
        const auto nl = content.find('\n', begin);
        if (nl == std::string_view::npos)
            return {};
        begin = nl + 1;
    }
    if (begin >= content.size())
        return {};
    const auto nl = content.find('\n', begin);
    return content.substr(begin, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - begin);
}

std::optional<std::string> replace_line(std::string_view content, std::size_t line, std::string_view text)
{
    const std::string_view old = line_at(content, line);
    if (old.empty())
        return std::nullopt;
    const auto begin = static_cast<std::size_t>(old.data() - content.data());
    std::size_t end = begin + old.size();
    // Keep the line's own ending: CRLF stays CRLF.
    if (end > begin && content[end - 1] == '\n')
        --end;
    if (end > begin && content[end - 1] == '\r')
        --end;
    std::string out;
    out.reserve(content.size() + text.size());
    out.append(content.substr(0, begin));
    // Line 1 may start with a BOM: a header edit keeps it.
    if (begin == 0 && content.substr(0, 3) == "\xEF\xBB\xBF" && text.substr(0, 3) != "\xEF\xBB\xBF")
        out.append("\xEF\xBB\xBF");
    out.append(text);
    out.append(content.substr(end));
    return out;
}

std::optional<std::string> remove_line(std::string_view content, std::size_t line)
{
    const std::string_view old = line_at(content, line);
    if (line < 2 || old.empty())
        return std::nullopt;
    const auto begin = static_cast<std::size_t>(old.data() - content.data());
    std::string out(content.substr(0, begin));
    out.append(content.substr(begin + old.size()));
    // The last line had no line break: the one before it now ends the file.
    if (old.back() != '\n' && !out.empty() && out.back() == '\n') {
        out.pop_back();
        if (!out.empty() && out.back() == '\r')
            out.pop_back();
    }
    return out;
}

std::string with_columns(std::string_view content, const std::vector<std::string>& columns)
{
    std::string header_tail, row_tail;
    for (const auto& c : columns) {
        header_tail += "," + c;
        row_tail += ",";
    }
    std::string out;
    out.reserve(content.size() + header_tail.size() + row_tail.size() * util::count_byte(content, '\n'));
    bool header = true;
    std::size_t at = 0;
    while (at < content.size()) {
        std::size_t end = content.find('\n', at);
        const std::size_t next = end == std::string_view::npos ? content.size() : end + 1;
        if (end == std::string_view::npos)
            end = content.size();
        std::size_t text_end = end;
        if (text_end > at && content[text_end - 1] == '\r')
            --text_end;
        out.append(content.substr(at, text_end - at));
        if (text_end > at)
            out.append(header ? header_tail : row_tail);
        out.append(content.substr(text_end, next - text_end));
        header = false;
        at = next;
    }
    return out;
}

} // namespace pthv::io
