#include <pthv/model/repo.hpp>

#include <algorithm>

namespace pthv::model {

bool is_staff_id_shaped(std::string_view text)
{
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    while (i < text.size() && letter(text[i]))
        ++i;
    const std::size_t digits_from = i;
    while (i < text.size() && digit(text[i]))
        ++i;
    return i == text.size() && i > digits_from;
}

std::optional<std::size_t> Repo::row(VisitId id) const
{
    const std::uint32_t r = names.visits.row(id);
    return r < visits.size() ? std::optional<std::size_t>(r) : std::nullopt;
}

std::optional<std::size_t> Repo::row(StudentId id) const
{
    const std::uint32_t r = names.students.row(id);
    return r < students.size() ? std::optional<std::size_t>(r) : std::nullopt;
}

void Repo::educator_set(const Visit& v, std::vector<StaffId>& out) const
{
    const auto e = educators(v);
    out.assign(e.begin(), e.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<StaffId> Repo::educator_set(const Visit& v) const
{
    std::vector<StaffId> out;
    educator_set(v, out);
    return out;
}

SiteId Repo::visit_site(const Visit& v) const
{
    if (v.site)
        return v.site;
    const Student* s = find(v.student);
    return s ? s->site : SiteId{};
}

} // namespace pthv::model
