#include "response_id.hpp"

#include <pthv/export/hmac.hpp>
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

} // namespace pthv::exporting
