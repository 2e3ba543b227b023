// Resource names of the governance API (see the top of governance.proto and
// plans.proto) and the ids and periods inside them: parsing with errors that
// name the field, and formatting.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_CORE_NAMES_H_
#define WP_SERVICES_GOVERNANCE_CORE_NAMES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::governance {

// The wildcard some List methods accept in place of a parent id.
inline constexpr char kWildcard[] = "-";

// Lower-case letters, digits and hyphens, 2..63 characters, not starting or
// ending with a hyphen.
bool IsValidId(absl::string_view id);
// The id a display name suggests: "Jane O'Neil" -> "jane-o-neil"; empty when
// nothing usable is left.
std::string IdFromDisplayName(absl::string_view display_name);

// A school session or financial year, "2022-23": two consecutive years.
bool IsValidSession(absl::string_view session);
// A plan's session span: "2022-23" or "2018-21", the second year after the
// first by 1..9 years.
bool IsValidSessionSpan(absl::string_view span);
// The first and last sessions of a span: "2018-21" -> "2018-19", "2020-21".
std::string FirstSessionOf(absl::string_view span);
std::string LastSessionOf(absl::string_view span);

// Splits `name` by `pattern`, e.g. "bodies/{id}/meetings/{n}", and returns
// its variable parts in order ("board", "12"). Placeholders: {id} an id as
// IsValidId, {n} a number from 1, {code} an authority code, {session} a
// session. With `allow_wildcards`, "-" stands for any {id}, {n} or {code}. Anything
// else is INVALID_ARGUMENT on `field`: "must be <pattern>, e.g. <example>".
absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view name,
                                                   absl::string_view pattern,
                                                   absl::string_view field,
                                                   absl::string_view example,
                                                   bool allow_wildcards = false);

// A number part returned by ParseName; 0 for the wildcard.
int64_t NumberPart(const std::string& part);

std::string AuthorityName(absl::string_view code);
std::string PopulationName(absl::string_view code, absl::string_view session);
std::string PersonName(absl::string_view id);
std::string BodyName(absl::string_view id);
std::string MembershipName(absl::string_view body, int64_t number);
std::string MeetingName(absl::string_view body, int64_t number);
std::string DecisionName(absl::string_view body, int64_t meeting, int64_t number);
std::string ActionName(absl::string_view body, int64_t number);
std::string PlanName(absl::string_view id);
std::string AmendmentName(absl::string_view plan, int64_t number);
std::string SponsorshipName(absl::string_view plan, int64_t number);
std::string BudgetLineName(absl::string_view plan, absl::string_view line);
std::string MovementName(absl::string_view plan, absl::string_view line, int64_t number);
std::string ReallocationName(absl::string_view plan, int64_t number);
// The workstreams service's name for a plan's workstream.
std::string WorkstreamName(absl::string_view session_span, int64_t number);

// Patterns and examples for ParseName, one per resource.
struct NamePattern {
  const char* pattern;
  const char* example;
};
inline constexpr NamePattern kAuthorityPattern{"authorities/{code}", "authorities/GCC"};
inline constexpr NamePattern kPopulationPattern{"authorities/{code}/populations/{session}",
                                                "authorities/GCC/populations/2022-23"};
inline constexpr NamePattern kPersonPattern{"people/{id}", "people/jane-smith"};
inline constexpr NamePattern kBodyPattern{"bodies/{id}", "bodies/board"};
inline constexpr NamePattern kMembershipPattern{"bodies/{id}/memberships/{n}",
                                                "bodies/board/memberships/3"};
inline constexpr NamePattern kMeetingPattern{"bodies/{id}/meetings/{n}", "bodies/board/meetings/12"};
inline constexpr NamePattern kDecisionPattern{"bodies/{id}/meetings/{n}/decisions/{n}",
                                              "bodies/board/meetings/12/decisions/2"};
inline constexpr NamePattern kActionPattern{"bodies/{id}/actions/{n}", "bodies/board/actions/40"};
inline constexpr NamePattern kPlanPattern{"plans/{id}", "plans/2022-23"};
inline constexpr NamePattern kAmendmentPattern{"plans/{id}/amendments/{n}", "plans/2020-23/amendments/1"};
inline constexpr NamePattern kSponsorshipPattern{"plans/{id}/sponsorships/{n}",
                                                 "plans/2022-23/sponsorships/2"};
inline constexpr NamePattern kBudgetLinePattern{"plans/{id}/budgetLines/{id}",
                                                "plans/2022-23/budgetLines/2022-23-coaching"};
inline constexpr NamePattern kMovementPattern{"plans/{id}/budgetLines/{id}/movements/{n}",
                                              "plans/2022-23/budgetLines/2022-23-coaching/movements/1"};
inline constexpr NamePattern kReallocationPattern{"plans/{id}/reallocations/{n}",
                                                  "plans/2022-23/reallocations/1"};

// ParseName with one of the patterns above.
absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view name, const NamePattern& pattern,
                                                   absl::string_view field,
                                                   bool allow_wildcards = false);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_NAMES_H_
