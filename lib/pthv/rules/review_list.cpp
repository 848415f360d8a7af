#include <pthv/rules/review_list.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <pthv/util/strings.hpp>

namespace pthv::rules {

std::string render_reviews(const model::Repo& repo, const model::Problems& problems, const std::string& format)
{
    if (repo.reviews.empty() && format != "json")
        return "No reviewed findings (reviews.csv is empty or absent).\n";
    std::string out;
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& r : repo.reviews) {
        std::vector<const model::Problem*> covers;
        for (const auto& p : problems)
            if (p.reviewed && p.rule == r.rule && p.record == r.record)
                covers.push_back(&p);
        const std::string on = r.reviewed_on ? r.reviewed_on->str() : std::string();
        if (format == "json") {
            nlohmann::ordered_json covered = nlohmann::ordered_json::array();
            for (const auto* p : covers)
                covered.push_back({{"file", p->file}, {"line", p->line}, {"message", p->message}});
            doc.push_back({{"rule", r.rule},
                           {"record", r.record},
                           {"reviewed_on", on},
                           {"by", r.by},
                           {"note", r.note},
                           {"line", r.line},
                           {"covers", covered}});
            continue;
        }
        out += util::printable(fmt::format("reviews.csv:{}: {} {} reviewed {}{}: {}", r.line, r.rule, r.record, on,
                                           r.by.empty() ? "" : " by " + r.by, r.note)) +
               "\n";
        if (covers.empty())
            out += "    covers no current finding (review-stale: remove the line)\n";
        for (const auto* p : covers)
            out += "    covers " + model::format_problem_line(*p, false);
    }
    if (format == "json")
        out = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    return out;
}

} // namespace pthv::rules
