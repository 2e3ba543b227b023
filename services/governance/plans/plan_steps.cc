// Plans: the lifecycle steps (ApprovePlan, EndorsePlan, ActivatePlan,
// ClosePlan). Which move is allowed is plan_lifecycle.h's rule; this file
// checks the meeting and decision behind a step, records it on the plan and
// publishes it.
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag.h"
#include "libs/store/etag_update.h"
#include "libs/store/request_ids.h"
#include "libs/text/blank.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/plan_lifecycle.h"
#include "services/governance/plans/decided_at.h"
#include "services/governance/plans/plan_store.h"
#include "services/governance/plans/plans.h"

namespace wp::governance {
namespace {

// How one lifecycle method differs from the others.
struct StepRule {
  const char* method;  // scopes request ids
  const char* verb;    // wp.governance.plan.<verb>
  v1::Plan::State to;
  bool meeting_required;
  v1::Body::Kind meeting_kind;  // KIND_UNSPECIFIED: a meeting of any body
};

constexpr StepRule kApprove{"ApprovePlan", "approved", v1::Plan::BOARD_APPROVED, true, v1::Body::BOARD};
constexpr StepRule kEndorse{"EndorsePlan", "endorsed", v1::Plan::COMMITTEE_ENDORSED, true,
                            v1::Body::REGIONAL_EDUCATION_COMMITTEE};
constexpr StepRule kActivate{"ActivatePlan", "activated", v1::Plan::ACTIVE, false, v1::Body::KIND_UNSPECIFIED};
constexpr StepRule kClose{"ClosePlan", "closed", v1::Plan::CLOSED, false, v1::Body::KIND_UNSPECIFIED};

// The fields the four step requests share.
struct StepRequest {
  std::string name;
  std::string meeting;
  std::string by;
  const google::protobuf::Timestamp* step_time;  // null when absent
  std::string decision;
  std::string etag;
  std::string request_id;
};

template <typename Request>
StepRequest StepRequestOf(const Request& r) {
  return StepRequest{r.name(), r.meeting(), r.by(), r.has_step_time() ? &r.step_time() : nullptr,
                     r.decision(), r.etag(), r.request_id()};
}

// Largest `by` plan_lifecycle.h's ValidateStep accepts.
constexpr size_t kMaxByBytes = 200;
// 0001-01-01 and 9999-12-31T23:59:59Z, the range google.protobuf.Timestamp allows.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

PlanState ToPlanState(v1::Plan::State state) {
  switch (state) {
    case v1::Plan::BOARD_APPROVED:
      return PlanState::kBoardApproved;
    case v1::Plan::COMMITTEE_ENDORSED:
      return PlanState::kCommitteeEndorsed;
    case v1::Plan::ACTIVE:
      return PlanState::kActive;
    case v1::Plan::CLOSED:
      return PlanState::kClosed;
    default:
      return PlanState::kDraft;
  }
}

// The step as plan_lifecycle.h states its own rules, with its field names
// mapped onto the request's.
absl::Status CheckStepRules(const v1::PlanStep& step, absl::Time at) {
  absl::Status s = ValidateStep(PlanStep{ToPlanState(step.to_state()), step.by(), at, step.meeting()});
  if (s.ok()) return s;
  FieldViolations v;
  for (const FieldViolation& f : FieldViolationsOf(s)) {
    std::string field = f.field;
    if (field == "plan_step.by") field = "by";
    if (field == "plan_step.at") field = "step_time";
    if (field == "plan_step.meeting") field = "meeting";
    v.Add(field, f.description);
  }
  return v.ToStatus();
}

absl::StatusOr<v1::Plan> TakeStep(store::Database& db, const server::Caller& caller, const StepRule& rule,
                                  const StepRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name, kPlanPattern, "name"));
  const std::string id = parts[0];
  FieldViolations v;
  CheckDecidedAt(request.meeting, request.decision, {"meeting", "decision"}, rule.meeting_required, &v);
  if (request.by.find('\n') != std::string::npos || request.by.size() > kMaxByBytes) {
    v.Add("by", absl::StrCat("must be a single line of at most ", kMaxByBytes, " bytes"));
  }
  if (request.step_time != nullptr &&
      (request.step_time->seconds() < kMinTimestampSeconds || request.step_time->seconds() > kMaxTimestampSeconds ||
       request.step_time->nanos() < 0 || request.step_time->nanos() > 999999999)) {
    v.Add("step_time", "is not a valid time");
  }
  AddViolationsOf(store::ValidateRequestId(request.request_id), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Plan>(db, [&](store::Transaction& tx) -> absl::StatusOr<v1::Plan> {
    return store::CreateOnce<v1::Plan>(
        tx, {rule.method, request.request_id, now},
        [&](const std::string& made) -> absl::StatusOr<v1::Plan> {
          if (made != request.name) {
            return InvalidField("request_id", absl::StrCat("was used for ", made, ", not ", request.name));
          }
          return LoadPlan(tx, id);
        },
        [&]() -> absl::StatusOr<v1::Plan> {
          return store::UpdateWithEtag<v1::Plan>(
              request.etag, [&] { return LoadPlan(tx, id); },
              [&](v1::Plan& next) -> absl::Status {
                if (absl::Status s = CheckPlanTransition(ToPlanState(next.state()), ToPlanState(rule.to));
                    !s.ok()) {
                  if (s.code() != absl::StatusCode::kFailedPrecondition) return s;
                  return absl::FailedPreconditionError(absl::StrCat(next.name(), ": ", s.message()));
                }
                auto meeting = ResolveDecidedAt(tx, request.meeting, request.decision, {"meeting", "decision"},
                                                rule.meeting_kind);
                if (!meeting.ok()) return meeting.status();

                const absl::Time at = request.step_time != nullptr
                                          ? absl::FromUnixSeconds(request.step_time->seconds()) +
                                                absl::Nanoseconds(request.step_time->nanos())
                                          : now;
                v1::PlanStep step;
                step.set_to_state(rule.to);
                step.set_by(!text::IsBlank(request.by) ? request.by
                                                       : (meeting->has_value() ? (*meeting)->body.title : ""));
                *step.mutable_step_time() = calendar::TimestampOf(at);
                step.set_meeting(request.meeting);
                step.set_decision(request.decision);
                step.set_recorded_by(caller.actor);
                WP_RETURN_IF_ERROR(CheckStepRules(step, at));
                next.set_state(rule.to);
                *next.add_steps() = step;
                return absl::OkStatus();
              },
              [&](const v1::Plan& next, int64_t version) -> absl::StatusOr<v1::Plan> {
                WP_RETURN_IF_ERROR(SavePlan(tx, id, next, version, now));
                WP_ASSIGN_OR_RETURN(auto stored, LoadPlan(tx, id));
                v1::PlanStepRecorded event;
                *event.mutable_plan() = stored;
                *event.mutable_step() = stored.steps(stored.steps_size() - 1);
                if (auto seq = EmitEvent(tx, caller, "plan", rule.verb, stored.name(), event); !seq.ok()) {
                  return seq.status();
                }
                return stored;
              });
        });
  });
}

}  // namespace

absl::StatusOr<v1::Plan> Plans::ApprovePlan(const server::Caller& caller, const v1::ApprovePlanRequest& request) {
  return TakeStep(db_, caller, kApprove, StepRequestOf(request));
}

absl::StatusOr<v1::Plan> Plans::EndorsePlan(const server::Caller& caller, const v1::EndorsePlanRequest& request) {
  return TakeStep(db_, caller, kEndorse, StepRequestOf(request));
}

absl::StatusOr<v1::Plan> Plans::ActivatePlan(const server::Caller& caller,
                                             const v1::ActivatePlanRequest& request) {
  return TakeStep(db_, caller, kActivate, StepRequestOf(request));
}

absl::StatusOr<v1::Plan> Plans::ClosePlan(const server::Caller& caller, const v1::ClosePlanRequest& request) {
  return TakeStep(db_, caller, kClose, StepRequestOf(request));
}

}  // namespace wp::governance
