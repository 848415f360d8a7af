#include <pthv/rules/doc.hpp>

#include <algorithm>
#include <fmt/format.h>

#include <pthv/util/strings.hpp>

namespace pthv::rules {

std::vector<DocEntry> doc_entries(std::string_view doc)
{
    std::vector<DocEntry> out;
    std::size_t start = std::string_view::npos;
    std::size_t pos = 0;
    const auto close = [&](std::size_t end) {
        if (start == std::string_view::npos)
            return;
        std::string_view text = doc.substr(start, end - start);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.remove_suffix(1);
        out.back().text = text;
    };
    while (pos < doc.size()) {
        const std::size_t eol = std::min(doc.find('\n', pos), doc.size());
        const std::string_view line = doc.substr(pos, eol - pos);
        if (util::starts_with(line, "## ")) {
            close(pos);
            start = pos;
            out.push_back({std::string(util::trim(line.substr(3))), {}});
        }
        pos = eol + 1;
    }
    close(doc.size());
    return out;
}

std::string doc_summary(const DocEntry& e)
{
    std::string out;
    std::string_view rest = e.text.substr(std::min(e.text.find('\n'), e.text.size()));
    while (!rest.empty()) {
        const std::size_t eol = std::min(rest.find('\n'), rest.size());
        const std::string_view line = util::trim(rest.substr(0, eol));
        rest.remove_prefix(std::min(eol + 1, rest.size()));
        if (line.empty() && !out.empty())
            break;
        if (!line.empty())
            out += (out.empty() ? "" : " ") + std::string(line);
    }
    return out;
}

std::string explain_text(std::string_view doc, const std::string& id, std::string& why)
{
    const auto all = doc_entries(doc);
    std::string out;
    if (id.empty()) {
        out += "Rules (`pthv explain ID` explains one; docs/rules.md has them all):\n";
        for (const auto& e : all)
            out += fmt::format("  {:<21} {}\n", e.id, doc_summary(e));
        return out;
    }
    std::vector<std::string> ids;
    for (const auto& e : all) {
        if (e.id == id)
            return std::string(e.text) + "\n";
        ids.push_back(e.id);
    }
    const std::string near = util::closest_match(id, ids);
    why = "no rule has the id \"" + id + "\"" +
          (near.empty() ? "; `pthv explain` lists the rule ids" : "; did you mean " + near + "?");
    return {};
}

} // namespace pthv::rules
