// The meeting pack on either store engine: the agenda, the body's open
// actions with overdue judged on the meeting date, the decisions due
// (agenda items, then plans waiting for the body) and the matters arising
// from the previous held meeting.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/governance/meetings/meetings.h"
#include "services/governance/meetings/meetings_test_support.h"

namespace wp::governance {
namespace {

using test_support::Day;
using test_support::FieldsOf;
using test_support::LastSeq;

using Strings = std::vector<std::string>;

class MeetingPackTest : public test_support::MeetingsAreaTest {
 protected:
  void SetUp() override {
    MeetingsAreaTest::SetUp();
    SeatBoard();
    AddPerson("officer", "Olive Officer");
  }

  v1::MeetingPack Pack(const std::string& name) {
    v1::GetMeetingPackRequest request;
    request.set_name(name);
    auto pack = meetings_->GetMeetingPack(caller_, request);
    EXPECT_TRUE(pack.ok()) << pack.status();
    return pack.ok() ? *pack : v1::MeetingPack();
  }

  std::string Act(const std::string& body, const std::string& description, const std::string& due,
                  v1::Action::State state = v1::Action::OPEN) {
    v1::CreateActionRequest request;
    request.set_parent("bodies/" + body);
    request.mutable_action()->set_description(description);
    request.mutable_action()->set_owner("people/officer");
    if (!due.empty()) {
      auto day = calendar::FromIsoText(due);
      EXPECT_TRUE(day.has_value());
      if (day.has_value()) *request.mutable_action()->mutable_due_date() = *day;
    }
    request.mutable_action()->set_state(state);
    auto action = actions_->CreateAction(caller_, request);
    EXPECT_TRUE(action.ok()) << action.status();
    return action.ok() ? action->name() : "";
  }

  static Strings ActionsOf(const v1::MeetingPack& pack) {
    Strings out;
    for (const auto& a : pack.open_actions()) out.push_back(a.description() + (a.overdue() ? " (overdue)" : ""));
    return out;
  }

