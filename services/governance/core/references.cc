#include "services/governance/core/references.h"

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

std::string FirstPart(const std::vector<std::string>& parts) { return parts.at(0); }

}  // namespace

absl::StatusOr<PersonRef> ResolvePerson(store::Transaction& tx, const std::string& name,
                                        const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kPersonPattern, field));
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT display_name FROM people WHERE id = ?", {FirstPart(parts)}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(name, " does not exist (", field, ")"));
  return PersonRef{FirstPart(parts), rows.front().Text(0)};
}

absl::StatusOr<BodyRef> ResolveBody(store::Transaction& tx, const std::string& name,
                                    const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kBodyPattern, field));
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT kind, title FROM bodies WHERE id = ?", {FirstPart(parts)}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(name, " does not exist (", field, ")"));
  return BodyRef{FirstPart(parts), static_cast<v1::Body::Kind>(rows.front().Int(0)),
                 rows.front().Text(1)};
}

absl::StatusOr<MeetingRef> ResolveMeeting(store::Transaction& tx, const std::string& name,
                                          const std::string& field, bool must_be_held,
                                          v1::Body::Kind kind) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kMeetingPattern, field));
  WP_ASSIGN_OR_RETURN(auto body, ResolveBody(tx, BodyName(parts[0]), field));
  const int64_t number = NumberPart(parts[1]);
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT meeting_day, state FROM meetings WHERE body_id = ? AND number = ?",
                       {body.id, number}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(name, " does not exist (", field, ")"));
  MeetingRef meeting{body, number, MeetingName(body.id, number), rows.front().Text(0),
                     static_cast<v1::Meeting::State>(rows.front().Int(1))};
  if (kind != v1::Body::KIND_UNSPECIFIED && body.kind != kind) {
    return absl::FailedPreconditionError(absl::StrCat(field, ": ", name, " is a meeting of ", body.title,
                                                      ", not of the ", v1::Body::Kind_Name(kind)));
  }
  if (must_be_held && meeting.state != v1::Meeting::HELD) {
    return absl::FailedPreconditionError(absl::StrCat(field, ": ", name, " is ",
                                                      v1::Meeting::State_Name(meeting.state),
                                                      ", not HELD"));
  }
  return meeting;
}

absl::StatusOr<int64_t> ResolveDecisionAt(store::Transaction& tx, const std::string& name,
                                          const std::string& field, const MeetingRef& meeting) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kDecisionPattern, field));
  const int64_t meeting_number = NumberPart(parts[1]);
  const int64_t number = NumberPart(parts[2]);
  if (parts[0] != meeting.body.id || meeting_number != meeting.number) {
    return absl::FailedPreconditionError(
        absl::StrCat(field, ": ", name, " was not recorded at ", meeting.name));
  }
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT 1 FROM decisions WHERE body_id = ? AND meeting_number = ? AND number = ?",
      {meeting.body.id, meeting_number, number}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(name, " does not exist (", field, ")"));
  return number;
}

absl::StatusOr<std::optional<MembershipRef>> MembershipOn(store::Transaction& tx,
                                                          const std::string& body_id,
                                                          const std::string& person_id,
                                                          const std::string& day) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT number, role, advisory FROM memberships WHERE body_id = ? AND person_id = ? "
      "AND start_day <= ? AND (end_day IS NULL OR end_day >= ?) ORDER BY number LIMIT 1",
      {body_id, person_id, day, day}));
  if (rows.empty()) return std::optional<MembershipRef>();
  const store::Row& r = rows.front();
  return std::optional<MembershipRef>(MembershipRef{r.Int(0), MembershipName(body_id, r.Int(0)),
                                                    static_cast<v1::Membership::Role>(r.Int(1)),
                                                    r.Int(2) != 0});
}

absl::StatusOr<PlanRef> ResolvePlan(store::Transaction& tx, const std::string& name,
                                    const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(name, kPlanPattern, field));
  return LoadPlanRef(tx, FirstPart(parts));
}

absl::StatusOr<PlanRef> LoadPlanRef(store::Transaction& tx, const std::string& plan_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT session_span, state, version FROM plans WHERE id = ?", {plan_id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(PlanName(plan_id), " does not exist"));
  PlanRef plan{plan_id, PlanName(plan_id), rows.front().Text(0),
               static_cast<v1::Plan::State>(rows.front().Int(1)), rows.front().Int(2), {}};
  WP_ASSIGN_OR_RETURN(auto workstreams,
      tx.Query("SELECT number, title FROM plan_workstreams WHERE plan_id = ? ORDER BY number", {plan_id}));
  for (const store::Row& r : workstreams) plan.workstreams[static_cast<int32_t>(r.Int(0))] = r.Text(1);
  return plan;
}

}  // namespace wp::governance
