// Core practice 2: educators are trained, and compensated for visits outside
// the school day.

#include <fmt/format.h>

#include <pthv/pay/rates.hpp>
#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_cp2_trained(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (!v.completed() || !v.date)
            continue;
        for (const StaffId e : ctx.facts.educators(i)) {
            if (!repo.names.staff.defined(e))
                continue; // unknown-ref says so
            const TrainingTimeline* tl = ctx.facts.training(e);
            if (tl && tl->intro_on_or_before(*v.date))
                continue;
            const std::string later =
                tl && tl->intro() ? fmt::format(" (their intro training is dated {}, after the visit)", tl->intro()->str())
                                  : std::string{};
            out.on_visit("CP2-trained", ctx.repo, v,
                    fmt::format("visit {}: educator {} had no intro training before {}{}: core practice 2, "
                                "educators are trained before they visit",
                                repo.id(v.id), repo.id(e), v.date->str(), later),
                    "record the training in trainings.csv (pthv roster train --kind intro ...)")
                .staff = {std::string(repo.id(e))};
        }
    }
}

void check_cp2_refresher(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    const int months = repo.config.practices.refresher_months;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (!v.completed() || !v.date)
            continue;
        for (const StaffId e : ctx.facts.educators(i)) {
            const TrainingTimeline* tl = ctx.facts.training(e);
            if (!tl || !tl->intro_on_or_before(*v.date))
                continue; // CP2-trained covers it
            const auto latest = tl->latest_on_or_before(*v.date);
            if (latest && latest->add_months(months) < *v.date)
                out.on_visit("CP2-refresher", ctx.repo, v,
                        fmt::format("visit {}: educator {}'s latest training was on {}, more than {} months "
                                    "before the visit: core practice 2, training is kept current",
                                    repo.id(v.id), repo.id(e), latest->str(), months),
                        fmt::format("schedule a refresher for {}", repo.id(e)))
                    .staff = {std::string(repo.id(e))};
        }
    }
}

void check_cp2_compensation(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    for (std::size_t i = 0; i < repo.visits.size(); ++i) {
        const Visit& v = repo.visits[i];
        if (!v.completed())
            continue;
        const auto part = ctx.facts.day_part(v);
        if (!part || *part == DayPart::Inside)
            continue;
        if (*part == DayPart::Partial)
            out.on_visit("CP2-compensation", ctx.repo, v,
                    fmt::format("visit {} on {} at {} for {} minutes partly overlaps the school day ({}-{}): "
                                "core practice 2, visits outside the school day are paid",
                                repo.id(v.id), v.date->str(), v.start_time->str(), *v.minutes,
                                ctx.repo.config.calendar.day_start.str(), ctx.repo.config.calendar.day_end.str()),
                    "payroll holds it until you decide; fix start_time or minutes if they are wrong");
        for (const StaffId e : ctx.facts.educators(i)) {
            const Staff* s = repo.find(e);
            if (s && !pay::pay_rule(repo.config, *s))
                out.on_visit("CP2-compensation", ctx.repo, v,
                        fmt::format("visit {}: educator {} has no pay rule ({}): core practice 2, educators are "
                                    "paid for visits outside the school day",
                                    repo.id(v.id), repo.id(e),
                                    s->staff_class ? "compensation." + std::string(enum_name(*s->staff_class)) +
                                                         " is not set in pthv.yaml"
                                                   : std::string("no class in staff.csv")),
                        "set the staff member's class, and its pay rule under compensation in pthv.yaml")
                    .staff = {std::string(repo.id(e))};
        }
    }
}

} // namespace pthv::rules
