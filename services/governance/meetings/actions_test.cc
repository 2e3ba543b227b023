// Actions on either store engine: creating them for a body (from a meeting
// and decision or not), state changes and completed dates, overdue against
// today, listing with filters and pages, and the overdue events.
#include "services/governance/meetings/actions.h"

#include <functional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/governance/core/fields.h"
#include "services/governance/meetings/meetings_test_support.h"

namespace wp::governance {
namespace {

using test_support::Day;
using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

using Strings = std::vector<std::string>;

class ActionsTest : public test_support::MeetingsAreaTest {
 protected:
  void SetUp() override {
    MeetingsAreaTest::SetUp();
    AddPerson("jane-smith", "Jane Smith");
    AddPerson("tom-reid", "Tom Reid");
  }

  static v1::CreateActionRequest Request(const std::string& body, const std::string& description,
                                         const wp::common::v1::Date& due = {}) {
    v1::CreateActionRequest request;
    request.set_parent("bodies/" + body);
    request.mutable_action()->set_description(description);
    request.mutable_action()->set_owner("people/jane-smith");
    if (due.year() != 0) *request.mutable_action()->mutable_due_date() = due;
    return request;
  }

  v1::Action Create(const v1::CreateActionRequest& request) {
    auto action = actions_->CreateAction(caller_, request);
    EXPECT_TRUE(action.ok()) << action.status();
    return action.ok() ? *action : v1::Action();
  }

  v1::Action Get(const std::string& name) {
    v1::GetActionRequest request;
    request.set_name(name);
    auto action = actions_->GetAction(caller_, request);
    EXPECT_TRUE(action.ok()) << action.status();
    return action.ok() ? *action : v1::Action();
  }

  absl::StatusOr<v1::Action> Update(const std::string& name, const Strings& paths,
                                    const std::function<void(v1::Action*)>& edit) {
    v1::UpdateActionRequest request;
    request.mutable_action()->set_name(name);
    edit(request.mutable_action());
    for (const auto& p : paths) request.mutable_update_mask()->add_paths(p);
    return actions_->UpdateAction(caller_, request);
  }

