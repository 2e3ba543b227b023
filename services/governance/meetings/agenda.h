// The rules of a meeting's agenda and of the tracker refs agenda items and
// decisions name, free of I/O: what the meetings area checks before it
// opens a transaction.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_AGENDA_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_AGENDA_H_

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "libs/status/field_errors.h"
#include "wp/common/v1/date.pb.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::meetings_internal {

// Most items one agenda may hold, and the highest item number.
inline constexpr int kMaxAgendaItems = 200;
inline constexpr int kMaxAgendaNumber = 999;

// A plan tracker ref as the workstreams service writes it: "4.2", a
// workstream 1..99 and a task 1..9999 without leading zeros.
bool IsPlanItemRef(absl::string_view ref);

// Checks refs at `field` ("decision.plan_item_refs"): each a ref, no
// duplicates, and none without a plan (`has_plan`).
void CheckPlanItemRefs(const google::protobuf::RepeatedPtrField<std::string>& refs, bool has_plan,
                       const std::string& field, FieldViolations* v);

// Numbers the items whose number is 0 (the previous item's number plus one,
// from 1), checks every item at `field`[i] (title required, plan a plan
// name, refs, numbers unique) and sorts them into number order. Plans are
// only checked for form here; the caller checks that they exist.
void NormalizeAgenda(google::protobuf::RepeatedPtrField<v1::AgendaItem>* items, const std::string& field,
                     FieldViolations* v);

// "Board, June 2022": what a meeting is called when no title is given.
std::string DefaultMeetingTitle(absl::string_view body_title, const wp::common::v1::Date& day);

}  // namespace wp::governance::meetings_internal

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_AGENDA_H_
