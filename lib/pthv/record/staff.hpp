#pragma once
// Changing staff.csv (docs/data.md, staff.csv; `roster add` and `roster
// set`): what refuses a value or a change before the whole repo checks it.

#include <cstddef>
#include <string>

#include <pthv/record/apply.hpp>
#include <pthv/record/change.hpp>

namespace pthv::record {

// Why `text` cannot be a staff member's hourly_rate (the class's rate
// overridden, docs/payroll.md): not an amount of money, or more than the
// largest amount pthv accepts. "" when it can be, or when it is empty. The
// caller names the option or cell before it.
std::string hourly_rate_refusal(const std::string& text);

// Staff member `id`'s row of `current` with the fields of `changes` set,
// every other byte of staff.csv kept. `refused` says why there is no such
// change, as said to a person with "Nothing was written": no staff member
// has the id (with a "did you mean"), staff.csv has no column for a field,
// or the member's line is gone.
struct StaffChange {
    RowEdit row;
    std::size_t line = 0; // the member's line of staff.csv
    std::string refused;
};
StaffChange change_staff(const Current& current, const std::string& id, const Fields& changes);

// A new staff member `id` with `fields` (roster add): the row appended to
// staff.csv as `current` holds it, active unless `fields` says otherwise.
NewRows add_staff(const Current& current, const std::string& id, Fields fields, bool dry_run);

// What a change of member `id` prints (roster set): in a dry run the row
// it would become.
std::string staff_change_text(const std::string& id, const StaffChange& c, bool dry_run);

} // namespace pthv::record