  static wp::common::v1::Date Today() { return calendar::TodayUtc(); }
};

// ---- CreateAction ----

TEST_P(ActionsTest, ActionsAreNumberedWithinTheBodyAndOpenByDefault) {
  const v1::Action first = Create(Request("board", "Circulate the plan", Day(2090, 1, 31)));
  const v1::Action second = Create(Request("board", "Book the venue"));
  const v1::Action other = Create(Request("finance-sub-group", "Reconcile spend"));
  EXPECT_EQ(first.name(), "bodies/board/actions/1");
  EXPECT_EQ(second.name(), "bodies/board/actions/2");
  EXPECT_EQ(other.name(), "bodies/finance-sub-group/actions/1");
  EXPECT_EQ(first.state(), v1::Action::OPEN);
  EXPECT_EQ(first.owner(), "people/jane-smith");
  EXPECT_EQ(first.owner_display_name(), "Jane Smith");
  EXPECT_EQ(first.due_date().year(), 2090);
  EXPECT_FALSE(first.overdue());
  EXPECT_FALSE(second.has_due_date());
  EXPECT_EQ(first.etag(), "1");
  EXPECT_EQ(Get(first.name()).DebugString(), first.DebugString());
}

TEST_P(ActionsTest, CreatePublishesActionCreatedAndAudits) {
  const int64_t before = LastSeq(*db_);
  const v1::Action action = Create(Request("board", "Circulate the plan"));
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.action.created");
  EXPECT_EQ(events[0].subject(), action.name());
  v1::Action payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.DebugString(), action.DebugString());
  EXPECT_EQ(AuditOf(action.name()), Strings{"action.created"});
}

TEST_P(ActionsTest, AnActionMayComeFromAMeetingOfTheBodyAndOneOfItsDecisions) {
  SeatBoard();
  const v1::Meeting meeting = HeldBoardMeeting(Day(2022, 6, 14));
  const v1::Meeting other = HeldBoardMeeting(Day(2022, 8, 30));
  auto decision = Decide(meeting.name(), "Approve the plan");
  auto other_decision = Decide(other.name(), "Approve the budget");
  ASSERT_TRUE(decision.ok() && other_decision.ok());

  v1::CreateActionRequest request = Request("board", "Publish the approved plan");
  request.mutable_action()->set_meeting(meeting.name());
  request.mutable_action()->set_decision(decision->name());
  const v1::Action action = Create(request);
  EXPECT_EQ(action.meeting(), meeting.name());
  EXPECT_EQ(action.decision(), decision->name());

  request.mutable_action()->set_decision(other_decision->name());
  EXPECT_EQ(actions_->CreateAction(caller_, request).status().code(), absl::StatusCode::kFailedPrecondition);
  request.mutable_action()->set_decision("bodies/board/meetings/1/decisions/9");
  EXPECT_EQ(actions_->CreateAction(caller_, request).status().code(), absl::StatusCode::kNotFound);
  request.mutable_action()->clear_decision();
  request.mutable_action()->set_meeting("bodies/board/meetings/9");
  EXPECT_EQ(actions_->CreateAction(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(ActionsTest, CreateNamesEveryBadField) {
  v1::CreateActionRequest request;
  request.set_parent("bodies/Board");
  request.mutable_action()->set_description(" ");
  request.mutable_action()->set_meeting("bodies/board/meetings/x");
  request.mutable_action()->set_decision("bodies/board/meetings/1/decisions/1");
  *request.mutable_action()->mutable_due_date() = Day(2022, 4, 31);
  request.mutable_action()->set_state(static_cast<v1::Action::State>(7));
  *request.mutable_action()->mutable_completed_date() = Day(2090, 1, 1);
  request.mutable_action()->set_notes(std::string(20001, 'n'));
  request.set_request_id(std::string(101, 'r'));
  auto bad = actions_->CreateAction(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"parent", "action.description", "action.owner", "action.meeting", "action.due_date.day",
                     "action.state", "action.completed_date", "action.completed_date", "action.notes",
                     "request_id"}));

  v1::CreateActionRequest cross = Request("board", "From another body's meeting");
  cross.mutable_action()->set_owner("jane-smith");
  cross.mutable_action()->set_meeting("bodies/finance-sub-group/meetings/1");
  EXPECT_EQ(FieldsOf(actions_->CreateAction(caller_, cross).status()), (Strings{"action.owner", "action.meeting"}));

  v1::CreateActionRequest decision_alone = Request("board", "Decision without its meeting");
  decision_alone.mutable_action()->set_decision("bodies/board/meetings/1/decisions/1");
  EXPECT_EQ(FieldsOf(actions_->CreateAction(caller_, decision_alone).status()), Strings{"action.decision"});
}

TEST_P(ActionsTest, AMissingBodyOrOwnerIsNotFoundAndWritesNothing) {
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(actions_->CreateAction(caller_, Request("working-group", "x")).status().code(),
            absl::StatusCode::kNotFound);
  v1::CreateActionRequest request = Request("board", "x");
  request.mutable_action()->set_owner("people/nobody");
  EXPECT_EQ(actions_->CreateAction(caller_, request).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
}

TEST_P(ActionsTest, DoneWithoutACompletedDateIsDoneTodayAndOnlyDoneHasOne) {
  v1::CreateActionRequest request = Request("board", "Already done");
  request.mutable_action()->set_state(v1::Action::DONE);
  const v1::Action done = Create(request);
  EXPECT_EQ(DayText(done.completed_date()), DayText(Today()));

  *request.mutable_action()->mutable_completed_date() = Day(2022, 6, 1);
  EXPECT_EQ(DayText(Create(request).completed_date()), "2022-06-01");

  request.mutable_action()->set_state(v1::Action::IN_PROGRESS);
  auto bad = actions_->CreateAction(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"action.completed_date"});
}

TEST_P(ActionsTest, OverdueMeansOpenAndDueBeforeToday) {
  const v1::Action late = Create(Request("board", "Late", Day(2020, 1, 31)));
  EXPECT_TRUE(late.overdue());
  v1::CreateActionRequest finished = Request("board", "Late but done", Day(2020, 1, 31));
  finished.mutable_action()->set_state(v1::Action::DONE);
  EXPECT_FALSE(Create(finished).overdue());
  EXPECT_FALSE(Create(Request("board", "Due today", Today())).overdue());
}

TEST_P(ActionsTest, CreateRetriedWithTheSameRequestIdReturnsTheFirstAction) {
  v1::CreateActionRequest request = Request("board", "Once");
  request.set_request_id("action-1");
  const int64_t before = LastSeq(*db_);
  const v1::Action first = Create(request);
  const v1::Action again = Create(request);
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(EventsAfter(*db_, before).size(), 1u);
}

// ---- GetAction ----

TEST_P(ActionsTest, GetMalformedIsInvalidAndMissingIsNotFound) {
  v1::GetActionRequest request;
  request.set_name("bodies/board/action/1");
  auto bad = actions_->GetAction(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"name"});
  request.set_name("bodies/board/actions/1");
  EXPECT_EQ(actions_->GetAction(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- UpdateAction ----

TEST_P(ActionsTest, UpdateChangesTheMaskedFieldsAndPublishesActionUpdated) {
  const v1::Action action = Create(Request("board", "Draft", Day(2090, 1, 31)));
  const int64_t before = LastSeq(*db_);
  auto updated = Update(action.name(), {"description", "owner", "notes"}, [&](v1::Action* a) {
    a->set_etag(action.etag());
    a->set_description("Draft the report");
    a->set_owner("people/tom-reid");
    a->set_notes("First draft by June");
    a->set_state(v1::Action::CANCELLED);  // not in the mask
  });
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->description(), "Draft the report");
  EXPECT_EQ(updated->owner_display_name(), "Tom Reid");
  EXPECT_EQ(updated->notes(), "First draft by June");
  EXPECT_EQ(updated->state(), v1::Action::OPEN);
  EXPECT_EQ(updated->due_date().year(), 2090);
  EXPECT_EQ(updated->etag(), "2");
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.action.updated");
  EXPECT_EQ(events[0].subject(), action.name());
  v1::Action payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.DebugString(), updated->DebugString());
  EXPECT_EQ(AuditOf(action.name()), (Strings{"action.created", "action.updated"}));
}

TEST_P(ActionsTest, DoneSetsTodayAndMovingBackClearsTheCompletedDate) {
  const v1::Action action = Create(Request("board", "Report"));
  auto done = Update(action.name(), {"state"}, [](v1::Action* a) { a->set_state(v1::Action::DONE); });
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(DayText(done->completed_date()), DayText(Today()));
  auto dated = Update(action.name(), {"completed_date"},
                      [](v1::Action* a) { *a->mutable_completed_date() = Day(2022, 6, 1); });
  ASSERT_TRUE(dated.ok()) << dated.status();
  EXPECT_EQ(DayText(dated->completed_date()), "2022-06-01");
  auto reopened = Update(action.name(), {"state"}, [](v1::Action* a) { a->set_state(v1::Action::IN_PROGRESS); });
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_FALSE(reopened->has_completed_date());

  auto dated_open = Update(action.name(), {"completed_date"},
                           [](v1::Action* a) { *a->mutable_completed_date() = Day(2022, 6, 1); });
  EXPECT_EQ(dated_open.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(dated_open.status()), Strings{"action.completed_date"});
}

TEST_P(ActionsTest, AnEmptyMaskReplacesEveryFieldAndDropsAStaleCompletedDate) {
  const v1::Action action = Create(Request("board", "Report"));
  auto done = Update(action.name(), {"state"}, [](v1::Action* a) { a->set_state(v1::Action::DONE); });
  ASSERT_TRUE(done.ok());
  v1::Action back = *done;
  back.set_state(v1::Action::OPEN);  // completed_date comes back too, and is cleared
  back.set_notes("Reopened: figures were wrong");
  auto reopened = Update(action.name(), {}, [&](v1::Action* a) { *a = back; });
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ(reopened->state(), v1::Action::OPEN);
  EXPECT_FALSE(reopened->has_completed_date());
  EXPECT_EQ(reopened->notes(), "Reopened: figures were wrong");
}

TEST_P(ActionsTest, UpdateNamesBadFieldsUnknownPathsStaleEtagsAndMissingOwners) {
  const v1::Action action = Create(Request("board", "Report"));
  auto unknown = Update(action.name(), {"meeting"}, [](v1::Action*) {});
  EXPECT_EQ(FieldsOf(unknown.status()), Strings{"update_mask"});

  auto bad = Update("bodies/board/actions/one", {}, [](v1::Action* a) {
    a->set_owner("tom");
    *a->mutable_due_date() = Day(2022, 2, 30);
    *a->mutable_completed_date() = Day(2090, 1, 1);
  });
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (Strings{"action.name", "action.description", "action.owner", "action.due_date.day",
                                             "action.state", "action.completed_date"}));

  auto stale = Update(action.name(), {"notes"}, [](v1::Action* a) {
    a->set_etag("5");
    a->set_notes("x");
  });
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  auto no_owner = Update(action.name(), {"owner"}, [](v1::Action* a) { a->set_owner("people/nobody"); });
  EXPECT_EQ(no_owner.status().code(), absl::StatusCode::kNotFound);
  auto missing = Update("bodies/board/actions/9", {"notes"}, [](v1::Action* a) { a->set_notes("x"); });
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get(action.name()).etag(), "1");
}

