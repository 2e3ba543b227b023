// Governance resource names from what people type, and back. A full name is
// passed through as given (the service judges it); a short one is expanded:
//   authority    "GCC", "gcc", "Glasgow City", "glasgow-city"  -> authorities/GCC
//   person       "jane-smith"                 -> people/jane-smith
//   body         "board", or an alias: "committee" (or "rec"),
//                "implementation" ("ig"), "finance" ("fsg")  -> bodies/{id}
//   meeting      "board/12"                   -> bodies/board/meetings/12
//   decision     "board/12/2", or "2" when the meeting is known
//                                             -> bodies/board/meetings/12/decisions/2
//   plan         "2022-23"                    -> plans/2022-23
//   budget line  "2022-23-coaching" when the plan is known, or
//                "2022-23/2022-23-coaching"   -> plans/2022-23/budgetLines/2022-23-coaching
// Every failure is a usage error that shows the expected form.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_GOVERNANCE_NAMES_H_
#define WP_TOOLS_WPCTL_GOVERNANCE_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::wpctl {

// The authority's code ("GCC"), from a code in any case, the authority's
// name (case, spaces and hyphens do not matter) or authorities/{code}.
absl::StatusOr<std::string> AuthorityCode(absl::string_view text);

absl::StatusOr<std::string> PersonName(absl::string_view text);
absl::StatusOr<std::string> BodyName(absl::string_view text);
absl::StatusOr<std::string> MeetingName(absl::string_view text);
// `meeting` (a full meeting name, or empty) lets a bare decision number stand.
absl::StatusOr<std::string> DecisionName(absl::string_view text, absl::string_view meeting);
absl::StatusOr<std::string> PlanName(absl::string_view text);
// `plan` (a full plan name, or empty) lets a bare line id stand.
absl::StatusOr<std::string> BudgetLineName(absl::string_view text, absl::string_view plan);

// The parent of a decision listing: a meeting ("board/12"), every meeting of
// a body ("board"), or, for empty text, every body's meetings.
absl::StatusOr<std::string> DecisionsParent(absl::string_view text);

// A school session or financial year, "2022-23" (two consecutive years).
// Errors name `what`, e.g. "--year".
absl::StatusOr<std::string> SessionArg(absl::string_view text, absl::string_view what);

// The short form of a full name where there is one ("bodies/board/meetings/12"
// -> "board/12", ".../decisions/2" -> "board/12/2", "plans/2022-23" ->
// "2022-23", "people/jane-smith" -> "jane-smith", "authorities/GCC" -> "GCC",
// a budget line -> its id,
// "bodies/board/actions/4" -> "board/actions/4"); anything else unchanged.
std::string ShortName(absl::string_view name);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_GOVERNANCE_NAMES_H_
