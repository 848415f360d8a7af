#pragma once
// String helpers that know nothing of PTHV.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::util {

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
// Calls `f` with each part of `s` between `sep`s, trimmed, skipping empty
// ones ("T01; T02;" gives T01 and T02), without allocating; `f` returns
// false to stop. Returns false when `f` stopped it.
template <typename F> bool for_each_part(std::string_view s, char sep, F&& f)
{
    while (true) {
        const auto pos = s.find(sep);
        const std::string_view part = trim(s.substr(0, pos));
        if (!part.empty() && !f(part))
            return false;
        if (pos == std::string_view::npos)
            return true;
        s.remove_prefix(pos + 1);
    }
}
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// How many times `c` occurs in `s`, eight bytes at a time: line counts of
// files of a hundred megabytes.
std::size_t count_byte(std::string_view s, char c);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string to_lower(std::string_view s);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when
// the whole text is valid (overlongs, surrogates and > U+10FFFF are invalid).
std::size_t find_invalid_utf8(std::string_view s);

// How many columns `s` takes in an aligned table: its UTF-8 characters (code
// points), not its bytes, each counted as one column.
std::size_t display_width(std::string_view s);

// `s` safe to print on a terminal: control characters and bytes that are
// not valid UTF-8 become \xNN, so a cell or a broken file echoed in a
// message can neither garble the output nor send escape sequences.
// C1 controls (U+0080..U+009F, which some terminals obey like ESC [) are
// shown as the \xNN of their two bytes, and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, which would
// draw the rest of a line backwards) as the \xNN of theirs.
std::string printable(std::string_view s);
// printable() for a text of lines: each line as above, the line breaks kept.
std::string printable_text(std::string_view s);
// The same for a text of one's own: handed back as it is, not copied, when
// it holds nothing to show otherwise (a payroll listing runs to tens of
// megabytes).
std::string printable_text(std::string&& s);
inline std::string printable_text(const char* s) { return printable_text(std::string_view(s)); }
// True when `s` holds a control character (C0, DEL or C1): one a cell of
// the data repo may not hold (the output escapes them, the input refuses them).
bool has_control(std::string_view s);
// has_control() of a cell's text but for line breaks, which a written cell
// turns into spaces (a data file holds one record a line).
bool has_control_in_line(std::string_view s);

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name` when it is close enough to be a plausible
// typo ("did you mean ..."), else the empty string.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// 1204 -> "1,204": counts in summaries read easier with separators.
std::string with_thousands(long long n);

// "1 error", "3 errors".
std::string plural(long long n, std::string_view one, std::string_view many);

} // namespace pthv::util
