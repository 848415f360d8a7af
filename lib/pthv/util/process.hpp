#pragma once
// Running another program: a shell command given by the user (pthv remind
// --send CMD), fed on its standard input. Knows nothing of PTHV.

#include <string>
#include <string_view>

namespace pthv::util {

// What became of one run.
struct RunResult {
    bool ok = false;    // exited with status 0
    std::string failed; // else how: "exited with status 1", "killed by signal 9", "could not start: ..."
};

// Runs `command` with /bin/sh -c, writes `input` to its standard input and
// closes it, and waits for it. Its standard output goes to pthv's standard
// error, so pthv's own output stays its own; its standard error is
// pthv's. A command that stops reading early fails unless it exits 0.
RunResult run_with_input(const std::string& command, std::string_view input);

} // namespace pthv::util
