#pragma once
// The next school year's pthv.yaml (`pthv init DIR --from PREV_REPO`): the
// previous year's text with school_year, calendar, funding[].period and the
// dated entries of reports.publish (2026-05, 2026-04-01..2026-04-30) moved
// one year on and calendar.holidays emptied, every other setting, comment
// and line kept as the coordinator wrote it.

#include <optional>
#include <string>
#include <string_view>

namespace pthv::io {

// nullopt, with `why`, when the text is not a readable pthv.yaml or its
// dates could not be moved (the caller then asks for a hand edit and
// writes nothing). 29 February becomes 28 February.
std::optional<std::string> next_year_config(std::string_view text, std::string& why);

} // namespace pthv::io
