#pragma once
// The closed vocabularies of data.md, each with parse (nullopt on anything
// else, exact match) and name.

#include <optional>
#include <string_view>

namespace pthv::model {

enum class SiteLevel { Elementary, Middle, High, K8, Other };
enum class SiteStatus { Active, Prospective, Inactive };
enum class StaffClass { Certificated, Classified };
enum class VisitStatus { Scheduled, Completed, Declined, Cancelled, NoShow };
enum class Focus { HopesAndDreams, Academics, Other };
enum class Mode { Home, Community, Virtual };
enum class TrainingKind { Intro, Refresher };

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
PTHV_DECLARE_ENUM(TrainingKind)
#undef PTHV_DECLARE_ENUM

// yes/no.
std::optional<bool> parse_yes_no(std::string_view text);

} // namespace pthv::model
