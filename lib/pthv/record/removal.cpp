// The removal of a visit and its tombstone (removal.hpp).

#include <pthv/record/removal.hpp>

#include <algorithm>

#include <pthv/io/csv.hpp>
#include <pthv/io/csv_edit.hpp>
#include <pthv/io/schema.hpp>
#include <pthv/util/files.hpp>

namespace pthv::record {

namespace fs = std::filesystem;

namespace {

std::string tombstone_header()
{
    return io::csv_row(io::schema("removed_visits").column_names(), "\n");
}

} // namespace

std::optional<Removal> plan_removal(const io::Sources& sources, const model::Repo& repo, const model::Visit& v,
                                    const std::string& reason, const model::Date& today)
{
    const std::string_view visits = sources.at("visits.csv");
    const auto after = io::remove_line(visits, v.line);
    if (!after)
        return std::nullopt;
    Removal r;
    r.visits.file = "visits.csv";
    r.visits.newline = io::newline_of(visits);
    r.visits.after = *after;
    const std::string_view id = repo.id(v.id);
    // A visit that came back and is removed again keeps its first tombstone.
    const bool remembered = std::any_of(repo.removed_visits.begin(), repo.removed_visits.end(),
                                        [&](const model::RemovedVisit& t) { return t.visit_id == id; });
    if (remembered)
        return r;
    const auto file = sources.find(k_removed_visits_file);
    r.create_file = file == sources.end();
    r.tombstone_newline = r.create_file ? std::string("\n") : std::string(io::newline_of(file->second));
    std::string one_line = reason;
    std::replace_if(one_line.begin(), one_line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    r.tombstone = io::csv_row({std::string(id), today.str(), one_line}, r.tombstone_newline);
    return r;
}

void write_removal(const fs::path& root, const Removal& removal)
{
    if (removal.tombstone.empty()) {
        util::atomic_write(root / removal.visits.file, removal.visits.text());
        return;
    }
    if (removal.create_file)
        util::atomic_write(root / k_removed_visits_file, tombstone_header());
    util::append_then_replace(root / k_removed_visits_file, removal.tombstone, removal.tombstone_newline,
                              root / removal.visits.file, removal.visits.text());
}

model::Problems paid_refusals(const model::Repo& repo, std::string_view visit_id)
{
    model::Problems out;
    for (const auto& l : repo.ledger)
        if (l.item == model::ItemKind::Visit && l.item_id == visit_id)
            out.push_back({{}, model::Severity::Error, std::string(l.file), l.line, std::string(visit_id),
                           std::string(l.file) + " line " + std::to_string(l.line) +
                               " paid it, and a paid visit stays in the log; if it did not take place, mark it with "
                               "--update " + std::string(visit_id) +
                               " --status cancelled and settle the payment with payroll",
                           {}});
    return out;
}

} // namespace pthv::record
