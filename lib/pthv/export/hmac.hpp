#pragma once
// Keyed pseudonyms for the de-identified export (docs/export.md): an id is
// replaced by HMAC-SHA256(key, id), computed by OpenSSL's libcrypto (never
// by code of our own), written as lowercase hex and cut to 16 digits.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace pthv::exporting {

using Digest = std::array<unsigned char, 32>;

// HMAC-SHA256 of `message` under `key` (RFC 2104, FIPS 198-1).
Digest hmac_sha256(std::string_view key, std::string_view message);

// SHA-256 of `message` (FIPS 180-4): a fingerprint of content, not a
// pseudonym; never use it for ids that must not be reversed.
Digest sha256(std::string_view message);

// Lowercase hex of the first `bytes` bytes of `digest`.
std::string to_hex(const Digest& digest, std::size_t bytes = 32);

// How many hex digits of the HMAC an exported id keeps (64 bits).
constexpr std::size_t k_pseudonym_digits = 16;

// The exported id of `id`: the first 16 hex digits of HMAC-SHA256(key, id).
std::string pseudonym(std::string_view key, std::string_view id);

} // namespace pthv::exporting