// ---- ListActions ----

class ListActionsTest : public ActionsTest {
 protected:
  void SetUp() override {
    ActionsTest::SetUp();
    SeatBoard();
    meeting_ = HeldBoardMeeting(Day(2022, 6, 14));
    Add("board", "b1 due 2022-07-01", "2022-07-01", v1::Action::OPEN, "jane-smith", meeting_.name());
    Add("board", "b2 no date", "", v1::Action::OPEN, "jane-smith", "");
    Add("finance-sub-group", "f1 due 2022-05-01", "2022-05-01", v1::Action::IN_PROGRESS, "tom-reid", "");
    Add("board", "b3 due 2022-05-01", "2022-05-01", v1::Action::DONE, "tom-reid", meeting_.name());
    Add("finance-sub-group", "f2 no date", "", v1::Action::CANCELLED, "jane-smith", "");
    Add("board", "b5 due 2090-01-01", "2090-01-01", v1::Action::OPEN, "tom-reid", "");
  }

  void Add(const std::string& body, const std::string& description, const std::string& due, v1::Action::State state,
           const std::string& owner, const std::string& meeting) {
    v1::CreateActionRequest request = Request(body, description);
    if (auto day = calendar::FromIsoText(due)) *request.mutable_action()->mutable_due_date() = *day;
    request.mutable_action()->set_state(state);
    request.mutable_action()->set_owner("people/" + owner);
    request.mutable_action()->set_meeting(meeting);
    Create(request);
  }

