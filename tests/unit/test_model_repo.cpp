#include <doctest/doctest.h>

#include <string>

#include <pthv/model/repo.hpp>

TEST_CASE("a visit and a student are held without padding, their optional cells in the bytes of the values")
{
    // On 64-bit targets, where a text view is 16 bytes. With std::optional
    // and the fields in their old order a visit took 144 bytes and a
    // student 64 + a std::string.
    if (sizeof(void*) == 8) {
        CHECK(sizeof(pthv::model::Visit) == 96);
        CHECK(sizeof(pthv::model::Student) == 56 + sizeof(std::string));
    }
}
