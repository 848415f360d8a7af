// pthv validate: load everything, run every rule, print the problems.

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"

#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct ValidateOptions {
    bool strict = false;
    bool hints = false;
    std::vector<std::string> rules;
    std::string flags_file;
};

// GitHub workflow commands escape %, CR and LF everywhere, and : and , in
// properties. A message may echo a cell, so its other control characters
// and invalid bytes are shown as \xNN first (util::printable), as in text
// output: nothing reaches a CI log raw.
std::string gh_escape(std::string_view s, bool property)
{
    std::string out;
    for (const char c : util::printable(s)) {
        switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        case ':': out += property ? "%3A" : ":"; break;
        case ',': out += property ? "%2C" : ","; break;
        default: out += c;
        }
    }
    return out;
}

std::string render_json(const model::Problems& problems, const rules::Tally& t, bool ok)
{
    nlohmann::ordered_json doc;
    doc["ok"] = ok;
    doc["errors"] = t.errors;
    doc["warnings"] = t.warnings;
    doc["problems"] = nlohmann::ordered_json::array();
    for (const auto& p : problems) {
        nlohmann::ordered_json problem = {{"severity", model::severity_name(p.severity)},
                                          {"rule", p.rule},
                                          {"file", p.file},
                                          {"line", p.line},
                                          {"record", p.record},
                                          {"message", p.message},
                                          {"advice", p.advice}};
        if (p.reviewed)
            problem["reviewed"] = {{"on", p.reviewed->on}, {"by", p.reviewed->by}, {"note", p.reviewed->note}};
        doc["problems"].push_back(std::move(problem));
    }
    doc["reviewed"] = t.reviewed;
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int run_validate(const ValidateOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("validate"));
    std::set<std::string> only;
    for (const auto& id : o.rules) {
        if (!rules::find_rule(id)) {
            const std::string near = util::closest_match(id, rules::rule_ids());
            throw UsageError("--rule " + id + ": no rule has this id" +
                             (near.empty() ? "; `pthv validate --help` lists them" : "; did you mean " + near + "?"));
        }
        only.insert(id);
    }
    auto& loaded = session.load(o.flags_file.empty() ? std::nullopt
                                                    : std::optional<std::filesystem::path>(o.flags_file));
    const auto problems = rules::check_repo(session.facts(), session.work_started(), std::move(loaded.problems), {only});
    const auto t = rules::tally(problems);
    const bool failed = t.errors > 0 || (o.strict && t.warnings > 0);
    const bool quiet = session.global().quiet;
    std::string& out = session.out();

    if (format == "json") {
        out = render_json(problems, t, !failed);
    } else if (format == "github") {
        for (const auto& p : problems)
            out += fmt::format("::{} file={},line={},title={}::{}\n",
                               p.reviewed                                ? "notice"
                               : p.severity == model::Severity::Error ? "error"
                                                                       : "warning",
                               gh_escape(p.file, true), p.line, gh_escape(p.rule, true),
                               gh_escape(p.reviewed ? p.message + " (reviewed: " + p.reviewed->note + ")" : p.message,
                                         false));
    } else {
        const bool color = session.color();
        for (const auto& p : problems) {
            if (quiet && p.reviewed)
                continue; // -q prints only what needs doing
            out += format_problem_line(p, color);
            if (o.hints && !p.advice.empty())
                out += "    hint: " + p.advice + "\n";
        }
        if (!quiet)
            out += fmt::format("{}, {}{} in {}\n", util::plural(static_cast<long long>(t.errors), "error", "errors"),
                               util::plural(static_cast<long long>(t.warnings), "warning", "warnings"),
                               t.reviewed ? fmt::format(", {} reviewed", t.reviewed) : std::string(),
                               util::plural(static_cast<long long>(loaded.repo.visits.size()), "visit", "visits"));
    }
    session.finish();
    return failed ? k_exit_findings : k_exit_ok;
}

} // namespace

Runner setup_validate(CLI::App& sub)
{
    auto o = std::make_shared<ValidateOptions>();
    sub.add_flag("--strict", o->strict, "Warnings fail too (exit 1)");
    sub.add_option("--rule", o->rules, "Only this rule id (repeatable)")->type_name("ID");
    sub.add_option("--flags", o->flags_file, "Concern flags kept out of git (student_id, flag_* columns)")
        ->type_name("FILE");
    sub.add_flag("--hints", o->hints, "Under each problem, a line on how to fix it");
    std::string rules_help = "Rules (`pthv explain ID` explains one; docs/rules.md):\n";
    for (const auto& r : rules::all_rules())
        rules_help += fmt::format("  {:<21} {:<7}  {}\n", r.id, model::severity_name(r.default_severity), r.when);
    sub.footer(rules_help + "\nExamples:\n"
                            "  pthv validate\n"
                            "  pthv validate --as-of 2026-11-20 --rule CP5-pair --rule CP5-reflection\n"
                            "  pthv validate -q --format github     # annotations in CI\n\n"
                            "Formats: text (default), json, github. Exit 1 on any error (or warning with --strict).");
    return [o](Session& s) { return run_validate(*o, s); };
}

} // namespace pthv::cmd
