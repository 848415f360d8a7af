#include <doctest/doctest.h>

#include <cstdint>
#include <optional>

#include <pthv/model/date.hpp>
#include <pthv/model/enums.hpp>
#include <pthv/util/compact_optional.hpp>

using pthv::model::Date;
using pthv::model::TimeOfDay;
using pthv::model::VisitStatus;
using pthv::util::CompactOptional;

TEST_CASE("util::CompactOptional reads like std::optional in the bytes of the value")
{
    static_assert(sizeof(CompactOptional<Date>) == 4);
    static_assert(sizeof(CompactOptional<TimeOfDay>) == 2);
    static_assert(sizeof(CompactOptional<int>) == 4);
    static_assert(sizeof(CompactOptional<VisitStatus>) == 1);

    SUBCASE("empty by default, after reset and from std::nullopt")
    {
        CompactOptional<Date> d;
        CHECK_FALSE(d);
        CHECK_FALSE(d.has_value());
        CHECK(d == std::nullopt);
        CHECK(std::nullopt == d);
        CHECK(d.value_or(Date::from_days(3)) == Date::from_days(3));
        CHECK_THROWS_AS(d.value(), std::bad_optional_access);
        d = *Date::parse("2026-05-15");
        CHECK(d);
        CHECK(d != std::nullopt);
        CHECK(d->str() == "2026-05-15");
        CHECK((*d).str() == "2026-05-15");
        CHECK(d.value() == *Date::parse("2026-05-15"));
        d.reset();
        CHECK(d == std::nullopt);
        d = *Date::parse("2026-05-15");
        d = std::nullopt;
        CHECK_FALSE(d);
    }
    SUBCASE("the zero of each type is a value, not none")
    {
        const CompactOptional<Date> epoch = Date::from_days(0); // 1970-01-01
        const CompactOptional<TimeOfDay> midnight = TimeOfDay::from_minutes(0);
        const CompactOptional<int> zero = 0;
        const CompactOptional<VisitStatus> first = VisitStatus::Scheduled;
        CHECK(epoch);
        CHECK(epoch->str() == "1970-01-01");
        CHECK(midnight);
        CHECK(midnight->str() == "00:00");
        CHECK(zero);
        CHECK(*zero == 0);
        CHECK(first);
        CHECK(first == VisitStatus::Scheduled);
    }
    SUBCASE("every value its parser gives is kept as given")
    {
        for (const char* text : {"1900-01-01", "1969-12-31", "2026-02-28", "9999-12-31"}) {
            const CompactOptional<Date> d = Date::parse(text);
            CHECK(d);
            CHECK(d->str() == text);
        }
        for (int minutes = 0; minutes < 24 * 60; ++minutes) {
            const CompactOptional<TimeOfDay> t = TimeOfDay::from_minutes(minutes);
            REQUIRE(t);
            CHECK(t->minutes() == minutes);
        }
        for (const int n : {-600, -1, 1, 600, 2147483647}) {
            const CompactOptional<int> c = n;
            CHECK(c == n);
        }
        for (const VisitStatus s : {VisitStatus::Scheduled, VisitStatus::Completed, VisitStatus::Declined,
                                    VisitStatus::Cancelled, VisitStatus::NoShow}) {
            const CompactOptional<VisitStatus> c = s;
            CHECK(*c == s);
            CHECK(c != std::nullopt);
        }
    }
    SUBCASE("compared with a value, as std::optional compares")
    {
        const CompactOptional<VisitStatus> none;
        const CompactOptional<VisitStatus> completed = VisitStatus::Completed;
        CHECK(completed == VisitStatus::Completed);
        CHECK(VisitStatus::Completed == completed);
        CHECK(completed != VisitStatus::Declined);
        CHECK(none != VisitStatus::Completed);
        CHECK(VisitStatus::Completed != none);
        CHECK_FALSE(none == VisitStatus::Scheduled);
    }
    SUBCASE("compared with another of its kind")
    {
        const CompactOptional<int> none;
        const CompactOptional<int> five = 5;
        CHECK(none == CompactOptional<int>());
        CHECK(five == CompactOptional<int>(5));
        CHECK(five != CompactOptional<int>(6));
        CHECK(five != none);
    }
    SUBCASE("to and from std::optional")
    {
        const std::optional<int> none;
        const std::optional<int> five = 5;
        CHECK(std::optional<int>(CompactOptional<int>(none)) == std::nullopt);
        CHECK(std::optional<int>(CompactOptional<int>(five)) == five);
        const std::optional<Date> day = Date::parse("2025-10-01");
        CompactOptional<Date> d;
        d = day;
        const std::optional<Date> back = d;
        CHECK(back == day);
        CHECK(d == day);
        CHECK(day == d);
        CHECK(d != std::optional<Date>());
        CHECK(std::optional<Date>() != d);
        CHECK(CompactOptional<Date>() == std::optional<Date>());
    }
}
