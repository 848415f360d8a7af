#pragma once
// The closed vocabularies of docs/data.md, each with parse (nullopt on anything
// else, exact match) and name.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::model {

enum class SiteLevel : std::uint8_t { Elementary, Middle, High, K8, Other };
enum class SiteStatus : std::uint8_t { Active, Prospective, Inactive };
enum class StaffClass : std::uint8_t { Certificated, Classified };
enum class VisitStatus : std::uint8_t { Scheduled, Completed, Declined, Cancelled, NoShow };
enum class Focus : std::uint8_t { HopesAndDreams, Academics, Other };
enum class Mode : std::uint8_t { Home, Community, Virtual };
// Who called off a cancelled or no_show visit (visits.csv cancelled_by).
enum class CancelledBy : std::uint8_t { Family, Staff, Other };
enum class TrainingKind : std::uint8_t { Intro, Refresher };
// What a payroll line pays for (payroll/YYYY-MM.csv item).
enum class ItemKind : std::uint8_t { Visit, Training };
// What an event of events.csv is.
enum class EventKind : std::uint8_t { Celebration, SiteVisit, AdminMeeting, FamilyEvent, PthvWeek, Other };

template <typename E> std::optional<E> parse_enum(std::string_view text);
template <typename E> std::string_view enum_name(E value);

#define PTHV_DECLARE_ENUM(E)                                                                       \
    template <> std::optional<E> parse_enum<E>(std::string_view text);                             \
    template <> std::string_view enum_name<E>(E value);
PTHV_DECLARE_ENUM(SiteLevel)
PTHV_DECLARE_ENUM(SiteStatus)
PTHV_DECLARE_ENUM(StaffClass)
PTHV_DECLARE_ENUM(VisitStatus)
PTHV_DECLARE_ENUM(Focus)
PTHV_DECLARE_ENUM(Mode)
PTHV_DECLARE_ENUM(CancelledBy)
PTHV_DECLARE_ENUM(TrainingKind)
PTHV_DECLARE_ENUM(ItemKind)
PTHV_DECLARE_ENUM(EventKind)
#undef PTHV_DECLARE_ENUM

// Every event kind, in the order of docs/data.md.
constexpr EventKind k_event_kinds[] = {EventKind::Celebration, EventKind::SiteVisit,  EventKind::AdminMeeting,
                                       EventKind::FamilyEvent, EventKind::PthvWeek, EventKind::Other};

// yes/no.
std::optional<bool> parse_yes_no(std::string_view text);

// Every name of enum E, in declaration order: what its cells accept. The
// values are contiguous from 0, and enum_name answers "?" past the last.
template <typename E> std::vector<std::string> enum_names()
{
    std::vector<std::string> names;
    for (std::uint8_t i = 0; i < 64; ++i) {
        const std::string_view name = enum_name(static_cast<E>(i));
        if (name == "?")
            break;
        names.emplace_back(name);
    }
    return names;
}

} // namespace pthv::model
