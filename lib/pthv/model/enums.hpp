#pragma once
// The closed vocabularies of docs/data.md, each with parse (nullopt on anything
// else, exact match) and name.

#include <cstdint>
#include <optional>
#include <string_view>

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
#undef PTHV_DECLARE_ENUM

// yes/no.
std::optional<bool> parse_yes_no(std::string_view text);

} // namespace pthv::model
