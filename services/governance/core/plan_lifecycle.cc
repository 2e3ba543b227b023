#include "services/governance/core/plan_lifecycle.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/text/blank.h"

namespace wp::governance {
namespace {

constexpr PlanState kAllStates[] = {PlanState::kDraft, PlanState::kBoardApproved,
                                    PlanState::kCommitteeEndorsed, PlanState::kActive,
                                    PlanState::kClosed};

constexpr size_t kMaxTextLength = 200;

bool IsKnown(PlanState state) {
  for (PlanState s : kAllStates) {
    if (s == state) return true;
  }
  return false;
}

}  // namespace

absl::string_view PlanStateName(PlanState state) {
  switch (state) {
    case PlanState::kDraft:
      return "draft";
    case PlanState::kBoardApproved:
      return "board_approved";
    case PlanState::kCommitteeEndorsed:
      return "committee_endorsed";
    case PlanState::kActive:
      return "active";
    case PlanState::kClosed:
      return "closed";
  }
  return "unknown";
}

std::optional<PlanState> ParsePlanState(absl::string_view name) {
  for (PlanState s : kAllStates) {
    if (PlanStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<PlanState> NextPlanState(PlanState state) {
  switch (state) {
    case PlanState::kDraft:
      return PlanState::kBoardApproved;
    case PlanState::kBoardApproved:
      return PlanState::kCommitteeEndorsed;
    case PlanState::kCommitteeEndorsed:
      return PlanState::kActive;
    case PlanState::kActive:
      return PlanState::kClosed;
    case PlanState::kClosed:
      break;
  }
  return std::nullopt;
}

absl::Status CheckPlanTransition(PlanState from, PlanState to) {
  if (!IsKnown(from)) return InvalidField("plan.state", "is not a known plan state");
  if (!IsKnown(to)) return InvalidField("plan_step.to", "is not a known plan state");
  const std::optional<PlanState> next = NextPlanState(from);
  if (!next.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("plan cannot move from closed to ", PlanStateName(to), "; closed is final"));
  }
  if (to == *next) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "plan cannot move from ", PlanStateName(from), " to ", PlanStateName(to),
      "; the only allowed next step from ", PlanStateName(from), " is ", PlanStateName(*next)));
}

absl::Status ValidateStep(const PlanStep& step) {
  FieldViolations v;
  if (!IsKnown(step.to)) {
    v.Add("plan_step.to", "is not a known plan state");
  } else if (step.to == PlanState::kDraft) {
    v.Add("plan_step.to", "cannot be draft; plans start as drafts");
  }
  if (step.at == absl::Time() || step.at == absl::InfinitePast() ||
      step.at == absl::InfiniteFuture()) {
    v.Add("plan_step.at", "is required");
  }
  const bool decision_of_a_body =
      step.to == PlanState::kBoardApproved || step.to == PlanState::kCommitteeEndorsed;
  if (text::IsBlank(step.by)) {
    if (decision_of_a_body) {
      v.Add("plan_step.by", absl::StrCat("is required for ", PlanStateName(step.to)));
    }
  } else if (step.by.size() > kMaxTextLength) {
    v.Add("plan_step.by", absl::StrCat("must be at most ", kMaxTextLength, " bytes"));
  }
  if (text::IsBlank(step.meeting)) {
    if (decision_of_a_body) {
      v.Add("plan_step.meeting", absl::StrCat("is required for ", PlanStateName(step.to)));
    }
  } else if (step.meeting.size() > kMaxTextLength) {
    v.Add("plan_step.meeting", absl::StrCat("must be at most ", kMaxTextLength, " bytes"));
  }
  return v.ToStatus();
}

}  // namespace wp::governance
