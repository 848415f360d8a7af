#pragma once
// The columns that name a row of another file, read from the schemas'
// `references:` (schemas/*.yaml): what unknown-ref checks, where each
// reference points and how its messages name one value.

#include <string>
#include <string_view>
#include <vector>

namespace pthv::io {

struct Reference
{
    std::string file;   // "visits.csv"
    std::string column; // "educators"
    std::string target; // "staff.csv"
    std::string word;   // one value in a message: "educator" (one id of a list), else the column
};

// Every reference the schemas declare, in the schemas' order, then the two
// that name another file's row only sometimes, so their schemas cannot say
// `references:`: trainings.csv's session (a sessions.csv session_id once
// sessions.csv exists, free text before) and visits.csv's interpreter (a
// staff id, or an outside interpreter's name).
const std::vector<Reference>& references();

// The reference `file`'s `column` makes. Throws std::logic_error for a
// column that names no other file (a build defect, not a user error).
const Reference& reference(std::string_view file, std::string_view column);

} // namespace pthv::io
