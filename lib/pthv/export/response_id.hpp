#pragma once
// The id `pthv survey import` gives a response whose export has none
// (docs/surveys.md). It is made from the whole row, so the same row always
// gets the same id and importing again adds nothing; and it is keyed, so
// that surveys.csv alone cannot confirm or recover what the import left out
// (the time a form stamped on the answer, a comment, an e-mail): with a
// plain digest, anyone could try each second of a day until one matched.

#include <string>
#include <string_view>
#include <vector>

namespace pthv::exporting {

// "R" and the first 16 hex digits of HMAC-SHA256(key, the cells joined by
// U+001F), by libcrypto.
std::string keyed_response_id(std::string_view key, const std::vector<std::string>& cells);

// The id pthv gave the same row before ids were keyed: "R" and 16 hex
// digits of the plain SHA-256. Only to recognise a response imported then;
// never to be written again.
std::string unkeyed_response_id(const std::vector<std::string>& cells);

// Why `export_file`, which has no response id column, cannot be imported
// without the survey's key (k_survey_key): an id made from the row unkeyed
// would let surveys.csv give back what the import leaves out. Says how to
// make a key and keep it.
std::string missing_key_refusal(const std::string& export_file);

} // namespace pthv::exporting
