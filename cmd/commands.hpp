#pragma once
// The command table: each command is one row (name, one-line description,
// setup). setup adds the command's options to its CLI11 subcommand and
// returns what to run once the command line is parsed.

#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "formats.hpp"

namespace pthv::cmd {

using Runner = std::function<int(Session&)>;
using SetupFn = Runner (*)(CLI::App& sub);

struct Command {
    const char* name;
    const char* description;
    SetupFn setup;
};

Runner setup_init(CLI::App& sub);
Runner setup_validate(CLI::App& sub);
Runner setup_explain(CLI::App& sub);
Runner setup_schema(CLI::App& sub);
Runner setup_check_targeting(CLI::App& sub);
Runner setup_log_visit(CLI::App& sub);
Runner setup_roster(CLI::App& sub);
Runner setup_payroll(CLI::App& sub);
Runner setup_hooks(CLI::App& sub);
Runner setup_report(CLI::App& sub);
Runner setup_review(CLI::App& sub);
Runner setup_event(CLI::App& sub);
Runner setup_survey(CLI::App& sub);
Runner setup_export(CLI::App& sub);
Runner setup_rollup(CLI::App& sub);
Runner setup_trend(CLI::App& sub);
Runner setup_remind(CLI::App& sub);
// `pthv completion bash` (hidden: it prints the script; completion.cpp).
Runner setup_completion(CLI::App& sub);

const std::vector<Command>& commands();

} // namespace pthv::cmd
