// The locked check-then-write of every writing command (common.hpp); the
// change itself is record/apply.hpp's, this only prints it and ends.

#include <cmath>
#include <cstdio>
#include <fmt/format.h>

#include "common.hpp"

#include <pthv/record/import_read.hpp>
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

std::unique_ptr<util::RepoLock> lock_repo(const Session& session, double timeout)
{
    return take_repo_lock(session.root(), timeout, util::LockMode::Exclusive);
}

void refuse_if(const std::optional<record::Refusal>& refusal, ProblemLines lines)
{
    if (!refusal)
        return;
    const auto& problems = refusal->problems;
    const std::string text = lines == ProblemLines::import
                                 ? record::import_problem_lines(problems)
                                 : record::problem_lines(problems, false, lines == ProblemLines::hinted);
    std::fputs(text.c_str(), stderr);
    throw UsageError(refusal->message);
}

void refuse_if(const std::string& refusal)
{
    if (!refusal.empty())
        throw UsageError(refusal);
}

record::Current open_change(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope,
                            bool create)
{
    record::Opened opened = record::open_change(session.root(), file, session.as_of(), std::move(scope), create);
    refuse_if(opened.refused);
    return std::move(opened.current);
}

void refuse_control(const std::string& option, const std::string& value)
{
    if (util::has_control_in_line(value))
        throw UsageError(option + " " + util::printable(value) +
                         ": holds a control character (shown as \\xNN); type the text without it. Nothing was "
                         "written.");
}

record::Fields given_flags(const CLI::App& sub, const FlagFields& flags,
                           const std::map<std::string, std::string>& values)
{
    record::Fields fields;
    for (const auto& [flag, field] : flags)
        if (sub.count(flag) > 0) {
            refuse_control(flag, values.at(field));
            fields[field] = values.at(field);
        }
    return fields;
}

int check_and_write(Session& session, const record::Current& current, const record::Edit& edit,
                    const WriteOptions& o, const std::string& done, const std::string& what,
                    const OptionOfField& option_of, const std::function<void()>& write)
{
    const record::EditCheck check = record::check_named(current, edit, session.as_of(), option_of);
    if (!check.refused.empty()) {
        const bool color = session.global().color == "always";
        std::fputs(record::refused_text(check.refused, what, edit.file, color).c_str(), stderr);
        return k_exit_usage;
    }
    if (!o.dry_run && write)
        write();
    else if (!o.dry_run)
        record::write_edit(session.root(), edit);
    std::fputs(record::added_columns_note(edit, o.dry_run).c_str(), stderr);
    const record::Recorded recorded{done, what, edit.file, o.dry_run, session.global().quiet};
    session.out() += record::recorded_text(recorded, check.findings, session.color());
    session.finish();
    return check.has_errors() ? k_exit_findings : k_exit_ok;
}

int check_and_write(Session& session, const record::Current& current, const record::NewRows& rows,
                    const WriteOptions& o)
{
    refuse_if(rows.refused);
    return check_and_write(session, current, rows.edit, o, rows.done, rows.what);
}

void refuse_unreadable(const model::Problems& unreadable, bool config_ok, const std::string& doing,
                       const std::string& tail)
{
    refuse_if(record::unreadable_refusal(unreadable, config_ok, doing, tail), ProblemLines::plain);
}

} // namespace pthv::cmd
