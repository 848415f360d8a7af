// pthv remind: each person's digest of what is due for them (docs/remind.md),
// printed, written one file per person into -o DIR, or mailed through a
// sendmail-compatible command (--send CMD), for cron. Exit 0 when every
// digest was written or sent, 1 when some could not be, 2 when nothing
// could run.

#include <ctime>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/io/repo_files.hpp>
#include <pthv/remind/deliver.hpp>
#include <pthv/remind/message.hpp>
#include <pthv/remind/render.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/mail.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

namespace fs = std::filesystem;

struct RemindOptions {
    int days = 7;
    std::vector<std::string> to;
    std::string send;
};

// -o DIR holds digests that name students: never inside the data repo,
// where `git add .` would commit them.
fs::path output_dir(const std::string& output, const fs::path& root)
{
    if (const auto why = io::private_folder_refusal(output, root); !why.empty())
        throw UsageError("-o " + output + " " + why);
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(output, ec), ec);
}

// Prints what was not written or sent (stderr) and how many were (stdout,
// not with -q); the exit code of docs/remind.md.
int report(const model::Repo& repo, const std::vector<remind::Outcome>& outcomes, const std::string& what,
           bool quiet)
{
    const auto said = remind::outcome_report(repo, outcomes, what);
    std::fputs(said.not_done.c_str(), stderr);
    if (!quiet)
        std::fputs(said.summary.c_str(), stdout);
    return said.all_done ? k_exit_ok : k_exit_findings;
}

int run_remind(const RemindOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("remind"));
    const std::string& output = session.global().output;
    const bool mail = format == "eml" || !o.send.empty();
    if (!o.send.empty() && format != "text" && format != "eml")
        throw UsageError("--send mails each digest as a message: use it with --format eml (or no --format)");
    auto& loaded = session.load();
    // A digest made from data pthv cannot read would leave out what is due.
    refuse_unreadable(io::unreadable(loaded), loaded.repo.config_ok, "remind anyone", "; nothing was written or sent");
    const model::Repo& repo = loaded.repo;
    if (mail && !util::parse_mailbox(repo.config.remind.from).ok)
        throw UsageError("a message needs a sender: set remind.from in pthv.yaml, e.g. remind: {from: \"PTHV "
                         "<pthv@example.org>\"} (docs/remind.md)");
    const fs::path dir = output.empty() ? fs::path() : output_dir(output, session.root());

    remind::Options options;
    options.days = o.days;
    for (const auto& id : o.to)
        options.only.push_back(check_ref(repo.names.staff, id, "--to", "staff member"));
    const auto findings = rules::check_repo(session.facts(), session.work_started(), loaded.problems);
    const auto digests = remind::make_digests(session.facts(), findings, options);
    const std::time_t now = std::time(nullptr);
    const bool quiet = session.global().quiet;

    if (digests.empty() && !quiet)
        std::printf("Nothing is due for anyone%s as of %s: no digest.\n", o.to.empty() ? "" : " named by --to",
                    repo.as_of.str().c_str());
    int code = k_exit_ok;
    if (!dir.empty()) {
        const auto written = remind::write_digests(repo, digests, options, format == "eml" || !o.send.empty() ? "eml" : format,
                                                   dir, now);
        code = std::max(code, report(repo, written, "written to " + dir.string() + ":", quiet));
    }
    if (!o.send.empty())
        code = std::max(code, report(repo, remind::send_digests(repo, digests, options, o.send, now), "sent", quiet));
    if (dir.empty() && o.send.empty() && !digests.empty()) {
        if (format == "eml" && digests.size() > 1)
            throw UsageError(fmt::format("{} messages: write them with -o DIR or mail them with --send CMD (or name "
                                         "one person with --to)",
                                         digests.size()));
        if (format == "eml")
            session.out() = remind::make_message(repo, digests.front(), options, now);
        else
            session.out() = remind::render_all(repo, digests, options, format);
        session.finish();
    }
    return code;
}

} // namespace

Runner setup_remind(CLI::App& sub)
{
    auto o = std::make_shared<RemindOptions>();
    sub.add_option("--days", o->days, "Visits and sessions from --as-of through this many days ahead (default 7)")
        ->type_name("N")
        ->check(CLI::Range(0, 366));
    sub.add_option("--to", o->to, "Only these staff members' digests")->type_name("ID")->expected(1, -1);
    sub.add_option("--send", o->send,
                   "Pipe each message to this sendmail-compatible command, e.g. \"msmtp -t\" or \"sendmail -t\"")
        ->type_name("CMD");
    sub.footer("Formats: text (default), md, json, eml (an RFC 5322 message; From: is remind.from in\n"
               "pthv.yaml, To: the email column of staff.csv). -o DIR writes one file per person into DIR\n"
               "(outside the data repo), in the format asked for, or .eml with --send.\n\n"
               "Examples:\n"
               "  pthv remind                                   # every digest, on the terminal\n"
               "  pthv remind --to T018 --days 14\n"
               "  pthv remind --format eml -o ~/pthv-reminders\n"
               "  pthv -q remind --send \"msmtp -t\"              # from cron, Monday mornings\n\n"
               "Exit codes: 0 every digest written or sent, 1 some could not be (each one is named),\n"
               "2 nothing could run. What is due for whom: docs/remind.md.");
    return [o](Session& s) { return run_remind(*o, s); };
}

} // namespace pthv::cmd
