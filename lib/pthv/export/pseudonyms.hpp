#pragma once
// The keyed ids of one export (hmac.hpp), each worked out once, with a
// check that no two ids share one.

#include <string>
#include <string_view>
#include <vector>

#include <pthv/model/names.hpp>

namespace pthv::exporting {

class Pseudonyms {
public:
    explicit Pseudonyms(const std::string& key) : m_key(key) {}

    // The pseudonym of `id`. Throws std::runtime_error when another id had
    // the same one (a 64-bit collision: astronomically rare, but an export
    // that merged two students would be wrong without saying so).
    std::string of(std::string_view id);
    // Ids joined by ";", each replaced; empty parts dropped.
    std::string list(std::string_view ids);

private:
    // Ids get handles as model::Names gives them (dense, in order of first
    // use), so an id's pseudonym is found by its handle.
    const std::string& m_key;
    model::IdTable m_ids;                  // the ids seen, by handle
    std::vector<std::string> m_pseudonyms; // by the id's handle
    model::IdTable m_taken;                // the pseudonyms given
};

} // namespace pthv::exporting
