#include <pthv/model/enums.hpp>

#include <array>
#include <utility>

namespace pthv::model {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text)
{
    for (const auto& [value, name] : table)
        if (name == text)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "?";
}

const std::array<std::pair<SiteLevel, std::string_view>, 5> k_levels{{{SiteLevel::Elementary, "elementary"},
    {SiteLevel::Middle, "middle"}, {SiteLevel::High, "high"}, {SiteLevel::K8, "k8"}, {SiteLevel::Other, "other"}}};
const std::array<std::pair<SiteStatus, std::string_view>, 3> k_site_statuses{
    {{SiteStatus::Active, "active"}, {SiteStatus::Prospective, "prospective"}, {SiteStatus::Inactive, "inactive"}}};
const std::array<std::pair<StaffClass, std::string_view>, 2> k_classes{
    {{StaffClass::Certificated, "certificated"}, {StaffClass::Classified, "classified"}}};
const std::array<std::pair<VisitStatus, std::string_view>, 5> k_visit_statuses{{{VisitStatus::Scheduled, "scheduled"},
    {VisitStatus::Completed, "completed"}, {VisitStatus::Declined, "declined"}, {VisitStatus::Cancelled, "cancelled"},
    {VisitStatus::NoShow, "no_show"}}};
const std::array<std::pair<Focus, std::string_view>, 3> k_focuses{
    {{Focus::HopesAndDreams, "hopes_and_dreams"}, {Focus::Academics, "academics"}, {Focus::Other, "other"}}};
const std::array<std::pair<Mode, std::string_view>, 3> k_modes{
    {{Mode::Home, "home"}, {Mode::Community, "community"}, {Mode::Virtual, "virtual"}}};
const std::array<std::pair<CancelledBy, std::string_view>, 3> k_cancelled_by{
    {{CancelledBy::Family, "family"}, {CancelledBy::Staff, "staff"}, {CancelledBy::Other, "other"}}};
const std::array<std::pair<TrainingKind, std::string_view>, 2> k_kinds{
    {{TrainingKind::Intro, "intro"}, {TrainingKind::Refresher, "refresher"}}};
const std::array<std::pair<ItemKind, std::string_view>, 2> k_items{
    {{ItemKind::Visit, "visit"}, {ItemKind::Training, "training"}}};

} // namespace

#define PTHV_DEFINE_ENUM(E, TABLE)                                                                 \
    template <> std::optional<E> parse_enum<E>(std::string_view text) { return lookup(TABLE, text); } \
    template <> std::string_view enum_name<E>(E value) { return name_of(TABLE, value); }
PTHV_DEFINE_ENUM(SiteLevel, k_levels)
PTHV_DEFINE_ENUM(SiteStatus, k_site_statuses)
PTHV_DEFINE_ENUM(StaffClass, k_classes)
PTHV_DEFINE_ENUM(VisitStatus, k_visit_statuses)
PTHV_DEFINE_ENUM(Focus, k_focuses)
PTHV_DEFINE_ENUM(Mode, k_modes)
PTHV_DEFINE_ENUM(CancelledBy, k_cancelled_by)
PTHV_DEFINE_ENUM(TrainingKind, k_kinds)
PTHV_DEFINE_ENUM(ItemKind, k_items)
#undef PTHV_DEFINE_ENUM

std::optional<bool> parse_yes_no(std::string_view text)
{
    if (text == "yes")
        return true;
    if (text == "no")
        return false;
    return std::nullopt;
}

} // namespace pthv::model
