#pragma once
// Telling which 8-bit encoding a text that is not UTF-8 was saved in, so a
// message can say how to save it again. Excel's plain "CSV" on Windows in
// Western European and American locales writes Windows-1252 (CP1252): é is
// the one byte 0xE9 there, two bytes (0xC3 0xA9) in UTF-8.

#include <string>
#include <string_view>

namespace pthv::util {

// The character a byte of 0x80..0xFF stands for in Windows-1252, as UTF-8;
// empty for the five bytes Windows-1252 leaves undefined and for ASCII.
std::string windows_1252_char(unsigned char byte);

// True when `text` holds bytes above 0x7F, none of them part of a valid
// UTF-8 sequence and each a character of Windows-1252: a line saved as
// Windows-1252 rather than UTF-8.
bool looks_windows_1252(std::string_view text);

} // namespace pthv::util
