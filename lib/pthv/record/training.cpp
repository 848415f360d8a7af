#include <pthv/record/training.hpp>

#include <fmt/format.h>

#include <pthv/model/money.hpp>

namespace pthv::record {

std::string session_hours_refusal(std::int64_t hours_x100, const model::TrainingSession& s,
                                  std::string_view session_id)
{
    if (!s.hours_x100 || hours_x100 <= *s.hours_x100)
        return {};
    return fmt::format("session {} lasts {} hours; a training row pays at most the session's hours", session_id,
                       model::format_hundredths(*s.hours_x100));
}

} // namespace pthv::record
