#pragma once
// A digest as an Internet message (RFC 5322 with MIME, docs/remind.md):
// From: pthv.yaml's remind.from, To: the person's email in staff.csv,
// Date: the clock, Subject: the district and the as-of date, the text
// digest as a UTF-8 text/plain body (7bit when it is ASCII, else
// quoted-printable, or base64 when most of it is not ASCII).

#include <ctime>
#include <string>

#include <pthv/model/repo.hpp>
#include <pthv/remind/digest.hpp>

namespace pthv::remind {

// The message with CRLF line ends, as a .eml file holds it. The caller has
// checked that repo.config.remind.from is a mailbox and that the person has
// an email; std::logic_error otherwise.
std::string make_message(const model::Repo& repo, const Digest& d, const Options& options, std::time_t now);

// The same message with LF line ends, as sendmail -t and msmtp -t read one
// on their standard input.
std::string local_line_ends(std::string_view message);

} // namespace pthv::remind
