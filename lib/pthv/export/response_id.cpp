#include "response_id.hpp"

#include <fmt/format.h>

#include <pthv/export/hmac.hpp>
#include <pthv/export/key.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::exporting {

namespace {

// Cells joined by U+001F (the unit separator), which form exports do not
// hold, as the ids made before keying were: the earlier id is found again.
std::string joined(const std::vector<std::string>& cells)
{
    return util::join(cells, "\x1f");
}

} // namespace

std::string keyed_response_id(std::string_view key, const std::vector<std::string>& cells)
{
    return "R" + to_hex(hmac_sha256(key, joined(cells)), k_pseudonym_digits / 2);
}

std::string unkeyed_response_id(const std::vector<std::string>& cells)
{
    return "R" + to_hex(sha256(joined(cells)), k_pseudonym_digits / 2);
}

std::string missing_key_refusal(const std::string& export_file)
{
    return fmt::format(
        "{} has no response id column: pthv makes each response's id from its row, and needs a private "
        "key for that, so that surveys.csv cannot give back what the import leaves out (when each answer "
        "came, comments). Make one once and keep it out of the data repo: `(umask 077; openssl rand -hex 32 "
        "> {})`; then pass --key-file {} to every import of this survey (docs/surveys.md)",
        export_file, k_survey_key.suggested_file, k_survey_key.suggested_file);
}

} // namespace pthv::exporting
