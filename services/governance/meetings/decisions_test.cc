// Decisions on either store engine: recorded only at held meetings,
// numbered within the meeting, checked against the agenda, plans and the
// decisions they supersede, listed across meetings with filters and pages.
#include "services/governance/meetings/decisions.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/governance/meetings/meetings_test_support.h"

namespace wp::governance {
namespace {

using test_support::Day;
using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

using Strings = std::vector<std::string>;

class DecisionsTest : public test_support::MeetingsAreaTest {
 protected:
  void SetUp() override {
    MeetingsAreaTest::SetUp();
    SeatBoard();
    AddPlan("2022-23", "Regional Improvement Plan 2022-23", 1);
    meeting_ = HeldBoardMeeting(Day(2022, 6, 14), {Item("Minutes"), Item("Plan approval", 0, true, "plans/2022-23")});
  }

  static v1::RecordDecisionRequest Request(const std::string& parent, const std::string& text) {
    v1::RecordDecisionRequest request;
    request.set_parent(parent);
    request.mutable_decision()->set_text(text);
    request.mutable_decision()->set_outcome(v1::Decision::AGREED);
    return request;
  }

  absl::StatusOr<v1::Decision> Record(const v1::RecordDecisionRequest& request) {
    return decisions_->RecordDecision(caller_, request);
  }

  v1::Meeting meeting_;
};

// ---- RecordDecision ----

TEST_P(DecisionsTest, DecisionsAreNumberedWithinTheMeetingAndCarryItsDate) {
  v1::RecordDecisionRequest request = Request(meeting_.name(), "The Board approved the plan.");
  request.mutable_decision()->set_agenda_item(2);
  request.mutable_decision()->set_plan("plans/2022-23");
  request.mutable_decision()->add_plan_item_refs("4.2");
  request.mutable_decision()->add_plan_item_refs("1.10");
  auto first = Record(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->name(), "bodies/board/meetings/1/decisions/1");
  EXPECT_EQ(first->meeting(), meeting_.name());
  EXPECT_EQ(first->meeting_date().day(), 14);
  EXPECT_EQ(first->agenda_item(), 2);
  EXPECT_EQ(first->plan(), "plans/2022-23");
  EXPECT_EQ(Strings(first->plan_item_refs().begin(), first->plan_item_refs().end()), (Strings{"4.2", "1.10"}));
  EXPECT_GT(first->create_time().seconds(), 0);
  auto second = Decide(meeting_.name(), "Noted the finance report", v1::Decision::NOTED);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->name(), "bodies/board/meetings/1/decisions/2");

  v1::GetDecisionRequest get;
  get.set_name(first->name());
  auto got = decisions_->GetDecision(caller_, get);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->DebugString(), first->DebugString());

  v1::GetMeetingRequest get_meeting;
  get_meeting.set_name(meeting_.name());
  auto meeting = meetings_->GetMeeting(caller_, get_meeting);
  ASSERT_TRUE(meeting.ok());
  EXPECT_EQ(meeting->decision_count(), 2);
}

TEST_P(DecisionsTest, RecordingPublishesDecisionRecordedWithTheBodyAndAudits) {
  const int64_t before = LastSeq(*db_);
  auto decision = Decide(meeting_.name(), "Agreed the timetable");
  ASSERT_TRUE(decision.ok()) << decision.status();
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.decision.recorded");
  EXPECT_EQ(events[0].subject(), decision->name());
  v1::DecisionRecorded payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.decision().DebugString(), decision->DebugString());
  EXPECT_EQ(payload.body(), "bodies/board");
  EXPECT_EQ(payload.body_kind(), v1::Body::BOARD);
  EXPECT_EQ(AuditOf(decision->name()), Strings{"decision.recorded"});
}

TEST_P(DecisionsTest, OnlyAHeldMeetingTakesDecisions) {
  auto scheduled = Schedule("board", Day(2022, 8, 30));
  ASSERT_TRUE(scheduled.ok());
  EXPECT_EQ(Decide(scheduled->name(), "Too early").status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Decide("bodies/board/meetings/9", "Nowhere").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Decide("bodies/working-group/meetings/1", "Nobody").status().code(), absl::StatusCode::kNotFound);
}

TEST_P(DecisionsTest, RecordNamesEveryBadField) {
  v1::RecordDecisionRequest request;
  request.set_parent("bodies/board/meetings/x");
  request.mutable_decision()->set_text("  ");
  request.mutable_decision()->set_agenda_item(-1);
  request.mutable_decision()->set_plan("plans/2022_23");
  request.mutable_decision()->add_plan_item_refs("4");
  request.mutable_decision()->set_supersedes("bodies/board/decisions/1");
  request.set_request_id(std::string(101, 'r'));
  auto bad = Record(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"parent", "decision.text", "decision.outcome", "decision.agenda_item", "decision.plan",
                     "decision.plan_item_refs[0]", "decision.supersedes", "request_id"}));

  v1::RecordDecisionRequest more = Request(meeting_.name(), "Text");
  more.mutable_decision()->set_outcome(static_cast<v1::Decision::Outcome>(9));
  more.mutable_decision()->add_plan_item_refs("4.2");
  more.mutable_decision()->add_plan_item_refs("4.2");
  more.mutable_decision()->set_supersedes("bodies/finance-sub-group/meetings/1/decisions/1");
  EXPECT_EQ(FieldsOf(Record(more).status()),
            (Strings{"decision.outcome", "decision.plan_item_refs", "decision.plan_item_refs[1]",
                     "decision.supersedes"}));
}

