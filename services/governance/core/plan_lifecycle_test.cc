#include "services/governance/core/plan_lifecycle.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

const PlanState kAll[] = {PlanState::kDraft, PlanState::kBoardApproved,
                          PlanState::kCommitteeEndorsed, PlanState::kActive, PlanState::kClosed};

absl::Time Day(int y, int m, int d) {
  return absl::FromCivil(absl::CivilDay(y, m, d), absl::UTCTimeZone());
}

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

TEST(PlanStateTest, NamesRoundTrip) {
  EXPECT_EQ(PlanStateName(PlanState::kDraft), "draft");
  EXPECT_EQ(PlanStateName(PlanState::kBoardApproved), "board_approved");
  EXPECT_EQ(PlanStateName(PlanState::kCommitteeEndorsed), "committee_endorsed");
  EXPECT_EQ(PlanStateName(PlanState::kActive), "active");
  EXPECT_EQ(PlanStateName(PlanState::kClosed), "closed");
  EXPECT_EQ(PlanStateName(static_cast<PlanState>(42)), "unknown");
  for (PlanState s : kAll) EXPECT_EQ(ParsePlanState(PlanStateName(s)), s);
  for (const char* bad : {"", "Draft", "board-approved", "unknown", "active "}) {
    EXPECT_FALSE(ParsePlanState(bad).has_value()) << bad;
  }
}

TEST(PlanStateTest, NextStateWalksForwardAndStopsAtClosed) {
  EXPECT_EQ(NextPlanState(PlanState::kDraft), PlanState::kBoardApproved);
  EXPECT_EQ(NextPlanState(PlanState::kBoardApproved), PlanState::kCommitteeEndorsed);
  EXPECT_EQ(NextPlanState(PlanState::kCommitteeEndorsed), PlanState::kActive);
  EXPECT_EQ(NextPlanState(PlanState::kActive), PlanState::kClosed);
  EXPECT_EQ(NextPlanState(PlanState::kClosed), std::nullopt);
  EXPECT_EQ(NextPlanState(static_cast<PlanState>(42)), std::nullopt);
}

TEST(CheckPlanTransitionTest, AllowsOnlyTheFourForwardSteps) {
  int allowed = 0;
  for (PlanState from : kAll) {
    for (PlanState to : kAll) {
      absl::Status s = CheckPlanTransition(from, to);
      const bool forward = NextPlanState(from) == to;
      EXPECT_EQ(s.ok(), forward) << PlanStateName(from) << " -> " << PlanStateName(to);
      if (forward) {
        ++allowed;
      } else {
        EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition)
            << PlanStateName(from) << " -> " << PlanStateName(to);
      }
    }
  }
  EXPECT_EQ(allowed, 4);
}

TEST(CheckPlanTransitionTest, RefusalNamesBothStatesAndTheNextStep) {
  // The 2020-23 "recovery and renewal" plan cannot go live without the Committee.
  absl::Status skip = CheckPlanTransition(PlanState::kBoardApproved, PlanState::kActive);
  EXPECT_EQ(skip.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(skip.message(),
            "plan cannot move from board_approved to active; the only allowed next step from "
            "board_approved is committee_endorsed");

  absl::Status back = CheckPlanTransition(PlanState::kActive, PlanState::kDraft);
  EXPECT_EQ(back.message(),
            "plan cannot move from active to draft; the only allowed next step from active is "
            "closed");

  absl::Status same = CheckPlanTransition(PlanState::kDraft, PlanState::kDraft);
  EXPECT_EQ(same.message(),
            "plan cannot move from draft to draft; the only allowed next step from draft is "
            "board_approved");
}

TEST(CheckPlanTransitionTest, ClosedIsFinal) {
  for (PlanState to : kAll) {
    absl::Status s = CheckPlanTransition(PlanState::kClosed, to);
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(s.message(), "plan cannot move from closed to " + std::string(PlanStateName(to)) +
                               "; closed is final");
  }
}

TEST(CheckPlanTransitionTest, UnknownStatesAreInvalidArguments) {
  absl::Status from = CheckPlanTransition(static_cast<PlanState>(42), PlanState::kActive);
  EXPECT_EQ(from.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(from), std::vector<std::string>{"plan.state"});

  absl::Status to = CheckPlanTransition(PlanState::kDraft, static_cast<PlanState>(-1));
  EXPECT_EQ(to.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(to.message(), "plan_step.to: is not a known plan state");
}

TEST(ValidateStepTest, AcceptsRecordedDecisions) {
  PlanStep approve{PlanState::kBoardApproved, "Board", Day(2020, 6, 11),
                   "meetings/board-2020-06-11"};
  EXPECT_TRUE(ValidateStep(approve).ok()) << ValidateStep(approve);

  PlanStep endorse{PlanState::kCommitteeEndorsed, "Regional Education Committee", Day(2020, 9, 3),
                   "meetings/rec-2020-09-03"};
  EXPECT_TRUE(ValidateStep(endorse).ok()) << ValidateStep(endorse);

  // Activation and closure may be recorded without a meeting.
  EXPECT_TRUE(ValidateStep({PlanState::kActive, "", Day(2020, 10, 1), ""}).ok());
  EXPECT_TRUE(
      ValidateStep({PlanState::kClosed, "Senior Partnership Officer", Day(2023, 6, 30), ""}).ok());
}

TEST(ValidateStepTest, ApprovalAndEndorsementNeedWhoAndMeeting) {
  for (PlanState to : {PlanState::kBoardApproved, PlanState::kCommitteeEndorsed}) {
    absl::Status s = ValidateStep({to, "  ", Day(2021, 1, 14), ""});
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(FieldsOf(s), (std::vector<std::string>{"plan_step.by", "plan_step.meeting"}));
    const std::string name(PlanStateName(to));
    EXPECT_EQ(s.message(), "plan_step.by: is required for " + name +
                               "; plan_step.meeting: is required for " + name);
  }
}

TEST(ValidateStepTest, ReportsEveryBadField) {
  absl::Status s =
      ValidateStep({PlanState::kDraft, std::string(201, 'x'), absl::Time(), std::string(201, 'm')});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), (std::vector<std::string>{"plan_step.to", "plan_step.at", "plan_step.by",
                                                   "plan_step.meeting"}));
  EXPECT_EQ(s.message(),
            "plan_step.to: cannot be draft; plans start as drafts; plan_step.at: is required; "
            "plan_step.by: must be at most 200 bytes; plan_step.meeting: must be at most 200 "
            "bytes");
}

TEST(ValidateStepTest, RejectsUnsetOrInfiniteTimesAndUnknownStates) {
  for (absl::Time at : {absl::Time(), absl::InfinitePast(), absl::InfiniteFuture()}) {
    absl::Status s = ValidateStep({PlanState::kActive, "", at, ""});
    EXPECT_EQ(s.message(), "plan_step.at: is required");
  }
  absl::Status s = ValidateStep({static_cast<PlanState>(7), "Board", Day(2021, 1, 14), "m"});
  EXPECT_EQ(s.message(), "plan_step.to: is not a known plan state");
}

TEST(ValidateStepTest, LengthLimitIsInclusive) {
  EXPECT_TRUE(ValidateStep({PlanState::kBoardApproved, std::string(200, 'x'), Day(2021, 1, 14),
                            std::string(200, 'm')})
                  .ok());
}

}  // namespace
}  // namespace wp::governance
