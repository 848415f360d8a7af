#pragma once
// The first coarsening of a protected export (docs/export.md): a visit's
// date becomes its month, and the visit's other dates become days counted
// from the visit's date, so no exact day of a visit leaves while the
// intervals evaluators study (how long before a visit it was arranged, how
// soon the pair reflected) stay exact.

#include <string>
#include <utility>
#include <vector>

#include <pthv/export/table.hpp>

namespace pthv::exporting {

struct Renamed {
    std::string from, to; // "arranged_on", "arranged_days_before"
};

// Rewrites visits.csv's date columns in place and returns the columns
// renamed, in the file's order: date -> month (YYYY-MM), arranged_on ->
// arranged_days_before, reflected_on -> reflected_days_after, confirmed_on
// -> confirmed_days_after, logged_on -> logged_days_after. A cell whose
// date (or the visit's date) is empty or not a date is left empty.
std::vector<Renamed> coarsen_visit_dates(Table& visits);

// "2025-09-14" -> "2025-09"; "" for anything that is not a date.
std::string month_of(std::string_view date);

} // namespace pthv::exporting