TEST_P(DecisionsTest, TheAgendaItemMustBeOnTheMeetingsAgenda) {
  v1::RecordDecisionRequest request = Request(meeting_.name(), "Under item 3");
  request.mutable_decision()->set_agenda_item(3);
  auto bad = Record(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"decision.agenda_item"});
}

TEST_P(DecisionsTest, AMissingPlanOrSupersededDecisionIsNotFound) {
  v1::RecordDecisionRequest request = Request(meeting_.name(), "About a plan");
  request.mutable_decision()->set_plan("plans/2030-31");
  EXPECT_EQ(Record(request).status().code(), absl::StatusCode::kNotFound);
  v1::RecordDecisionRequest supersedes = Request(meeting_.name(), "Replaces");
  supersedes.mutable_decision()->set_supersedes("bodies/board/meetings/1/decisions/7");
  EXPECT_EQ(Record(supersedes).status().code(), absl::StatusCode::kNotFound);
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(Record(request).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
}

TEST_P(DecisionsTest, ADecisionSupersedesOnlyAnEarlierOneOfTheSameBody) {
  auto original = Decide(meeting_.name(), "Allocate 10,000 pounds");
  ASSERT_TRUE(original.ok());
  const v1::Meeting later = HeldBoardMeeting(Day(2022, 8, 30));
  v1::RecordDecisionRequest request = Request(later.name(), "Allocate 12,000 pounds instead");
  request.mutable_decision()->set_supersedes(original->name());
  auto replacement = Record(request);
  ASSERT_TRUE(replacement.ok()) << replacement.status();
  EXPECT_EQ(replacement->supersedes(), original->name());

  // A meeting recorded afterwards for an earlier date cannot supersede a later decision.
  const v1::Meeting earlier = HeldBoardMeeting(Day(2022, 5, 10));
  v1::RecordDecisionRequest backwards = Request(earlier.name(), "Backwards");
  backwards.mutable_decision()->set_supersedes(replacement->name());
  auto bad = Record(backwards);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"decision.supersedes"});
}