  Strings List(v1::ListActionsRequest request) {
    auto response = actions_->ListActions(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    Strings out;
    if (!response.ok()) return out;
    for (const auto& a : response->actions()) out.push_back(a.description());
    return out;
  }

  static v1::ListActionsRequest ListRequest(const std::string& parent) {
    v1::ListActionsRequest request;
    request.set_parent(parent);
    return request;
  }

  v1::Meeting meeting_;
};

TEST_P(ListActionsTest, EveryBodyByDueDateWithNoneLastThenName) {
  EXPECT_EQ(List(ListRequest("bodies/-")),
            (Strings{"b3 due 2022-05-01", "f1 due 2022-05-01", "b1 due 2022-07-01", "b5 due 2090-01-01",
                     "b2 no date", "f2 no date"}));
  EXPECT_EQ(List(ListRequest("bodies/finance-sub-group")), (Strings{"f1 due 2022-05-01", "f2 no date"}));
}

TEST_P(ListActionsTest, FiltersByOwnerStatesOverdueAndMeeting) {
  v1::ListActionsRequest owner = ListRequest("bodies/-");
  owner.set_owner("people/tom-reid");
  EXPECT_EQ(List(owner), (Strings{"b3 due 2022-05-01", "f1 due 2022-05-01", "b5 due 2090-01-01"}));
  owner.add_states(v1::Action::OPEN);
  owner.add_states(v1::Action::DONE);
  EXPECT_EQ(List(owner), (Strings{"b3 due 2022-05-01", "b5 due 2090-01-01"}));

  v1::ListActionsRequest overdue = ListRequest("bodies/-");
  *overdue.mutable_overdue_as_of() = Day(2022, 7, 2);
  EXPECT_EQ(List(overdue), (Strings{"f1 due 2022-05-01", "b1 due 2022-07-01"}));

  v1::ListActionsRequest from_meeting = ListRequest("bodies/-");
  from_meeting.set_meeting(meeting_.name());
  EXPECT_EQ(List(from_meeting), (Strings{"b3 due 2022-05-01", "b1 due 2022-07-01"}));
}

TEST_P(ListActionsTest, OverdueIsJudgedOnToday) {
  auto response = actions_->ListActions(caller_, ListRequest("bodies/board"));
  ASSERT_TRUE(response.ok()) << response.status();
  Strings overdue;
  for (const auto& a : response->actions()) {
    if (a.overdue()) overdue.push_back(a.description());
  }
  EXPECT_EQ(overdue, Strings{"b1 due 2022-07-01"});
}

TEST_P(ListActionsTest, PagesFollowOneAnotherAcrossDatesAndNoDates) {
  v1::ListActionsRequest request = ListRequest("bodies/-");
  request.add_states(v1::Action::OPEN);
  request.add_states(v1::Action::IN_PROGRESS);
  request.add_states(v1::Action::CANCELLED);
  request.set_page_size(2);
  Strings seen;
  for (int page = 0; page < 10; ++page) {
    auto response = actions_->ListActions(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    ASSERT_LE(response->actions_size(), 2);
    for (const auto& a : response->actions()) seen.push_back(a.description());
    if (response->next_page_token().empty()) break;
    request.set_page_token(response->next_page_token());
  }
  EXPECT_EQ(seen, (Strings{"f1 due 2022-05-01", "b1 due 2022-07-01", "b5 due 2090-01-01", "b2 no date",
                           "f2 no date"}));
  request.set_page_size(1);
  request.clear_page_token();
  Strings one_by_one;
  for (int page = 0; page < 10; ++page) {
    auto response = actions_->ListActions(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& a : response->actions()) one_by_one.push_back(a.description());
    if (response->next_page_token().empty()) break;
    request.set_page_token(response->next_page_token());
  }
  EXPECT_EQ(one_by_one, seen);
}

TEST_P(ListActionsTest, BadFiltersAreNamedAndMissingParentsAreNotFound) {
  v1::ListActionsRequest request = ListRequest("bodies/board");
  request.set_owner("jane");
  request.add_states(v1::Action::STATE_UNSPECIFIED);
  *request.mutable_overdue_as_of() = test_support::Month(2022, 7);
  request.set_meeting("bodies/finance-sub-group/meetings/1");
  request.set_page_size(-5);
  request.set_page_token("x");
  auto bad = actions_->ListActions(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"owner", "states[0]", "overdue_as_of.day", "meeting", "page_size", "page_token"}));
  v1::ListActionsRequest parent = ListRequest("bodies/board/actions");
  EXPECT_EQ(FieldsOf(actions_->ListActions(caller_, parent).status()), Strings{"parent"});

