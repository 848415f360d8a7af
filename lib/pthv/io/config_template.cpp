#include <pthv/io/config.hpp>

#include <fmt/format.h>

namespace pthv::io {

std::string default_config_text(std::string_view district, int start_year)
{
    const int y = start_year;
    return fmt::format(R"(# pthv settings for this district's Parent Teacher Home Visits program.
# Every setting below shows its default; change what differs for you.
# `pthv validate` checks this file along with the CSV files;
# `pthv schema pthv.yaml` lists every setting, and docs/data.md explains them.

district: "{district}"

# The school year every report and rule works within. mid_year ends the
# mid-year report (pthv report --period mid-year).
school_year: {{start: {y}-07-01, end: {y1}-06-30, mid_year: {y1}-01-31}}

# When school is in session. A visit is "outside the school day" (and so
# paid, core practice 2) on any day that is not a school day, or when it does
# not overlap school_day on a school day.
calendar:
  first_day: {y}-08-19
  last_day: {y1}-06-04
  weekdays: [mon, tue, wed, thu, fri]
  school_day: {{start: "08:00", end: "15:30"}}
  holidays: []          # dates and ranges: [{y}-09-07, {y}-11-26..{y}-11-27]

# The five core practices.
practices:
  arrange_lead_days: 1          # arrange a visit at least this many days ahead (CP1)
  reflection_within_days: 7     # the pair reflects within this many days (CP5)
  refresher_months: 24          # training older than this is due for a refresher (CP2)
  log_within_days: 7            # log a visit within this many days after it (late-entry)
  virtual_pair: no              # no: a virtual visit (a video call) needs one educator
  severity: {{}}                  # override a rule: {{CP5-reflection: warning}}; error | warning | off

# Pay for visits outside the school day and for training (core practice 2).
compensation:
  certificated: {{per_visit: 50.00}}              # or {{hourly: 45.00, minimum_minutes: 60}}
  classified:   {{hourly: 28.00, minimum_minutes: 60}}
  training:     {{certificated_hourly: 40.00, classified_hourly: 28.00}}
  # max_paid_visits_per_staff: 60               # per school year
  require_confirmation: no                      # yes: pay a visit once confirmed_on is set

# Where the money comes from. An item (a visit, a training) goes to the first
# source below that lists its site (or lists no sites) and whose period holds
# its date; a source without a period pays for the school year. An item no
# source pays is unfunded: paid all the same, with no source.
funding:
  # - {{source: title-1, amount: 0.00, sites: [S01], period: {{from: {y}-10-01, to: {y1}-09-30}}}}
  - {{source: district, amount: 0.00}}

# Public reports show counts below min_cell as "<min_cell". To see coverage
# by English learner, IEP, lunch status or race and ethnicity, name those
# columns of students.csv: reports: {{min_cell: 10, subgroups: [ell, iep]}}
reports: {{min_cell: 10}}

# The no-targeting check (core practice 4): a group whose coverage reaches
# full_coverage visits everyone; fewer than min_visited visits is too few to
# judge; alpha is the false-discovery rate across all tests.
targeting: {{full_coverage: 0.9, alpha: 0.05, min_visited: 5}}

# The events of the year (events.csv, pthv event add): the kinds each active
# site and the district hold; from `due` (default calendar.last_day) on, a
# missing kind is reported (event-missing). Without this key none is expected.
# events: {{per_site: [site_visit, admin_meeting, celebration], district: [celebration], due: {y1}-05-31}}
)",
                       fmt::arg("district", district), fmt::arg("y", y), fmt::arg("y1", y + 1));
}

} // namespace pthv::io
