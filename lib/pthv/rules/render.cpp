#include <pthv/rules/render.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/util/strings.hpp>

namespace pthv::rules {

namespace {

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

} // namespace

std::string problems_text(const model::Problems& problems, const Tally& t, std::size_t visits, bool color,
                          bool quiet, bool hints)
{
    std::string out;
    for (const auto& p : problems) {
        if (quiet && p.reviewed)
            continue; // -q prints only what needs doing
        out += model::format_problem_line(p, color);
        if (hints && !p.advice.empty())
            out += "    hint: " + p.advice + "\n";
    }
    if (!quiet)
        out += fmt::format("{}, {}{} in {}\n", util::plural(static_cast<long long>(t.errors), "error", "errors"),
                           util::plural(static_cast<long long>(t.warnings), "warning", "warnings"),
                           t.reviewed ? fmt::format(", {} reviewed", t.reviewed) : std::string(),
                           util::plural(static_cast<long long>(visits), "visit", "visits"));
    return out;
}

std::string problems_json(const model::Problems& problems, const Tally& t, bool ok)
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

std::string problems_github(const model::Problems& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += fmt::format("::{} file={},line={},title={}::{}\n",
                           p.reviewed                                ? "notice"
                           : p.severity == model::Severity::Error ? "error"
                                                                   : "warning",
                           gh_escape(p.file, true), p.line, gh_escape(p.rule, true),
                           gh_escape(p.reviewed ? p.message + " (reviewed: " + p.reviewed->note + ")" : p.message,
                                     false));
    return out;
}

RuleChoice choose_rules(const std::vector<std::string>& ids)
{
    RuleChoice c;
    for (const auto& id : ids) {
        if (!find_rule(id)) {
            const std::string near = util::closest_match(id, rule_ids());
            c.refused = "--rule " + id + ": no rule has this id" +
                        (near.empty() ? "; `pthv validate --help` lists them" : "; did you mean " + near + "?");
            return c;
        }
        c.only.insert(id);
    }
    return c;
}

std::string render_problems(const model::Problems& problems, const Tally& t, const ProblemsOutput& o)
{
    if (o.format == "json")
        return problems_json(problems, t, !o.failed);
    if (o.format == "github")
        return problems_github(problems);
    return problems_text(problems, t, o.visits, o.color, o.quiet, o.hints);
}

} // namespace pthv::rules
