#include <doctest/doctest.h>

#include <pthv/export/hmac.hpp>

using pthv::exporting::hmac_sha256;
using pthv::exporting::pseudonym;
using pthv::exporting::to_hex;

namespace {
std::string repeat(unsigned char byte, std::size_t n)
{
    return std::string(n, static_cast<char>(byte));
}
} // namespace

// The test cases of RFC 4231, "Identifiers and Test Vectors for
// HMAC-SHA-224, HMAC-SHA-256, HMAC-SHA-384, and HMAC-SHA-512", section 4.
TEST_CASE("hmac_sha256 gives the HMAC-SHA-256 of every RFC 4231 test case")
{
    const std::string large_key = repeat(0xaa, 131);
    std::string case4_key;
    for (int b = 1; b <= 25; ++b)
        case4_key += static_cast<char>(b);
    struct Case {
        std::string key, data, hmac;
    };
    const Case cases[] = {
        {repeat(0x0b, 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {repeat(0xaa, 20), repeat(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {case4_key, repeat(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {large_key, "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {large_key,
         "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
         "hashed before being used by the HMAC algorithm.",
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.data);
        CHECK(to_hex(hmac_sha256(c.key, c.data)) == c.hmac);
    }
}

TEST_CASE("to_hex cuts to the first bytes, as RFC 4231 test case 5 truncates to 128 bits")
{
    CHECK(to_hex(hmac_sha256(repeat(0x0c, 20), "Test With Truncation"), 16) == "a3b6167473100ee06e0c796c2955552b");
}

TEST_CASE("pseudonym is the first 16 hex digits of the HMAC, the same for the same key and id")
{
    const std::string key = "Jefe";
    CHECK(pseudonym(key, "what do ya want for nothing?") == "5bdcc146bf60754e");
    CHECK(pseudonym("0123456789abcdef", "ST0001") == pseudonym("0123456789abcdef", "ST0001"));
    CHECK(pseudonym("0123456789abcdef", "ST0001") != pseudonym("0123456789abcdeg", "ST0001"));
    CHECK(pseudonym("0123456789abcdef", "ST0001") != pseudonym("0123456789abcdef", "ST0002"));
    CHECK(pseudonym(key, "").size() == 16);
}

TEST_CASE("sha256 gives the FIPS 180-4 digests of the NIST examples")
{
    using pthv::exporting::sha256;
    CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
