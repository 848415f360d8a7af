#pragma once
// A digest laid out for its reader (docs/remind.md): text for the terminal
// and the mail, Markdown, JSON. The text speaks to the reader ("You have 2
// visits to reflect on"), names students by id and name as students.csv has
// them, and a site's part speaks of its staff. Nothing is computed here:
// every item is the digest's.

#include <string>
#include <vector>

#include <pthv/model/repo.hpp>
#include <pthv/remind/digest.hpp>

namespace pthv::remind {

// "Riverbend Unified School District: PTHV reminders for 2026-05-18", the
// mail's Subject: and the first line of the text.
std::string subject(const model::Repo& repo);

// One digest as text (lines end in "\n"; control characters in the data
// shown as \xNN), Markdown, or a JSON object.
std::string render_text(const model::Repo& repo, const Digest& d, const Options& options);
std::string render_md(const model::Repo& repo, const Digest& d, const Options& options);
std::string render_json(const model::Repo& repo, const Digest& d, const Options& options);

// Many digests to one stream: texts one after another under a line naming
// each person, or one JSON array.
std::string render_all(const model::Repo& repo, const std::vector<Digest>& digests, const Options& options,
                       const std::string& format);

} // namespace pthv::remind
