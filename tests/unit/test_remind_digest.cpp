// remind::make_digests on the tiny district of fixture.hpp (as of
// 2026-10-01: ST01 and ST02 of T01's homeroom had one visit, by T01 and
// T02, on 2026-09-14; ST03's visit, by T02 and T03, is on 2026-10-15).

#include <doctest/doctest.h>

#include "fixture.hpp"

#include <pthv/remind/digest.hpp>
#include <pthv/remind/message.hpp>
#include <pthv/remind/render.hpp>

using namespace pthv;

namespace {

struct Digests {
    std::shared_ptr<io::LoadResult> loaded;
    std::shared_ptr<model::Facts> facts;
    std::shared_ptr<model::Problems> findings;
    std::vector<remind::Digest> list;

    const model::Repo& repo() const { return loaded->repo; }
    // Who has a digest, by id, in order.
    std::string people() const
    {
        std::string out;
        for (const auto& d : list)
            out += std::string(repo().id(d.person)) + " ";
        return out;
    }
    const remind::Digest& of(std::string_view id) const
    {
        for (const auto& d : list)
            if (repo().id(d.person) == id)
                return d;
        FAIL("no digest for " << id);
        return list.front();
    }
};

Digests digests(const io::Sources& sources, std::string_view day, int days = 7)
{
    Digests out;
    out.loaded = std::make_shared<io::LoadResult>(io::load_sources(sources, test::as_of(day)));
    out.facts = std::make_shared<model::Facts>(out.loaded->repo);
    out.findings = std::make_shared<model::Problems>(rules::check_repo(out.loaded->repo, out.loaded->problems));
    remind::Options o;
    o.days = days;
    out.list = remind::make_digests(*out.facts, *out.findings, o);
    return out;
}

std::vector<remind::ItemKind> kinds(const std::vector<remind::Item>& items)
{
    std::vector<remind::ItemKind> out;
    for (const auto& i : items)
        out.push_back(i.kind);
    return out;
}

} // namespace

TEST_CASE("remind::make_digests")
{
    using K = remind::ItemKind;
    io::Sources s = test::tiny_repo();

    SUBCASE("second visits due go to the homeroom teacher, and to the coordinator's part once")
    {
        const auto d = digests(s, "2026-10-01");
        CHECK(d.people() == "T01 ");
        const auto& t01 = d.of("T01");
        CHECK(kinds(t01.own) == std::vector<K>{K::SecondVisit, K::SecondVisit});
        CHECK(t01.sites.empty()); // T01 coordinates S01: the same students are not listed twice
    }
    SUBCASE("nobody with nothing due has a digest")
    {
        test::append(s, "visits.csv",
                     "V20261120-ST01,ST01,S01,2026-11-20,17:00,40,T01;T02,scheduled,2026-09-20,academics,home,,,");
        test::append(s, "visits.csv",
                     "V20261120-ST02,ST02,S01,2026-11-20,17:00,40,T01;T02,scheduled,2026-09-20,academics,home,,,");
        CHECK(digests(s, "2026-10-01").list.empty());
        SUBCASE("a visit of the next N days: its educators, and the coordinator's part")
        {
            const auto d = digests(s, "2026-10-01", 14);
            CHECK(d.people() == "T01 T02 T03 ");
            CHECK(d.of("T01").own.empty());
            REQUIRE(d.of("T01").sites.size() == 1);
            CHECK(kinds(d.of("T01").sites[0].items) == std::vector<K>{K::Upcoming});
            CHECK(kinds(d.of("T02").own) == std::vector<K>{K::Upcoming});
        }
    }
    SUBCASE("reflection: only past reflection_within_days")
    {
        test::replace(s, "visits.csv", "home,2026-09-15,es,\n", "home,,es,\n");
        const auto early = digests(s, "2026-09-21");
        CHECK(early.people() == "T01 "); // second visits only: the window is still open
        const auto late = digests(s, "2026-09-22");
        CHECK(kinds(late.of("T02").own) == std::vector<K>{K::Reflect});
        CHECK(late.of("T02").own[0].due == test::date("2026-09-21"));
    }
    SUBCASE("training due soon, to the person and to the site's coordinator")
    {
        test::replace(s, "trainings.csv", "T02,2026-08-10", "T02,2024-10-15");
        const auto d = digests(s, "2026-10-01");
        CHECK(kinds(d.of("T02").own) == std::vector<K>{K::Training});
        CHECK(d.of("T02").own[0].training.status == model::TrainingStatus::DueSoon);
        REQUIRE(d.of("T01").sites.size() == 1);
        CHECK(kinds(d.of("T01").sites[0].items) == std::vector<K>{K::Training});
    }
    SUBCASE("a coordinator's part leaves out a visit whose student is of another site")
    {
        test::replace(s, "sites.csv", "S02,Harbor View K-8,k8,prospective,,", "S02,Harbor View K-8,k8,active,T03,");
        test::append(s, "students.csv", "ST09,S02,4,T03,Zed Moved,,no");
        test::append(s, "visits.csv",
                     "V20261005-ST09,ST09,S01,2026-10-05,17:00,40,T01;T02,scheduled,2026-10-01,hopes_and_dreams,"
                     "home,,,");
        const auto d = digests(s, "2026-10-01");
        // T01 and T02 are on it: their own parts have it.
        CHECK(kinds(d.of("T02").own) == std::vector<K>{K::Upcoming});
        // S01's part (T01's) does not: ST09 is S02's; S02's part (T03's) does not: it is at S01.
        for (const auto& part : d.of("T01").sites)
            for (const auto& i : part.items)
                CHECK(i.kind != K::Upcoming);
        CHECK(d.people() == "T01 T02 ");
    }
    SUBCASE("the text speaks to its reader; the message is RFC 5322 with an encoded name")
    {
        test::replace(s, "staff.csv", "hourly_rate,active\n", "hourly_rate,active,email\n");
        test::replace(s, "staff.csv", "T01,Ana Lopez,S01,teacher,certificated,yes,,yes",
                      "T01,Ána López,S01,teacher,certificated,yes,,yes,ana@example.org");
        s["pthv.yaml"].edit() += "remind: {from: \"PTHV <pthv@example.org>\"}\n";
        const auto d = digests(s, "2026-10-01");
        remind::Options o;
        const std::string text = remind::render_text(d.repo(), d.of("T01"), o);
        CHECK(test::contains(text, "PTHV reminders for T01 Ána López as of 2026-10-01"));
        CHECK(test::contains(text, "2 students of your homeroom are due a second visit:"));
        const std::string m = remind::make_message(d.repo(), d.of("T01"), o, 0);
        CHECK(test::contains(m, "From: PTHV <pthv@example.org>\r\n"));
        CHECK(test::contains(m, "To: =?UTF-8?B?w4FuYSBMw7NwZXo=?= <ana@example.org>\r\n"));
        CHECK(test::contains(m, "Subject: Test District: PTHV reminders for 2026-10-01\r\n"));
        CHECK(test::contains(m, "Content-Transfer-Encoding: quoted-printable\r\n"));
        CHECK(test::contains(m, "T01 =C3=81na L=C3=B3pez"));
        CHECK(remind::local_line_ends(m).find('\r') == std::string::npos);
    }
}
