#include "hmac.hpp"

#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace pthv::exporting {

Digest hmac_sha256(std::string_view key, std::string_view message)
{
    Digest digest{};
    unsigned int length = 0;
    // An empty key or message is a valid input; OpenSSL wants non-null pointers.
    static const unsigned char k_empty = 0;
    const void* key_data = key.empty() ? &k_empty : static_cast<const void*>(key.data());
    const auto* data = message.empty() ? &k_empty : reinterpret_cast<const unsigned char*>(message.data());
    if (!HMAC(EVP_sha256(), key_data, static_cast<int>(key.size()), data, message.size(), digest.data(), &length) ||
        length != digest.size())
        throw std::runtime_error("HMAC-SHA256 failed in libcrypto");
    return digest;
}

Digest sha256(std::string_view message)
{
    Digest digest{};
    unsigned int length = 0;
    static const unsigned char k_empty = 0;
    const void* data = message.empty() ? &k_empty : static_cast<const void*>(message.data());
    if (!EVP_Digest(data, message.size(), digest.data(), &length, EVP_sha256(), nullptr) || length != digest.size())
        throw std::runtime_error("SHA-256 failed in libcrypto");
    return digest;
}

std::string to_hex(const Digest& digest, std::size_t bytes)
{
    static const char k_digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (std::size_t i = 0; i < bytes && i < digest.size(); ++i) {
        out += k_digits[digest[i] >> 4];
        out += k_digits[digest[i] & 0x0f];
    }
    return out;
}

std::string pseudonym(std::string_view key, std::string_view id)
{
    return to_hex(hmac_sha256(key, id), k_pseudonym_digits / 2);
}

} // namespace pthv::exporting