  static Strings DueOf(const v1::MeetingPack& pack) {
    Strings out;
    for (const auto& d : pack.decisions_due()) {
      out.push_back(v1::DecisionDue::Kind_Name(d.kind()) + " " + std::to_string(d.agenda_item()) + " " + d.plan() +
                    " " + d.summary());
    }
    return out;
  }
};

TEST_P(MeetingPackTest, OpenActionsComeByDueDateWithOverdueJudgedOnTheMeetingDate) {
  const v1::Meeting meeting = HeldBoardMeeting(Day(2022, 6, 14));
  Act("board", "No date", "");
  Act("board", "Due after", "2022-07-01");
  Act("board", "Due before", "2022-06-01", v1::Action::IN_PROGRESS);
  Act("board", "Due on the day", "2022-06-14");
  Act("board", "Done", "2022-05-01", v1::Action::DONE);
  Act("board", "Dropped", "2022-05-01", v1::Action::CANCELLED);
  Act("finance-sub-group", "Another body's", "2022-05-01");
  const v1::MeetingPack pack = Pack(meeting.name());
  EXPECT_EQ(pack.meeting().name(), meeting.name());
  EXPECT_EQ(ActionsOf(pack), (Strings{"Due before (overdue)", "Due on the day", "Due after", "No date"}));
}

TEST_P(MeetingPackTest, DecisionsDueAreAgendaItemsInOrderThenDraftPlansForTheBoard) {
  AddPlan("2022-23", "Regional Improvement Plan 2022-23", 1);
  AddPlan("2021-22", "Regional Improvement Plan 2021-22", 1);
  AddPlan("2018-21", "Regional Improvement Plan 2018-21", 2);
  AddPlan("2019-20", "Regional Improvement Plan 2019-20", 4);
  auto meeting = Schedule("board", Day(2022, 6, 14),
                          {Item("Welcome"), Item("Budget reallocation", 0, true), Item("Minutes", 0, true)});
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  EXPECT_EQ(DueOf(Pack(meeting->name())),
            (Strings{"AGENDA_ITEM 2  Budget reallocation", "AGENDA_ITEM 3  Minutes",
                     "PLAN_APPROVAL 0 plans/2021-22 Approve Regional Improvement Plan 2021-22",
                     "PLAN_APPROVAL 0 plans/2022-23 Approve Regional Improvement Plan 2022-23"}));
}

TEST_P(MeetingPackTest, APlanAnAgendaItemPutsToTheMeetingIsNotListedTwice) {
  AddPlan("2022-23", "Regional Improvement Plan 2022-23", 1);
  auto meeting = Schedule("board", Day(2022, 6, 14), {Item("Approve the plan", 0, true, "plans/2022-23")});
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  EXPECT_EQ(DueOf(Pack(meeting->name())), (Strings{"AGENDA_ITEM 1 plans/2022-23 Approve the plan"}));
}

TEST_P(MeetingPackTest, TheCommitteeIsAskedToEndorseBoardApprovedPlansAndOtherBodiesNothing) {
  AddPlan("2022-23", "Regional Improvement Plan 2022-23", 2);
  AddPlan("2023-24", "Regional Improvement Plan 2023-24", 1);
  auto committee = Schedule("regional-education-committee", Day(2022, 6, 14));
  ASSERT_TRUE(committee.ok()) << committee.status();
  EXPECT_EQ(DueOf(Pack(committee->name())),
            (Strings{"PLAN_ENDORSEMENT 0 plans/2022-23 Endorse Regional Improvement Plan 2022-23"}));
  auto group = Schedule("implementation-group", Day(2022, 6, 14));
  ASSERT_TRUE(group.ok()) << group.status();
  EXPECT_TRUE(Pack(group->name()).decisions_due().empty());
}

TEST_P(MeetingPackTest, MattersArisingComeFromThePreviousHeldMeetingOfTheBody) {
  const v1::Meeting first = HeldBoardMeeting(Day(2022, 4, 12));
  const v1::Meeting second = HeldBoardMeeting(Day(2022, 5, 10));
  ASSERT_TRUE(Decide(first.name(), "Old decision").ok());
  ASSERT_TRUE(Decide(second.name(), "Agreed the budget").ok());
  ASSERT_TRUE(Decide(second.name(), "Noted the risk register", v1::Decision::NOTED).ok());
  auto cancelled = Schedule("board", Day(2022, 5, 30));
  ASSERT_TRUE(cancelled.ok());
  v1::CancelMeetingRequest cancel;
  cancel.set_name(cancelled->name());
  cancel.set_reason("Clash");
  ASSERT_TRUE(meetings_->CancelMeeting(caller_, cancel).ok());
  ASSERT_TRUE(Schedule("board", Day(2022, 6, 1)).ok());  // scheduled, not held
  HeldBoardMeeting(Day(2022, 7, 1));                      // after the meeting
  auto other_body = Schedule("finance-sub-group", Day(2022, 6, 1));
  ASSERT_TRUE(other_body.ok());

  auto meeting = Schedule("board", Day(2022, 6, 14));
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  const v1::MeetingPack pack = Pack(meeting->name());
  EXPECT_EQ(pack.previous_meeting(), second.name());
  ASSERT_EQ(pack.previous_decisions_size(), 2);
  EXPECT_EQ(pack.previous_decisions(0).text(), "Agreed the budget");
  EXPECT_EQ(pack.previous_decisions(1).outcome(), v1::Decision::NOTED);

  EXPECT_EQ(Pack(first.name()).previous_meeting(), "");
  EXPECT_TRUE(Pack(first.name()).previous_decisions().empty());
}

TEST_P(MeetingPackTest, OnTheSameDayTheEarlierNumberedMeetingComesFirst) {
  const v1::Meeting morning = HeldBoardMeeting(Day(2022, 6, 14));
  const v1::Meeting afternoon = HeldBoardMeeting(Day(2022, 6, 14));
  EXPECT_EQ(Pack(afternoon.name()).previous_meeting(), morning.name());
  EXPECT_EQ(Pack(morning.name()).previous_meeting(), "");
}

TEST_P(MeetingPackTest, ThePackIsAPureReadAndNamesAreChecked) {
  const v1::Meeting meeting = HeldBoardMeeting(Day(2022, 6, 14));
  const int64_t before = LastSeq(*db_);
  const size_t audited = AuditOf(meeting.name()).size();
  Pack(meeting.name());
  EXPECT_EQ(LastSeq(*db_), before);
  EXPECT_EQ(AuditOf(meeting.name()).size(), audited);

  v1::GetMeetingPackRequest request;
  request.set_name("bodies/board");
  auto bad = meetings_->GetMeetingPack(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"name"});
  request.set_name("bodies/board/meetings/99");
  EXPECT_EQ(meetings_->GetMeetingPack(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(MeetingPackTest);

}  // namespace
}  // namespace wp::governance
