// The locked check-then-write of every writing command (common.hpp).

#include <cmath>
#include <cstdio>
#include <fmt/format.h>

#include "common.hpp"

#include <pthv/util/strings.hpp>

namespace pthv::cmd {

void say_added_columns(const record::Edit& edit, bool dry_run)
{
    if (edit.added_columns.empty())
        return;
    std::fputs(fmt::format("pthv: {} {} the {} {} to its header, empty in the rows before\n", edit.file,
                           dry_run ? "would add" : "added", edit.added_columns.size() == 1 ? "column" : "columns",
                           util::join(edit.added_columns, ", "))
                   .c_str(),
               stderr);
}

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

void refuse_change(const std::string& what, const model::Problems& refusals)
{
    if (refusals.empty())
        return;
    const model::Problem& p = refusals.front();
    throw UsageError(what + ": " + p.message + (p.advice.empty() ? "" : " (" + p.advice + ")") +
                     ". Nothing was written.");
}

void require_columns(const std::string& file, const std::vector<std::string>& header, const record::Fields& fields,
                     bool add_optional)
{
    const auto refused = record::column_refusals(file, header, fields, add_optional);
    if (!refused.empty())
        throw UsageError(refused.front().message + "; " + refused.front().advice + ". Nothing was written.");
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

record::Current load_current_or_refuse(Session& session, const std::string& file,
                                       std::shared_ptr<const io::Scope> scope, bool create)
{
    record::Current current;
    try {
        current = record::load_current(session.root(), file, session.as_of(), std::move(scope), create);
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    }
    const auto bad = record::unwritable(current.loaded, file);
    if (!bad.empty()) {
        std::string text;
        print_problems(text, bad, false);
        std::fputs(text.c_str(), stderr);
        throw UsageError(file + " cannot be read, so nothing can be added to it safely; fix it first "
                                "(pthv validate lists the problems). Nothing was written.");
    }
    return current;
}

} // namespace

record::Current load_for_edit(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope)
{
    return load_current_or_refuse(session, file, std::move(scope), false);
}

record::Current load_for_append(Session& session, const std::string& file, std::shared_ptr<const io::Scope> scope)
{
    return load_current_or_refuse(session, file, std::move(scope), true);
}

int check_and_write(Session& session, const record::Current& current, const record::Edit& edit,
                    const WriteOptions& o, const std::string& done, const std::string& what,
                    const OptionOfField& option_of, const std::function<void()>& write)
{
    record::EditCheck check = record::check_change(current, edit, session.as_of());
    record::name_options(check.refused, edit, option_of);
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
    say_added_columns(edit, o.dry_run);
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

void refuse_unreadable(const model::Problems& unreadable, bool config_ok, const std::string& doing,
                       const std::string& tail)
{
    if (unreadable.empty() && config_ok)
        return;
    for (const auto& p : unreadable)
        std::fputs(format_problem_line(p, false).c_str(), stderr);
    throw UsageError(fmt::format("cannot {}: {} cannot be read (listed above){}", doing,
                                 util::plural(static_cast<long long>(unreadable.size()), "file problem",
                                              "file problems"),
                                 tail));
}

} // namespace pthv::cmd
