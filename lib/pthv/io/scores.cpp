#include <pthv/io/scores.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include <pthv/io/csv.hpp>
#include <pthv/io/student_rows.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace {

using model::Problem;
using model::Severity;

const char* const k_score_columns[] = {"student_id", "subject", "proficient"};

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A subject names cells of the publication set and columns of every
// format: no control characters, and no "|", which separates a cell key.
bool plain_subject(std::string_view s)
{
    return std::none_of(s.begin(), s.end(), [](char c) {
        return c == '|' || (static_cast<unsigned char>(c) < 0x20) || c == 0x7f;
    });
}

// One row, or nothing (its problems recorded).
std::optional<ScoreRow> read_score_row(const CsvRow& row, const std::array<std::size_t, 3>& at,
                                       const std::string& file, const model::Repo& repo, model::Problems& problems)
{
    StudentRowReader reader(row, at[0], file, problems);
    if (!reader.has_id())
        return std::nullopt;
    const std::string& id = reader.id;
    const auto bad = [&](const char* rule, std::string message) { reader.error(rule, std::move(message)); };
    ScoreRow r;
    r.line = row.line;
    r.subject = std::string(util::trim(row.cells[at[1]]));
    if (r.subject.empty()) {
        bad("required-missing", fmt::format("student {}: subject is empty", util::printable(id)));
        return std::nullopt;
    }
    if (!plain_subject(r.subject)) {
        bad("value-invalid", fmt::format("student {}: subject \"{}\" holds a control character or \"|\"",
                                         util::printable(id), util::printable(r.subject)));
        return std::nullopt;
    }
    const std::string_view cell = util::trim(row.cells[at[2]]);
    const std::string answer = lower(cell);
    if (answer != "yes" && answer != "no") {
        bad(cell.empty() ? "required-missing" : "value-invalid",
            cell.empty() ? fmt::format("student {}: proficient is empty", util::printable(id))
                         : fmt::format("student {}: proficient \"{}\" is not yes or no", util::printable(id),
                                       util::printable(cell)));
        return std::nullopt;
    }
    r.proficient = answer == "yes";
    return for_listed_student(std::move(r), repo, id, file, problems);
}

} // namespace

std::vector<ScoreRow> read_scores(std::string_view file, std::string_view content, const model::Repo& repo,
                                  model::Problems& problems)
{
    const auto read =
        read_student_file(file, content, {k_score_columns[0], k_score_columns[1], k_score_columns[2]}, problems);
    if (!read)
        return {};
    const std::string name(file);
    std::vector<ScoreRow> out;
    std::map<std::pair<std::size_t, std::string>, std::size_t> first_line;
    for (const auto& row : read->table.rows) {
        auto r = read_score_row(row, read->at, name, repo, problems);
        if (!r)
            continue;
        const auto [it, fresh] = first_line.emplace(std::make_pair(r->student.index(), r->subject), row.line);
        if (!fresh) {
            problems.push_back(Problem{"duplicate-key", Severity::Error, name, row.line,
                                       std::string(repo.id(r->student)),
                                       fmt::format("student {} has a second {} row (first on line {})",
                                                   util::printable(repo.id(r->student)),
                                                   util::printable(r->subject), it->second),
                                       "keep one row per student and subject"});
            continue;
        }
        out.push_back(std::move(*r));
    }
    return out;
}

std::vector<std::string> score_subjects(const std::vector<ScoreRow>& rows)
{
    std::vector<std::string> out;
    for (const auto& r : rows)
        out.push_back(r.subject);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace pthv::io