  EXPECT_EQ(actions_->ListActions(caller_, ListRequest("bodies/working-group")).status().code(),
            absl::StatusCode::kNotFound);
  v1::ListActionsRequest meeting = ListRequest("bodies/-");
  meeting.set_meeting("bodies/board/meetings/9");
  EXPECT_EQ(actions_->ListActions(caller_, meeting).status().code(), absl::StatusCode::kNotFound);
}

// ---- PublishOverdue ----

TEST_P(ActionsTest, OverdueIsPublishedOncePerDueDate) {
  const v1::Action late = Create(Request("board", "Late", Day(2022, 6, 30)));
  Create(Request("board", "Not yet due", Day(2022, 7, 1)));
  Create(Request("board", "No date"));
  v1::CreateActionRequest done = Request("board", "Done", Day(2022, 6, 1));
  done.mutable_action()->set_state(v1::Action::DONE);
  Create(done);
  v1::CreateActionRequest started = Request("finance-sub-group", "Started", Day(2022, 5, 31));
  started.mutable_action()->set_state(v1::Action::IN_PROGRESS);
  const v1::Action in_progress = Create(started);

  int64_t before = LastSeq(*db_);
  auto published = actions_->PublishOverdue(caller_, "2022-07-01");
  ASSERT_TRUE(published.ok()) << published.status();
  EXPECT_EQ(*published, 2);
  auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), "wp.governance.action.overdue");
  EXPECT_EQ(events[0].subject(), in_progress.name());
  EXPECT_EQ(events[1].subject(), late.name());
  v1::ActionOverdue payload;
  ASSERT_TRUE(events[1].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.action().name(), late.name());
  EXPECT_TRUE(payload.action().overdue());
  EXPECT_EQ(DayText(payload.overdue_since()), "2022-07-01");
  EXPECT_EQ(AuditOf(late.name()), (Strings{"action.created", "action.overdue"}));

  // Again on the same day or later: nothing new for the same due dates.
  EXPECT_EQ(*actions_->PublishOverdue(caller_, "2022-07-01"), 0);
  EXPECT_EQ(*actions_->PublishOverdue(caller_, "2022-07-05"), 1);  // "Not yet due" has passed now
  EXPECT_EQ(Get(late.name()).etag(), "1");  // publishing is not a change to the action
}

