// The life of an improvement plan: draft -> board_approved ->
// committee_endorsed -> active -> closed, one forward step at a time, each step
// recorded with who took it, when, and at which meeting.
//
// The Board owns the plan and approves it; the Regional Education Committee
// then scrutinises and endorses it; only then does it become active. Skipping
// or reversing a step would let a plan run without that scrutiny, so every
// other move is refused. Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_CORE_PLAN_LIFECYCLE_H_
#define WP_SERVICES_GOVERNANCE_CORE_PLAN_LIFECYCLE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace wp::governance {

enum class PlanState { kDraft, kBoardApproved, kCommitteeEndorsed, kActive, kClosed };

// "draft", "board_approved", "committee_endorsed", "active", "closed";
// "unknown" for a value outside the enum.
absl::string_view PlanStateName(PlanState state);

// The inverse of PlanStateName; nullopt for any other text.
std::optional<PlanState> ParsePlanState(absl::string_view name);

// The one state a plan in `state` may move to; nullopt once closed (final).
std::optional<PlanState> NextPlanState(PlanState state);

// OK only for the forward step to NextPlanState(from). Anything else is
// FAILED_PRECONDITION naming both states and the allowed next step. A value
// outside the enum is INVALID_ARGUMENT naming "plan.state" (from) or
// "plan_step.to" (to).
absl::Status CheckPlanTransition(PlanState from, PlanState to);

// One recorded step in a plan's life.
struct PlanStep {
  PlanState to = PlanState::kDraft;
  std::string by;       // who took the step, e.g. "Board" or a person's name
  absl::Time at;        // when; the default (the Unix epoch) counts as unset
  std::string meeting;  // the meeting that decided it, e.g. "meetings/board-2022-06-14"
};

// Checks the step on its own, all violations at once (INVALID_ARGUMENT naming
// plan_step.to / .by / .at / .meeting):
//   - `to` is a known state other than draft (plans start as drafts);
//   - `at` is set and finite;
//   - approval and endorsement are decisions of a body, so they need `by` and
//     `meeting`; for activation and closure both are optional;
//   - `by` and `meeting` are at most 200 bytes.
// Whether the step may follow the plan's current state is CheckPlanTransition's job.
absl::Status ValidateStep(const PlanStep& step);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CORE_PLAN_LIFECYCLE_H_
