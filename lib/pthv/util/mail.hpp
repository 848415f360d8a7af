#pragma once
// The pieces of an Internet message (RFC 5322, MIME) that know nothing of
// home visits: checking an address, encoding a header that is not ASCII
// (RFC 2047) and a body that is not 7-bit (quoted-printable or base64, RFC
// 2045), and the date of a message. Encoding is done here by hand: it is a
// few lines, and nothing here is cryptography.

#include <ctime>
#include <string>
#include <string_view>

namespace pthv::util {

// Whether `text` is an address a mail server takes: local@domain, the local
// part dot-separated atoms of letters, digits and !#$%&'*+/=?^_`{|}~-, the
// domain two or more labels of letters, digits and inner hyphens. ASCII
// only, at most 254 characters; no display name, no comments.
bool is_email_address(std::string_view text);

// A mailbox given as `Name <local@domain>` or a bare address: its two parts.
// `ok` is false when there is no valid address in it.
struct Mailbox {
    std::string name;
    std::string address;
    bool ok = false;
};
Mailbox parse_mailbox(std::string_view text);

// Base64 (RFC 4648) of `bytes`, in lines of at most 76 characters each
// ended by CRLF when `wrap`, else on one line.
std::string base64(std::string_view bytes, bool wrap);

// Quoted-printable (RFC 2045 6.7) of UTF-8 text with LF or CRLF line ends:
// lines end in CRLF, no line is longer than 76 characters (soft breaks
// "=" where needed, never inside an encoded character), "=" and bytes
// outside printable ASCII are =XX, a space or tab before a line end too.
std::string quoted_printable(std::string_view text);

// A header's value as the header holds it: ASCII text as it is, other text
// as RFC 2047 encoded-words ("=?UTF-8?B?...?="), each of whole UTF-8
// characters, joined by CRLF and a space (folding), so no line of
// `Name: value` passes 78 characters for a header name of up to 16.
std::string encode_header_text(std::string_view value);

// A mailbox for From: or To:: `address` alone for an empty name, else the
// name (quoted when it holds specials, encoded when it is not ASCII) and
// `<address>`.
std::string format_mailbox(std::string_view name, std::string_view address);

// `t` as RFC 5322's date-time in the local time zone:
// "Mon, 18 May 2026 06:00:00 -0700".
std::string rfc5322_date(std::time_t t);

// Whether every byte is ASCII and no line is longer than 998 characters:
// a body that may go as 7bit.
bool is_7bit(std::string_view text);

} // namespace pthv::util
