// The rules of the plan tracker, free of I/O so they are easy to test:
// what a valid ref, plan period and plan item look like, which status changes
// are allowed, and when an item is overdue.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_PLAN_ITEM_RULES_H_
#define WP_SERVICES_WORKSTREAMS_PLAN_ITEM_RULES_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "libs/status/field_errors.h"
#include "services/workstreams/plan_item_types.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

using v1::PlanItem;
using v1::PlanItemStatus;

// "4.2" -> {4, 2}: workstream 1..99, task 1..9999, written without leading
// zeros or any other characters.
std::optional<PlanRef> ParsePlanRef(absl::string_view ref);

// "2022-23" or "2018-21": a start year and the last two digits of a later end year.
bool IsValidPlanPeriod(absl::string_view period);

// Checks every field of a plan item about to be created; all violations at
// once. The ref may be empty when `project` is set (the service assigns it).
absl::Status ValidateNewPlanItem(const PlanItem& item);
// The action-plan fields of a task: ongoing (then no expected date),
// resources and plan notes (at most kMaxTaskBytes each).
void CheckTaskPlanFields(const PlanItem& item, FieldViolations* v);

// May an item move from `from` to `to`? `superseded_by` and `reason` are the
// values the item will have after the change.
//   - SUPERSEDED needs superseded_by (a valid ref other than itself) or a reason;
//   - leaving COMPLETE needs `reopen`;
//   - UNSPECIFIED is never a target.
absl::Status CheckStatusChange(const PlanItem& item, PlanItemStatus to,
                               absl::string_view superseded_by, absl::string_view reason,
                               bool reopen);

// Expected date passed (strictly before `as_of`, month precision covering
// the whole month) and not COMPLETE or SUPERSEDED.
bool IsOverdue(const PlanItem& item, const wp::common::v1::Date& as_of);

// True for statuses that still count as open work.
bool IsOpen(PlanItemStatus status);

std::string PlanItemName(absl::string_view period, absl::string_view ref);
std::string WorkstreamName(absl::string_view period, int number);
// Splits "planPeriods/{p}/planItems/{ref}"; INVALID_ARGUMENT naming `field` otherwise.
absl::Status ParsePlanItemName(absl::string_view name, absl::string_view field,
                               std::string* period, std::string* ref);
absl::Status ParseWorkstreamName(absl::string_view name, absl::string_view field,
                                 std::string* period, int* number);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PLAN_ITEM_RULES_H_
