#pragma once
// Building visits.csv rows (docs/data.md, visits.csv): ids, the student's site as
// the default site, and the key that tells a visit already logged.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <pthv/io/loader.hpp>
#include <pthv/model/problem.hpp>
#include <pthv/model/repo.hpp>
#include <pthv/record/row.hpp>

namespace pthv::record {

// "V<yyyymmdd>-<student_id>", with "-2", "-3", ... when the id is in the
// repo or in `reserved`; the id made is added to `reserved`, so a batch of
// new rows never shares one. `date` is YYYY-MM-DD (its digits are used).
std::string make_visit_id(const std::string& date, const std::string& student_id, const model::Repo& repo,
                          std::set<std::string>& reserved);

// What a load needs to check these visits.csv rows (new or changed): their
// students, their educators, their ids, and the ids make_visit_id would try
// for a row without one. A visit's findings depend only on the rows that
// share its student or an educator (io::Scope).
io::Scope visit_scope(const std::vector<Fields>& rows);

// Fills what a new row may leave out: site_id from the student (the
// student's site at the time), status `default_status` when empty, the
// educators written joined by ";", and logged_on the as-of date when
// visits.csv has that column.
void complete_new_visit(Fields& fields, const model::Repo& repo, const std::string& default_status);

// An empty `language` takes the student's home language: students.csv's
// `home_language` column, else its `language` column (both attributes, read
// from the student's own line of `sources`). Nothing changes when neither
// is there or the student is unknown.
void fill_language(Fields& fields, const io::Sources& sources, const model::Repo& repo);
// The same for many rows (an import): students.csv is walked once for all
// of them, not once a row.
void fill_languages(std::vector<Fields>& rows, const io::Sources& sources, const model::Repo& repo);

// Same student, date and set of educators: the same visit (docs/rules.md,
// duplicate-visit), so an import skips it.
using VisitKey = std::tuple<std::string, std::string, std::vector<std::string>>;
VisitKey visit_key(const Fields& fields);
VisitKey visit_key(const model::Repo& repo, const model::Visit& visit);

// The visits `repo` has logged, asked by key: each student's visits are
// listed together (a row index each), so a key is compared with the few
// visits of its student, not looked up among every logged visit's key.
class LoggedVisits {
public:
    explicit LoggedVisits(const model::Repo& repo);
    // Whether a logged visit has this key (visit_key of the visit).
    bool count(const VisitKey& key) const;

private:
    const model::Repo& m_repo;
    std::vector<std::uint32_t> m_rows; // rows of repo.visits, by student handle
};

// Fields of visits.csv with a command-line flag, in the order of the file's
// schema.
const std::vector<std::string>& visit_field_names();

// Why the visit whose visits.csv row is `row` cannot be confirmed as
// having taken place (log-visit --confirm, compensation.require_confirmation):
// only a completed visit is confirmed, and only once. Empty when it can be.
model::Problems confirm_refusals(const Fields& row, std::string_view visit_id);

} // namespace pthv::record
