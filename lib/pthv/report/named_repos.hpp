#pragma once
// A district repo named on the command line of `pthv rollup` or `pthv
// trend`, already loaded with its own pthv.yaml, reported as `pthv report`
// would report it (with --public: as its own public report does, and only
// a period the district publishes).

#include <stdexcept>
#include <string>

#include <pthv/io/loader.hpp>
#include <pthv/report/rollup.hpp>
#include <pthv/report/trend.hpp>

namespace pthv::report {

// One district of a roll-up, `dir` as given: its figures for `period_text`,
// read in its own school year. When it cannot be in the roll-up (the
// period cannot be read; in public, the district does not publish it), a
// row with `error` set (rollup_failure).
DistrictFigures rollup_district(io::LoadResult loaded, const std::string& dir, const std::string& period_text,
                                bool is_public);

// The row of a district that cannot be in the roll-up: named as its
// pthv.yaml names it (`district`), else by its folder.
DistrictFigures rollup_failure(const std::string& dir, const std::string& district, const std::string& why);

// One school year of a trend: counted to the same day of its school year
// as `as_of`, or whole (`full`: as of the day after its end, so that a
// public report counts its last month too). std::runtime_error saying why
// it cannot be (no end-of-year period yet; in public, none published).
TrendYear trend_school_year(io::LoadResult loaded, const std::string& dir, model::Date as_of, bool full,
                            bool is_public);

} // namespace pthv::report
