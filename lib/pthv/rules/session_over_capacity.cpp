// session-over-capacity (docs/rules.md): more trainings.csv rows name a
// session than it has seats.

#include <fmt/format.h>

#include <pthv/rules/checks.hpp>

namespace pthv::rules {

using namespace pthv::model;

void check_session_over_capacity(const Context& ctx, Findings& out)
{
    const Repo& repo = ctx.repo;
    const std::vector<int> attended = session_attendance(repo);
    for (std::size_t i = 0; i < repo.sessions.size(); ++i) {
        const TrainingSession& s = repo.sessions[i];
        if (!s.capacity || attended[i] <= *s.capacity)
            continue;
        const std::string_view id = repo.id(s.id);
        out.add("session-over-capacity", "sessions.csv", s.line, id,
                fmt::format("session {} has {} trainings but {} seats", id, attended[i], *s.capacity),
                "raise its capacity if the room held them, or move the extra people to another session");
    }
}

} // namespace pthv::rules