TEST_P(ActionsTest, MovingTheDueDateAndPassingItAgainPublishesAgain) {
  const v1::Action action = Create(Request("board", "Slipping", Day(2022, 6, 30)));
  ASSERT_EQ(*actions_->PublishOverdue(caller_, "2022-07-01"), 1);
  ASSERT_TRUE(Update(action.name(), {"due_date"}, [](v1::Action* a) {
                *a->mutable_due_date() = Day(2022, 7, 31);
              }).ok());
  EXPECT_EQ(*actions_->PublishOverdue(caller_, "2022-07-20"), 0);
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(*actions_->PublishOverdue(caller_, "2022-08-01"), 1);
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  v1::ActionOverdue payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(DayText(payload.overdue_since()), "2022-08-01");
}

TEST_P(ActionsTest, PublishOverdueNeedsADay) {
  for (const char* today : {"", "2022-07", "2022-07-00", "2022-13-01", "yesterday"}) {
    auto published = actions_->PublishOverdue(caller_, today);
    EXPECT_EQ(published.status().code(), absl::StatusCode::kInvalidArgument) << today;
    EXPECT_EQ(FieldsOf(published.status()), Strings{"today"}) << today;
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ActionsTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(ListActionsTest);

}  // namespace
}  // namespace wp::governance
