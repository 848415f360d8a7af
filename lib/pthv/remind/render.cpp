// Text and Markdown of a digest: a part for the reader's own items, then
// one per site they coordinate; in each, a block per kind of item with a
// heading that counts them and a line per item.

#include <pthv/remind/render.hpp>

#include <fmt/format.h>

#include <pthv/model/money.hpp>
#include <pthv/rules/registry.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::remind {

using namespace pthv::model;

namespace {

struct Block {
    std::string heading;
    std::vector<std::string> lines;
};

struct Part {
    std::string title; // empty for the reader's own part
    std::vector<Block> blocks;
};

std::string person(const Repo& repo, StaffId id)
{
    const Staff* s = repo.find(id);
    return s && !s->name.empty() ? fmt::format("{} {}", repo.id(id), s->name) : std::string(repo.id(id));
}

std::string student_of(const Repo& repo, std::size_t row)
{
    const Student& s = repo.students[row];
    return s.name.empty() ? std::string(repo.id(s.id)) : fmt::format("{} {}", repo.id(s.id), s.name);
}

std::string visit_student(const Repo& repo, const Visit& v)
{
    const auto row = repo.row(v.student);
    return row ? student_of(repo, *row) : std::string(repo.id(v.student));
}

std::string date_of(const std::optional<Date>& d) { return d ? d->str() : "(no date)"; }

// The visit's educators, the reader left out of their own part.
std::string with_whom(const Repo& repo, const Visit& v, StaffId reader)
{
    std::vector<std::string> names;
    for (const StaffId e : repo.educator_set(v))
        if (e != reader)
            names.push_back(person(repo, e));
    return names.empty() ? std::string() : ", with " + util::join(names, ", ");
}

std::string visit_line(const Repo& repo, const Item& item, StaffId reader)
{
    const Visit& v = repo.visits[*item.visit];
    std::string line = date_of(v.date);
    if (item.kind == ItemKind::Upcoming && v.start_time)
        line += " " + v.start_time->str();
    line += fmt::format(" {}{} ({})", visit_student(repo, v), with_whom(repo, v, reader), repo.id(v.id));
    if (item.kind == ItemKind::Reflect)
        line += fmt::format(": reflection was due by {}", item.due.str());
    return line;
}

std::string session_line(const Repo& repo, const Item& item, bool site_part)
{
    const TrainingSession& s = repo.sessions[*item.session];
    std::string line = fmt::format("{} {} session {}", date_of(s.date), s.kind ? enum_name(*s.kind) : "training",
                                   repo.id(s.id));
    line += s.site ? fmt::format(" at {}", repo.id(s.site)) : std::string(", district-wide");
    if (!s.location.empty())
        line += fmt::format(", {}", s.location);
    if (s.hours_x100)
        line += fmt::format(", {} hours", format_hundredths(*s.hours_x100));
    if (site_part) {
        std::vector<std::string> who;
        for (const StaffId w : item.who)
            who.push_back(person(repo, w));
        line += ": for " + util::join(who, ", ");
    }
    return line;
}

std::string training_line(const Repo& repo, const Item& item, bool site_part)
{
    const StaffTraining& t = item.training;
    const std::string due = t.refresher_due ? t.refresher_due->str() : std::string("?");
    if (!site_part)
        return t.status == TrainingStatus::Expired
                   ? fmt::format("Your training has expired: a refresher was due by {}.", due)
                   : fmt::format("Your refresher training is due by {}.", due);
    return fmt::format("{}: {}, refresher due by {}", person(repo, item.staff),
                       t.status == TrainingStatus::Expired ? "expired" : "due soon", due);
}

std::string finding_line(const Repo& repo, const Problem& p)
{
    const std::string where = p.line > 0 ? fmt::format("{}:{}", p.file, p.line) : p.file;
    if (!message_shown(repo, p)) {
        const rules::Rule* r = rules::find_rule(p.rule);
        return fmt::format("{}: {}[{}]: {}: {}", where, severity_name(p.severity), p.rule,
                           person(repo, repo.names.staff.find(p.record)),
                           r ? std::string(r->when) : std::string("see pthv validate"));
    }
    return fmt::format("{}: {}[{}]: {}", where, severity_name(p.severity), p.rule, p.message);
}

std::string count(std::size_t n, const char* one, const char* many)
{
    return util::plural(static_cast<long long>(n), one, many);
}

std::string heading(const Repo& repo, ItemKind kind, std::size_t n, bool site_part, const Options& o)
{
    const int within = repo.config.practices.reflection_within_days;
    const std::string you = site_part ? "" : "You have ";
    switch (kind) {
    case ItemKind::Upcoming:
        return fmt::format("{}{} in the next {} days:", you, count(n, "visit", "visits"), o.days);
    case ItemKind::Reflect:
        return fmt::format("{}{} to reflect on (within {} days of the visit):", you,
                           count(n, "visit", "visits"), within);
    case ItemKind::Confirm:
        return fmt::format("{}{} awaiting confirmation (pthv log-visit --confirm):", you,
                           count(n, "visit", "visits"));
    case ItemKind::SecondVisit:
        return fmt::format("{} {} due a second visit:", count(n, "student", "students"),
                           site_part ? (n == 1 ? "is" : "are") : (n == 1 ? "of your homeroom is" : "of your homeroom are"));
    case ItemKind::Training:
        return site_part ? fmt::format("{} due a refresher:", count(n, "staff member", "staff members"))
                         : std::string("Training:");
    case ItemKind::Session:
        return fmt::format("{} coming up{}:", count(n, "training session", "training sessions"),
                           site_part ? "" : " for you");
    case ItemKind::Finding:
        return fmt::format("{} nobody has reviewed (pthv validate; pthv review):", count(n, "finding", "findings"));
    case ItemKind::EventMissing:
        return fmt::format("{} missing (events.due {}):", count(n, "event", "events"),
                           repo.config.events_due().str());
    }
    return {};
}

std::string item_line(const Repo& repo, const Item& item, StaffId reader, bool site_part)
{
    switch (item.kind) {
    case ItemKind::Upcoming:
    case ItemKind::Reflect:
    case ItemKind::Confirm:
        return visit_line(repo, item, site_part ? StaffId{} : reader);
    case ItemKind::SecondVisit: {
        const Student& s = repo.students[*item.student];
        return fmt::format("{}{}: first visit {}", student_of(repo, *item.student),
                           site_part ? fmt::format(" (homeroom {})", person(repo, s.homeroom)) : std::string(),
                           item.due.str());
    }
    case ItemKind::Training:
        return training_line(repo, item, site_part);
    case ItemKind::Session:
        return session_line(repo, item, site_part);
    case ItemKind::Finding:
        return finding_line(repo, *item.finding);
    case ItemKind::EventMissing:
        return item.finding->message;
    }
    return {};
}

std::vector<Block> blocks(const Repo& repo, const std::vector<Item>& items, StaffId reader, bool site_part,
                          const Options& o)
{
    std::vector<Block> out;
    for (std::size_t i = 0; i < items.size();) {
        std::size_t end = i;
        while (end < items.size() && items[end].kind == items[i].kind)
            ++end;
        Block b{heading(repo, items[i].kind, end - i, site_part, o), {}};
        for (; i < end; ++i)
            b.lines.push_back(util::printable(item_line(repo, items[i], reader, site_part)));
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<Part> parts(const Repo& repo, const Digest& d, const Options& o)
{
    std::vector<Part> out;
    if (!d.own.empty())
        out.push_back({"", blocks(repo, d.own, d.person, false, o)});
    for (const SitePart& s : d.sites) {
        const Site* site = repo.find(s.site);
        out.push_back({util::printable(fmt::format("Site {} {}, which you coordinate", repo.id(s.site),
                                                   site ? site->name : std::string_view())),
                       blocks(repo, s.items, d.person, true, o)});
    }
    return out;
}

std::string greeting(const Repo& repo, const Digest& d)
{
    return util::printable(fmt::format("PTHV reminders for {} as of {}", person(repo, d.person), repo.as_of.str()));
}

std::string md_escape(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string subject(const Repo& repo)
{
    return util::printable(fmt::format("{}: PTHV reminders for {}",
                                       repo.config.district.empty() ? "PTHV" : repo.config.district,
                                       repo.as_of.str()));
}

std::string render_text(const Repo& repo, const Digest& d, const Options& o)
{
    std::string out = greeting(repo, d) + "\n";
    for (const Part& p : parts(repo, d, o)) {
        out += "\n";
        const std::string indent = p.title.empty() ? "" : "  ";
        if (!p.title.empty())
            out += p.title + ":\n\n";
        for (std::size_t i = 0; i < p.blocks.size(); ++i) {
            const Block& b = p.blocks[i];
            if (i > 0)
                out += "\n";
            const bool inline_line = b.heading == "Training:" && b.lines.size() == 1;
            if (inline_line) {
                out += indent + b.lines.front() + "\n";
                continue;
            }
            out += indent + b.heading + "\n";
            for (const auto& line : b.lines)
                out += indent + "  - " + line + "\n";
        }
    }
    return out;
}

std::string render_md(const Repo& repo, const Digest& d, const Options& o)
{
    std::string out = "# " + md_escape(greeting(repo, d)) + "\n";
    for (const Part& p : parts(repo, d, o)) {
        if (!p.title.empty())
            out += "\n## " + md_escape(p.title) + "\n";
        for (const Block& b : p.blocks) {
            out += "\n" + md_escape(b.heading) + "\n\n";
            for (const auto& line : b.lines)
                out += "- " + md_escape(line) + "\n";
        }
    }
    return out;
}

} // namespace pthv::remind
