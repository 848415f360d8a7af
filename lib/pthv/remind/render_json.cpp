// A digest as JSON (docs/remind.md): the same items as the text, as
// fields, for a program that sends the digests its own way.

#include <pthv/remind/render.hpp>

#include <nlohmann/json.hpp>

#include <pthv/model/money.hpp>

namespace pthv::remind {

using namespace pthv::model;
using Json = nlohmann::ordered_json;

namespace {

std::string_view kind_name(ItemKind k)
{
    switch (k) {
    case ItemKind::Upcoming: return "upcoming_visit";
    case ItemKind::Reflect: return "reflect";
    case ItemKind::Confirm: return "confirm";
    case ItemKind::SecondVisit: return "second_visit_due";
    case ItemKind::Training: return "training_due";
    case ItemKind::Session: return "session";
    case ItemKind::Finding: return "finding";
    case ItemKind::EventMissing: return "event_missing";
    }
    return "";
}

std::string day(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

Json student_json(const Repo& repo, StudentId id)
{
    const Student* s = repo.find(id);
    return {{"student_id", repo.id(id)}, {"name", s ? s->name : std::string_view()}};
}

Json item_json(const Repo& repo, const Item& item)
{
    Json j{{"kind", kind_name(item.kind)}};
    if (item.visit) {
        const Visit& v = repo.visits[*item.visit];
        Json educators = Json::array();
        for (const StaffId e : repo.educator_set(v))
            educators.push_back(repo.id(e));
        j["visit_id"] = repo.id(v.id);
        j["date"] = day(v.date);
        j["start_time"] = v.start_time ? v.start_time->str() : std::string();
        j["student"] = student_json(repo, v.student);
        j["educators"] = educators;
        if (item.kind == ItemKind::Reflect)
            j["reflection_due"] = item.due.str();
    }
    if (item.kind == ItemKind::SecondVisit) {
        const Student& s = repo.students[*item.student];
        j["student"] = student_json(repo, s.id);
        j["homeroom_id"] = repo.id(s.homeroom);
        j["first_visit"] = item.due.str();
    }
    if (item.kind == ItemKind::Training) {
        j["staff_id"] = repo.id(item.staff);
        j["status"] = training_status_name(item.training.status);
        j["refresher_due"] = day(item.training.refresher_due);
    }
    if (item.session) {
        const TrainingSession& s = repo.sessions[*item.session];
        Json who = Json::array();
        for (const StaffId w : item.who)
            who.push_back(repo.id(w));
        j["session_id"] = repo.id(s.id);
        j["date"] = day(s.date);
        j["session_kind"] = s.kind ? std::string(enum_name(*s.kind)) : std::string();
        j["site_id"] = repo.id(s.site);
        j["location"] = s.location;
        j["hours"] = s.hours_x100 ? format_hundredths(*s.hours_x100) : std::string();
        if (!item.who.empty())
            j["for"] = who;
    }
    if (item.finding) {
        const Problem& p = *item.finding;
        j["rule"] = p.rule;
        j["severity"] = severity_name(p.severity);
        j["file"] = p.file;
        j["line"] = p.line;
        j["record"] = p.record;
        // As the text shows it: a staff member's finding by its rule only.
        j["message"] = message_shown(repo, p) ? p.message : std::string();
    }
    return j;
}

Json items_json(const Repo& repo, const std::vector<Item>& items)
{
    Json out = Json::array();
    for (const Item& i : items)
        out.push_back(item_json(repo, i));
    return out;
}

Json digest_json(const Repo& repo, const Digest& d, const Options& o)
{
    const Staff* s = repo.find(d.person);
    Json sites = Json::array();
    for (const SitePart& part : d.sites) {
        const Site* site = repo.find(part.site);
        sites.push_back({{"site_id", repo.id(part.site)},
                         {"name", site ? site->name : std::string_view()},
                         {"items", items_json(repo, part.items)}});
    }
    return {{"staff_id", repo.id(d.person)},
            {"name", s ? s->name : std::string_view()},
            {"email", s ? s->email : std::string_view()},
            {"as_of", repo.as_of.str()},
            {"days", o.days},
            {"items", items_json(repo, d.own)},
            {"sites", sites}};
}

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

} // namespace

std::string render_json(const Repo& repo, const Digest& d, const Options& o) { return dump(digest_json(repo, d, o)); }

std::string render_all(const Repo& repo, const std::vector<Digest>& digests, const Options& o,
                       const std::string& format)
{
    if (format == "json") {
        Json all = Json::array();
        for (const Digest& d : digests)
            all.push_back(digest_json(repo, d, o));
        return dump(all);
    }
    std::string out;
    for (const Digest& d : digests) {
        if (!out.empty())
            out += "\n";
        out += format == "md" ? render_md(repo, d, o) : render_text(repo, d, o);
    }
    return out;
}

} // namespace pthv::remind
