// The locked check-then-write shared by log-visit and roster (log_visit.hpp).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>

#include "log_visit.hpp"

#include <pthv/io/csv.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

void add_write_options(CLI::App& sub, WriteOptions& o)
{
    sub.add_flag("--dry-run", o.dry_run, "Show what would be written and the findings; write nothing");
    sub.add_option("--lock-timeout", o.lock_timeout,
                   "Seconds to wait for another pthv writing to this repo (default 10)")
        ->type_name("SECONDS")
        ->check(lock_timeout_check());
}

CLI::Validator lock_timeout_check()
{
    // A validator's description is appended to the type in the help
    // ("SECONDS:SECONDS"): this one has none, only a name.
    return CLI::Validator(
        [](std::string& text) -> std::string {
            // nan and inf parse as doubles; a wait of days is a typo.
            double v = 0;
            if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v) || v < 0 || v > k_max_lock_timeout)
                return fmt::format("{}: not a number of seconds from 0 to {:g}", text, k_max_lock_timeout);
            return {};
        },
        "", "seconds");
}

bool holds_control(std::string value)
{
    value.erase(std::remove_if(value.begin(), value.end(), [](char c) { return c == '\n' || c == '\r'; }),
                value.end());
    return util::has_control(value);
}

void refuse_control(const std::string& option, const std::string& value)
{
    if (holds_control(value))
        throw UsageError(option + " " + util::printable(value) +
                         ": holds a control character (shown as \\xNN); type the text without it. Nothing was "
                         "written.");
}


std::unique_ptr<util::RepoLock> lock_repo(const Session& session, double timeout)
{
    return take_repo_lock(session.root(), timeout, util::LockMode::Exclusive);
}

void write_edit(const Session& session, const record::Edit& edit)
{
    try {
        record::write_edit(session.root(), edit);
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
}

void print_problems(std::string& out, const model::Problems& problems, bool color)
{
    for (const auto& p : problems) {
        out += format_problem_line(p, color);
        if (!p.advice.empty())
            out += "    hint: " + util::printable(p.advice) + "\n";
    }
}

namespace {

Loaded load_sources_for_edit(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope,
                             bool create)
{
    Loaded l;
    l.scope = std::move(scope);
    io::LoadOptions options;
    options.as_of = session.as_of();
    options.scope = l.scope;
    options.read_whole = {file}; // a broken line anywhere refuses the change
    try {
        l.sources = io::read_sources(session.root());
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    if (create && !l.sources.count(file)) {
        l.sources[file] = io::csv_row(io::schema(file.substr(0, file.find('.'))).column_names(), "\n");
        l.created = true;
    }
    l.loaded = io::load_sources(l.sources, options);
    l.loaded.repo.root = session.root();
    const auto bad = record::unwritable(l.loaded, file);
    if (!bad.empty()) {
        std::string text;
        print_problems(text, bad, false);
        std::fputs(text.c_str(), stderr);
        throw UsageError(file + " cannot be read, so nothing can be added to it safely; fix it first "
                                "(pthv validate lists the problems). Nothing was written.");
    }
    return l;
}

} // namespace

Loaded load_for_edit(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope)
{
    return load_sources_for_edit(session, file, std::move(scope), false);
}

Loaded load_for_append(Session& session, const std::string& file)
{
    return load_sources_for_edit(session, file, nullptr, true);
}

record::Edit append_rows(const Loaded& current, const std::string& file, const std::string& rows,
                         std::size_t row_count)
{
    record::Edit edit = record::make_append(current.sources, file, rows, row_count);
    if (current.created)
        edit.append = false;
    return edit;
}

namespace {

// A problem on a cell of the changed row that an option gave, as the
// option: "--time 4:30pm: error[value-invalid]: ...", with the rule's
// general advice ("fix the cell") turned to the option.
void name_options(model::Problems& problems, const record::Edit& edit, const OptionOfField& options)
{
    for (auto& p : problems) {
        const auto it = options.find(p.column);
        if (it == options.end() || p.file != edit.file || !edit.lines.count(p.line))
            continue;
        const std::string& option = it->second;
        p.file = p.value.empty() ? option : option + " " + p.value;
        p.line = 0;
        const rules::Rule* r = rules::find_rule(p.rule);
        if (r && p.advice == r->advice)
            p.advice = p.value.empty() ? fmt::format("give {} (pthv log-visit --help)", option)
                                       : fmt::format("fix the value of {} (pthv log-visit --help)", option);
    }
}

} // namespace

int check_and_write(Session& session, const Loaded& current, const record::Edit& edit, const WriteOptions& o,
                    const std::string& done, const std::string& what, const OptionOfField& option_of,
                    const std::function<void()>& write)
{
    io::LoadOptions options;
    options.as_of = session.as_of();
    options.scope = current.scope;
    record::EditCheck check = record::check_edit(current.sources, edit, options);
    name_options(check.refused, edit, option_of);
    if (!check.refused.empty()) {
        std::string text;
        // Only what refused it: practice findings of a row that was not
        // written would only bury the reason.
        print_problems(text, check.refused, session.global().color == "always");
        text += fmt::format("pthv: error: {} refused: {}; {} is unchanged\n", what,
                            util::plural(static_cast<long long>(check.refused.size()), "data-integrity error",
                                         "data-integrity errors"),
                            edit.file);
        std::fputs(text.c_str(), stderr);
        return k_exit_usage;
    }
    if (!o.dry_run && write) {
        try {
            write();
        } catch (const util::FileError& e) {
            throw UsageError(e.what());
        }
    } else if (!o.dry_run) {
        write_edit(session, edit);
    }
    std::string& out = session.out();
    if (!session.global().quiet || o.dry_run)
        out += util::printable_text(done); // it may echo a row of the file
    // Said plainly, so a finding is not taken for a refusal and the row
    // logged again (a second row for the same visit).
    if (!check.findings.empty())
        out += fmt::format("{} {} {}, with {}:\n", what, o.dry_run ? "would be recorded in" : "was recorded in",
                           edit.file,
                           util::plural(static_cast<long long>(check.findings.size()), "finding", "findings"));
    print_problems(out, check.findings, session.color());
    if (o.dry_run && !session.global().quiet)
        out += "(dry run: nothing was written)\n";
    session.finish();
    return check.has_errors() ? k_exit_findings : k_exit_ok;
}

} // namespace pthv::cmd
