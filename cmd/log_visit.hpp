#pragma once
// pthv log-visit's parts: a new visit, many from a form export and the
// options (log_visit.cpp), and a change to one visit (log_visit_change.cpp:
// --update, --confirm, --remove). Only these files include this header.

#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"

#include <pthv/record/row.hpp>

namespace pthv::cmd {

struct ImportOptions {
    std::string file;
    std::string map;
};

struct LogVisitOptions {
    std::map<std::string, std::string> values; // field -> flag value
    std::string update;
    std::string remove;
    std::string reason;
    std::string confirm;
    std::string by;
    ImportOptions import;
    WriteOptions write;
};

// The visits.csv fields named on the command line (each refused when it
// holds a control character); --educators "T04 T05" is two educators.
record::Fields given_fields(const LogVisitOptions& o, const CLI::App& sub);

// The option of each field in `fields` (every field, with `all`): what a
// refusal of the new or changed row names.
OptionOfField options_of(const record::Fields& fields, bool all);

int run_update(const LogVisitOptions& o, const CLI::App& sub, Session& session);
int run_confirm(const LogVisitOptions& o, const CLI::App& sub, Session& session);
int run_remove(const LogVisitOptions& o, const CLI::App& sub, Session& session);

} // namespace pthv::cmd
