#pragma once
// Where the digests go (docs/remind.md): one file per person into a folder
// (-o DIR), each written atomically (util::atomic_write), or each message
// piped to a sendmail-compatible command (--send CMD). What became of each
// person is returned, never thrown: one failure stops nobody else's.

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/remind/digest.hpp>

namespace pthv::remind {

struct Outcome {
    model::StaffId person;
    bool done = false;
    std::string file;    // what was written (folder), or empty
    std::string problem; // why not: "staff.csv:12: no email", "`msmtp -t` exited with status 1"
};

// The file name of a person's digest in the folder: the staff id (any
// character but letters, digits, '.', '-' and '_' as '_') and `format`'s
// extension (.txt, .md, .json, .eml).
std::string file_name(const model::Repo& repo, model::StaffId person, const std::string& format);

// Writes each digest into `dir` (made, private, if missing) in `format`
// (text, md, json, eml). A message (eml) needs the person's email: without
// one, nothing is written for them and their outcome says so.
std::vector<Outcome> write_digests(const model::Repo& repo, const std::vector<Digest>& digests,
                                   const Options& options, const std::string& format,
                                   const std::filesystem::path& dir, std::time_t now);

// Pipes each digest's message to `command` (run by /bin/sh, once per
// message, with LF line ends as sendmail -t reads them). A person without
// an email is not sent to.
std::vector<Outcome> send_digests(const model::Repo& repo, const std::vector<Digest>& digests,
                                  const Options& options, const std::string& command, std::time_t now);

// What `pthv remind` says of `outcomes` (docs/remind.md): a line for each
// digest not written or sent ("pthv: not WHAT: ID NAME: why", for stderr)
// and how many were ("WHAT N of M digests").
struct OutcomeReport {
    std::string not_done;
    std::string summary;
    bool all_done = true;
};
OutcomeReport outcome_report(const model::Repo& repo, const std::vector<Outcome>& outcomes, const std::string& what);

} // namespace pthv::remind
