#include <pthv/remind/deliver.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>

#include <pthv/remind/message.hpp>
#include <pthv/remind/render.hpp>
#include <pthv/util/files.hpp>
#include <pthv/util/process.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::remind {

namespace fs = std::filesystem;

namespace {

// Why a person cannot be mailed, naming their row; empty when they can.
std::string no_email(const model::Repo& repo, model::StaffId person)
{
    const model::Staff* s = repo.find(person);
    if (s && !s->email.empty())
        return {};
    const auto info = repo.files.find("staff.csv");
    const bool column = info != repo.files.end() &&
                        std::find(info->second.header.begin(), info->second.header.end(), "email") !=
                            info->second.header.end();
    return fmt::format("staff.csv:{}: {} has no email{}", s ? s->line : 0, repo.id(person),
                       column ? " (an empty cell, or one that is not an address)" : " (staff.csv has no email column)");
}

std::string render(const model::Repo& repo, const Digest& d, const Options& o, const std::string& format,
                   std::time_t now)
{
    if (format == "md")
        return render_md(repo, d, o);
    if (format == "json")
        return render_json(repo, d, o);
    if (format == "eml")
        return make_message(repo, d, o, now);
    return render_text(repo, d, o);
}

} // namespace

std::string file_name(const model::Repo& repo, model::StaffId person, const std::string& format)
{
    std::string name;
    for (const char c : repo.id(person)) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || (c == '.' && !name.empty());
        name += plain ? c : '_';
    }
    const char* ext = format == "md" ? ".md" : format == "json" ? ".json" : format == "eml" ? ".eml" : ".txt";
    return name + ext;
}

std::vector<Outcome> write_digests(const model::Repo& repo, const std::vector<Digest>& digests, const Options& o,
                                   const std::string& format, const fs::path& dir, std::time_t now)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        // Digests name students: the folder is as private as the data.
        if (::mkdir(dir.c_str(), 0700) != 0 && !fs::is_directory(dir, ec))
            throw util::FileError(fmt::format("{}: cannot make the folder: {}", dir.string(), std::strerror(errno)));
    }
    std::vector<Outcome> out;
    for (const Digest& d : digests) {
        Outcome r{d.person, false, {}, {}};
        if (format == "eml")
            r.problem = no_email(repo, d.person);
        if (r.problem.empty()) {
            const fs::path file = dir / file_name(repo, d.person, format);
            try {
                util::atomic_write(file, render(repo, d, o, format, now));
                r.done = true;
                r.file = file.string();
            } catch (const util::FileError& e) {
                r.problem = e.what();
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Outcome> send_digests(const model::Repo& repo, const std::vector<Digest>& digests, const Options& o,
                                  const std::string& command, std::time_t now)
{
    std::vector<Outcome> out;
    for (const Digest& d : digests) {
        Outcome r{d.person, false, {}, no_email(repo, d.person)};
        if (r.problem.empty()) {
            const auto run = util::run_with_input(command, local_line_ends(make_message(repo, d, o, now)));
            r.done = run.ok;
            if (!run.ok)
                r.problem = fmt::format("`{}` {}", command, run.failed);
        }
        out.push_back(std::move(r));
    }
    return out;
}

OutcomeReport outcome_report(const model::Repo& repo, const std::vector<Outcome>& outcomes, const std::string& what)
{
    OutcomeReport out;
    std::size_t done = 0;
    for (const auto& o : outcomes) {
        done += o.done ? 1U : 0U;
        if (o.done)
            continue;
        const model::Staff* s = repo.find(o.person);
        out.not_done += fmt::format("pthv: not {}: {} {}: {}\n", what, repo.id(o.person),
                                    util::printable(s ? s->name : std::string_view()), util::printable(o.problem));
    }
    out.summary = fmt::format("{} {} of {}\n", what, done,
                              util::plural(static_cast<long long>(outcomes.size()), "digest", "digests"));
    out.all_done = done == outcomes.size();
    return out;
}

} // namespace pthv::remind