TEST_P(DecisionsTest, RecordRetriedWithTheSameRequestIdReturnsTheFirstDecision) {
  v1::RecordDecisionRequest request = Request(meeting_.name(), "Once only");
  request.set_request_id("decision-1");
  const int64_t before = LastSeq(*db_);
  auto first = Record(request);
  auto again = Record(request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(EventsAfter(*db_, before).size(), 1u);
}

// ---- GetDecision ----

TEST_P(DecisionsTest, GetMalformedIsInvalidAndMissingIsNotFound) {
  v1::GetDecisionRequest request;
  request.set_name("bodies/board/meetings/1");
  auto bad = decisions_->GetDecision(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"name"});
  request.set_name("bodies/board/meetings/1/decisions/4");
  EXPECT_EQ(decisions_->GetDecision(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- ListDecisions ----

class ListDecisionsTest : public DecisionsTest {
 protected:
  void SetUp() override {
    DecisionsTest::SetUp();
    AddPlan("2023-24", "Regional Improvement Plan 2023-24", 1);
    Seat("regional-education-committee", "convener", v1::Membership::CHAIR);
    for (const char* c : {"c1", "c2", "c3", "c4"}) Seat("regional-education-committee", c, v1::Membership::CONVENER);
    // board/1 on 2022-06-14 (from SetUp), committee/1 on 2022-05-01, board/2 on 2022-08-30.
    auto committee = Schedule("regional-education-committee", Day(2022, 5, 1));
    ASSERT_TRUE(committee.ok());
    ASSERT_TRUE(Hold(committee->name(), {"convener", "c1", "c2", "c3", "c4"}).ok());
    const v1::Meeting august = HeldBoardMeeting(Day(2022, 8, 30));

    Add(meeting_.name(), "b1-1 plan 4.2", v1::Decision::AGREED, "plans/2022-23", {"4.2"});
    Add(meeting_.name(), "b1-2 plan 14.2", v1::Decision::REJECTED, "plans/2022-23", {"14.2", "4.21"});
    Add(committee->name(), "c1-1 no plan", v1::Decision::NOTED, "", {});
    Add(august.name(), "b2-1 plan 4.2 and 1.1", v1::Decision::DEFERRED, "plans/2022-23", {"1.1", "4.2"});
    Add(august.name(), "b2-2 other plan 4.2", v1::Decision::AGREED, "plans/2023-24", {"4.2"});
  }

  void Add(const std::string& meeting, const std::string& text, v1::Decision::Outcome outcome,
           const std::string& plan, const Strings& refs) {
    v1::RecordDecisionRequest request = Request(meeting, text);
    request.mutable_decision()->set_outcome(outcome);
    request.mutable_decision()->set_plan(plan);
    for (const auto& r : refs) request.mutable_decision()->add_plan_item_refs(r);
    auto decision = Record(request);
    ASSERT_TRUE(decision.ok()) << decision.status();
  }

  Strings Texts(v1::ListDecisionsRequest request) {
    auto response = decisions_->ListDecisions(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    Strings texts;
    if (!response.ok()) return texts;
    for (const auto& d : response->decisions()) texts.push_back(d.text());
    return texts;
  }

  static v1::ListDecisionsRequest ListRequest(const std::string& parent) {
    v1::ListDecisionsRequest request;
    request.set_parent(parent);
    return request;
  }
};

TEST_P(ListDecisionsTest, AcrossBodiesAndMeetingsByMeetingDateThenName) {
  EXPECT_EQ(Texts(ListRequest("bodies/-/meetings/-")),
            (Strings{"c1-1 no plan", "b1-1 plan 4.2", "b1-2 plan 14.2", "b2-1 plan 4.2 and 1.1",
                     "b2-2 other plan 4.2"}));
  EXPECT_EQ(Texts(ListRequest("bodies/board/meetings/-")),
            (Strings{"b1-1 plan 4.2", "b1-2 plan 14.2", "b2-1 plan 4.2 and 1.1", "b2-2 other plan 4.2"}));
  EXPECT_EQ(Texts(ListRequest("bodies/board/meetings/2")), (Strings{"b2-1 plan 4.2 and 1.1", "b2-2 other plan 4.2"}));
  EXPECT_EQ(Texts(ListRequest("bodies/-/meetings/1")), (Strings{"c1-1 no plan", "b1-1 plan 4.2", "b1-2 plan 14.2"}));
}

TEST_P(ListDecisionsTest, FiltersByPlanRefOutcomeAndDate) {
  v1::ListDecisionsRequest request = ListRequest("bodies/-/meetings/-");
  request.set_plan("plans/2022-23");
  EXPECT_EQ(Texts(request), (Strings{"b1-1 plan 4.2", "b1-2 plan 14.2", "b2-1 plan 4.2 and 1.1"}));
  request.set_plan_item_ref("4.2");  // not 14.2 nor 4.21
  EXPECT_EQ(Texts(request), (Strings{"b1-1 plan 4.2", "b2-1 plan 4.2 and 1.1"}));
  request.add_outcomes(v1::Decision::DEFERRED);
  EXPECT_EQ(Texts(request), (Strings{"b2-1 plan 4.2 and 1.1"}));

  v1::ListDecisionsRequest dates = ListRequest("bodies/-/meetings/-");
  *dates.mutable_from_date() = Day(2022, 5, 2);
  *dates.mutable_to_date() = Day(2022, 6, 14);
  EXPECT_EQ(Texts(dates), (Strings{"b1-1 plan 4.2", "b1-2 plan 14.2"}));
}

TEST_P(ListDecisionsTest, PagesFollowOneAnotherWithTheFilterKept) {
  v1::ListDecisionsRequest request = ListRequest("bodies/-/meetings/-");
  request.add_outcomes(v1::Decision::AGREED);
  request.add_outcomes(v1::Decision::NOTED);
  request.add_outcomes(v1::Decision::DEFERRED);
  request.set_page_size(2);
  Strings seen;
  int pages = 0;
  for (; pages < 10; ++pages) {
    auto response = decisions_->ListDecisions(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    ASSERT_LE(response->decisions_size(), 2);
    for (const auto& d : response->decisions()) seen.push_back(d.text());
    if (response->next_page_token().empty()) break;
    request.set_page_token(response->next_page_token());
  }
  EXPECT_EQ(pages, 1);
  EXPECT_EQ(seen, (Strings{"c1-1 no plan", "b1-1 plan 4.2", "b2-1 plan 4.2 and 1.1", "b2-2 other plan 4.2"}));
}

TEST_P(ListDecisionsTest, BadFiltersAreNamedAndMissingParentsAreNotFound) {
  v1::ListDecisionsRequest request = ListRequest("bodies/-");
  request.set_plan_item_ref("4.x");
  request.add_outcomes(v1::Decision::AGREED);
  request.add_outcomes(v1::Decision::OUTCOME_UNSPECIFIED);
  *request.mutable_to_date() = Day(2022, 2, 29);
  request.set_page_token("garbage");
  auto bad = decisions_->ListDecisions(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"parent", "plan_item_ref", "plan_item_ref", "outcomes[1]", "to_date.day", "page_token"}));
  v1::ListDecisionsRequest bad_plan = ListRequest("bodies/-/meetings/-");
  bad_plan.set_plan("2022-23");
  EXPECT_EQ(FieldsOf(decisions_->ListDecisions(caller_, bad_plan).status()), Strings{"plan"});

  EXPECT_EQ(decisions_->ListDecisions(caller_, ListRequest("bodies/working-group/meetings/-")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(decisions_->ListDecisions(caller_, ListRequest("bodies/board/meetings/40")).status().code(),
            absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(DecisionsTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(ListDecisionsTest);

}  // namespace
}  // namespace wp::governance
