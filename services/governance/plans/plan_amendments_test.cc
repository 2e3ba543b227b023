// Plan amendments on either store engine: what an amendment changes and
// keeps, the states that take one, the workstreams that cannot be removed,
// and reading them back.
#include "services/governance/plans/plan_amendments.h"

#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/plans/plans.h"
#include "services/governance/plans/plans_test_support.h"

namespace wp::governance {
namespace {

using google::protobuf::util::MessageDifferencer;
using plans_test::kBoardDecision;
using plans_test::kBoardMeeting;
using plans_test::kRecDecision;
using plans_test::kRecMeeting;
using plans_test::kScheduledBoardMeeting;
using plans_test::PathsMask;
using plans_test::Project;
using plans_test::Workstream;
using test_support::Day;
using test_support::Exec;
using test_support::FieldsOf;

constexpr char kPlan[] = "plans/2022-23";

v1::ProjectChange Change(const std::string& id, v1::PlanProject::Status status, const std::string& note = "") {
  v1::ProjectChange change;
  change.mutable_project()->set_id(id);
  change.mutable_project()->set_status(status);
  change.set_note(note);
  return change;
}

// An amendment approved by the Board that changes nothing yet.
v1::AmendPlanRequest Amendment() {
  v1::AmendPlanRequest request;
  request.set_parent(kPlan);
  v1::PlanAmendment* a = request.mutable_amendment();
  a->set_title("Interim Action Plan, January 2021");
  a->set_rationale("Schools are closed; wellbeing comes first until they reopen.");
  *a->mutable_effective_date() = Day(2021, 1, 11);
  a->set_approving_body("bodies/board");
  return request;
}

// The interim action plan: a new title and priorities, one project
// prioritised, one paused, one added.
v1::AmendPlanRequest Interim() {
  v1::AmendPlanRequest request = Amendment();
  v1::PlanAmendment* a = request.mutable_amendment();
  a->set_meeting(kBoardMeeting);
  a->set_decision(kBoardDecision);
  *a->mutable_content_mask() = PathsMask({"title", "priorities"});
  a->mutable_content()->set_title("Regional Improvement Plan 2022-23: Interim Action Plan");
  a->mutable_content()->add_priorities("Wellbeing first");
  a->mutable_content()->set_theme("not in the mask, so ignored");
  *a->add_project_changes() = Change("executive-coaching", v1::PlanProject::PAUSED, "paused until schools reopen");
  *a->add_project_changes() = Change("wellbeing-toolkit", v1::PlanProject::PRIORITISED);
  v1::ProjectChange added = Change("digital-devices", v1::PlanProject::ACTIVE, "bought with the new grant");
  added.mutable_project()->set_title("Devices for learners");
  added.mutable_project()->set_workstream_number(3);
  *a->add_project_changes() = added;
  return request;
}

// Only the workstreams, as given.
v1::AmendPlanRequest Workstreams(const std::vector<v1::PlanWorkstream>& workstreams) {
  v1::AmendPlanRequest request = Amendment();
  *request.mutable_amendment()->mutable_content_mask() = PathsMask({"workstreams"});
  for (const auto& ws : workstreams) *request.mutable_amendment()->mutable_content()->add_workstreams() = ws;
  return request;
}

const v1::PlanProject* FindProject(const v1::Plan& plan, const std::string& id) {
  for (const auto& p : plan.projects()) {
    if (p.id() == id) return &p;
  }
  return nullptr;
}

class PlanAmendmentsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    plans_ = std::make_unique<Plans>(*db_);
    amendments_ = std::make_unique<PlanAmendments>(*db_);
    plans_test::ArrangeMeetings(*db_);
    auto plan = plans_->CreatePlan(caller_, plans_test::PlanRequest("2022-23", "2022-23"));
    ASSERT_TRUE(plan.ok()) << plan.status();
    Approve();
  }

  void Approve() {
    v1::ApprovePlanRequest request;
    request.set_name(kPlan);
    request.set_meeting(kBoardMeeting);
    auto plan = plans_->ApprovePlan(caller_, request);
    ASSERT_TRUE(plan.ok()) << plan.status();
  }

  v1::Plan Plan() {
    v1::GetPlanRequest request;
    request.set_name(kPlan);
    auto plan = plans_->GetPlan(caller_, request);
    EXPECT_TRUE(plan.ok()) << plan.status();
    return plan.ok() ? *plan : v1::Plan();
  }

  absl::StatusOr<v1::PlanAmendment> Amend(const v1::AmendPlanRequest& request) {
    return amendments_->AmendPlan(caller_, request);
  }

  absl::StatusOr<v1::PlanAmendment> Retitle(const std::string& title) {
    v1::AmendPlanRequest request = Amendment();
    *request.mutable_amendment()->mutable_content_mask() = PathsMask({"title"});
    request.mutable_amendment()->mutable_content()->set_title(title);
    return Amend(request);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Plans> plans_;
  std::unique_ptr<PlanAmendments> amendments_;
  server::Caller caller_ = test_support::OfficerCaller("moira.adams", "trace-amend");
};

TEST_P(PlanAmendmentsTest, AnAmendmentKeepsWhatItChangedAndWhatWasThereBefore) {
  const v1::Plan before = Plan();
  auto amendment = Amend(Interim());
  ASSERT_TRUE(amendment.ok()) << amendment.status();
  EXPECT_EQ(amendment->name(), "plans/2022-23/amendments/1");
  EXPECT_EQ(amendment->revision(), 1);
  EXPECT_GT(amendment->create_time().seconds(), 0);
  EXPECT_EQ(amendment->approving_body(), "bodies/board");
  EXPECT_EQ(amendment->decision(), kBoardDecision);
  // Only the masked content, new and old.
  EXPECT_EQ(amendment->content().title(), "Regional Improvement Plan 2022-23: Interim Action Plan");
  EXPECT_EQ(amendment->content().theme(), "");
  EXPECT_EQ(amendment->previous_content().title(), before.title());
  ASSERT_EQ(amendment->previous_content().priorities_size(), 2);
  EXPECT_EQ(amendment->previous_content().theme(), "");
  EXPECT_EQ(amendment->previous_content().workstreams_size(), 0);
  // Each project change with the status before and the project as it now is.
  ASSERT_EQ(amendment->project_changes_size(), 3);
  EXPECT_EQ(amendment->project_changes(0).previous_status(), v1::PlanProject::ACTIVE);
  EXPECT_EQ(amendment->project_changes(0).project().status(), v1::PlanProject::PAUSED);
  EXPECT_EQ(amendment->project_changes(0).project().title(), "Executive coaching");
  EXPECT_EQ(amendment->project_changes(0).note(), "paused until schools reopen");
  EXPECT_EQ(amendment->project_changes(2).previous_status(), v1::PlanProject::STATUS_UNSPECIFIED);

  const v1::Plan after = Plan();
  EXPECT_EQ(after.revision(), 1);
  EXPECT_EQ(after.etag(), "3");
  EXPECT_EQ(after.state(), v1::Plan::BOARD_APPROVED);
  EXPECT_EQ(after.title(), "Regional Improvement Plan 2022-23: Interim Action Plan");
  EXPECT_EQ(after.theme(), before.theme());
  ASSERT_EQ(after.priorities_size(), 1);
  ASSERT_EQ(after.projects_size(), 4);
  EXPECT_EQ(FindProject(after, "executive-coaching")->status(), v1::PlanProject::PAUSED);
  EXPECT_EQ(FindProject(after, "wellbeing-toolkit")->status(), v1::PlanProject::PRIORITISED);
  EXPECT_EQ(FindProject(after, "leadership-pathways")->status(), v1::PlanProject::ACTIVE);
  ASSERT_NE(FindProject(after, "digital-devices"), nullptr);
  EXPECT_EQ(FindProject(after, "digital-devices")->workstream_number(), 3);
  EXPECT_EQ(after.projects(3).id(), "digital-devices");  // by workstream, then id

  v1::GetPlanAmendmentRequest get;
  get.set_name(amendment->name());
  auto stored = amendments_->GetPlanAmendment(caller_, get);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*stored, *amendment));
}

TEST_P(PlanAmendmentsTest, AmendPublishesPlanAmendedAndIsAudited) {
  const int64_t before = test_support::LastSeq(*db_);
  auto amendment = Amend(Interim());
  ASSERT_TRUE(amendment.ok()) << amendment.status();
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.plan.amended");
  EXPECT_EQ(events[0].subject(), kPlan);
  v1::PlanAmended amended;
  ASSERT_TRUE(events[0].payload().UnpackTo(&amended));
  EXPECT_TRUE(MessageDifferencer::Equals(amended.plan(), Plan()));
  EXPECT_TRUE(MessageDifferencer::Equals(amended.amendment(), *amendment));
  EXPECT_EQ(plans_test::AuditSummaries(*db_, kPlan, "moira.adams"),
            (std::vector<std::string>{"plan.created", "plan.approved", "plan.amended"}));
}

TEST_P(PlanAmendmentsTest, EndorsedAndActivePlansTakeAmendmentsButDraftsAndClosedPlansDoNot) {
  v1::EndorsePlanRequest endorse;
  endorse.set_name(kPlan);
  endorse.set_meeting(kRecMeeting);
  endorse.set_decision(kRecDecision);
  ASSERT_TRUE(plans_->EndorsePlan(caller_, endorse).ok());
  ASSERT_TRUE(Retitle("Endorsed, then amended").ok());
  v1::ActivatePlanRequest activate;
  activate.set_name(kPlan);
  ASSERT_TRUE(plans_->ActivatePlan(caller_, activate).ok());
  auto second = Retitle("Active, then amended");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->revision(), 2);
  v1::ClosePlanRequest close;
  close.set_name(kPlan);
  ASSERT_TRUE(plans_->ClosePlan(caller_, close).ok());
  auto closed = Retitle("Closed, so refused");
  EXPECT_EQ(closed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(closed.status().message().find("CLOSED"), std::string::npos) << closed.status();

  auto draft = plans_->CreatePlan(caller_, plans_test::PlanRequest("2023-24", "2023-24"));
  ASSERT_TRUE(draft.ok());
  v1::AmendPlanRequest request = Interim();
  request.set_parent("plans/2023-24");
  auto refused = Amend(request);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("UpdatePlan"), std::string::npos) << refused.status();
}

TEST_P(PlanAmendmentsTest, AmendNamesEveryBadField) {
  v1::AmendPlanRequest request;
  request.set_parent(kPlan);
  request.set_request_id(std::string(101, 'r'));
  v1::PlanAmendment* a = request.mutable_amendment();
  a->set_approving_body("board");
  a->set_meeting("bodies/board/meeting/1");
  a->set_decision("decision-1");
  *a->mutable_content_mask() = PathsMask({"title", "projects"});
  *a->add_project_changes() = Change("Bad Id", v1::PlanProject::ACTIVE);
  *a->add_project_changes() = Change("executive-coaching", v1::PlanProject::STATUS_UNSPECIFIED);
  *a->add_project_changes() = Change("executive-coaching", v1::PlanProject::PAUSED);
  auto amendment = Amend(request);
  EXPECT_EQ(amendment.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(amendment.status()),
            (std::vector<std::string>{"amendment.title", "amendment.rationale", "amendment.effective_date",
                                      "amendment.approving_body", "amendment.meeting", "amendment.decision",
                                      "amendment.content_mask", "amendment.project_changes[0].project.id",
                                      "amendment.project_changes[1].project.status",
                                      "amendment.project_changes[2].project.id", "request_id"}));
  EXPECT_EQ(Plan().etag(), "2");

  v1::AmendPlanRequest bad_parent = Interim();
  bad_parent.set_parent("plans/-");
  EXPECT_EQ(FieldsOf(Amend(bad_parent).status()), std::vector<std::string>{"parent"});
}

TEST_P(PlanAmendmentsTest, MaskedContentIsChecked) {
  v1::AmendPlanRequest request =
      Workstreams({Workstream(1, "Wellbeing"), Workstream(1, "Again"), Workstream(100, "")});
  *request.mutable_amendment()->mutable_content_mask() = PathsMask({"workstreams", "title", "vision"});
  request.mutable_amendment()->mutable_content()->set_vision(std::string(20001, 'v'));
  auto amendment = Amend(request);
  EXPECT_EQ(amendment.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(amendment.status()),
            (std::vector<std::string>{"amendment.content.title", "amendment.content.vision",
                                      "amendment.content.workstreams[1].number",
                                      "amendment.content.workstreams[2].number",
                                      "amendment.content.workstreams[2].title"}));
}

TEST_P(PlanAmendmentsTest, AnAmendmentMustChangeSomething) {
  auto empty = Amend(Amendment());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(empty.status()), std::vector<std::string>{"amendment.content_mask"});

  auto same_title = Retitle(Plan().title());
  EXPECT_EQ(same_title.status().code(), absl::StatusCode::kFailedPrecondition);

  v1::AmendPlanRequest same_status = Amendment();
  *same_status.mutable_amendment()->add_project_changes() = Change("executive-coaching", v1::PlanProject::ACTIVE);
  EXPECT_EQ(Amend(same_status).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Plan().revision(), 0);
}

TEST_P(PlanAmendmentsTest, TheMeetingMustBeAHeldMeetingOfTheApprovingBody) {
  v1::AmendPlanRequest other_body = Interim();
  other_body.mutable_amendment()->set_approving_body("bodies/finance-sub-group");
  auto wrong = Amend(other_body);
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(wrong.status()), std::vector<std::string>{"amendment.meeting"});

  v1::AmendPlanRequest alone = Interim();
  alone.mutable_amendment()->clear_meeting();
  EXPECT_EQ(FieldsOf(Amend(alone).status()), std::vector<std::string>{"amendment.decision"});

  v1::AmendPlanRequest scheduled = Interim();
  scheduled.mutable_amendment()->set_meeting(kScheduledBoardMeeting);
  scheduled.mutable_amendment()->clear_decision();
  EXPECT_EQ(Amend(scheduled).status().code(), absl::StatusCode::kFailedPrecondition);

  v1::AmendPlanRequest elsewhere = Interim();
  elsewhere.mutable_amendment()->set_decision("bodies/board/meetings/2/decisions/1");
  EXPECT_EQ(Amend(elsewhere).status().code(), absl::StatusCode::kFailedPrecondition);

  v1::AmendPlanRequest nobody = Interim();
  nobody.mutable_amendment()->set_approving_body("bodies/nobody");
  nobody.mutable_amendment()->clear_meeting();
  nobody.mutable_amendment()->clear_decision();
  EXPECT_EQ(Amend(nobody).status().code(), absl::StatusCode::kNotFound);

  // Without a meeting at all is fine.
  v1::AmendPlanRequest without = Interim();
  without.mutable_amendment()->clear_meeting();
  without.mutable_amendment()->clear_decision();
  EXPECT_TRUE(Amend(without).ok());
}

TEST_P(PlanAmendmentsTest, ANewProjectNeedsATitleAndAWorkstreamOfThePlan) {
  v1::AmendPlanRequest request = Amendment();
  *request.mutable_amendment()->add_project_changes() = Change("new-one", v1::PlanProject::ACTIVE);
  v1::ProjectChange elsewhere = Change("new-two", v1::PlanProject::ACTIVE);
  elsewhere.mutable_project()->set_title("New two");
  elsewhere.mutable_project()->set_workstream_number(9);
  *request.mutable_amendment()->add_project_changes() = elsewhere;
  auto amendment = Amend(request);
  EXPECT_EQ(amendment.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(amendment.status()),
            (std::vector<std::string>{"amendment.project_changes[0].project.title",
                                      "amendment.project_changes[0].project.workstream_number",
                                      "amendment.project_changes[1].project.workstream_number"}));
  EXPECT_EQ(Plan().projects_size(), 3);
}

TEST_P(PlanAmendmentsTest, ANewProjectMayJoinAWorkstreamAddedByTheSameAmendment) {
  v1::AmendPlanRequest request = Workstreams({Workstream(1, "Wellbeing for Learning"), Workstream(2, "Leadership"),
                                              Workstream(3, "Digital learning"), Workstream(4, "Curriculum")});
  v1::ProjectChange added = Change("maths-network", v1::PlanProject::PRIORITISED);
  added.mutable_project()->set_title("Maths network");
  added.mutable_project()->set_workstream_number(4);
  *request.mutable_amendment()->add_project_changes() = added;
  auto amendment = Amend(request);
  ASSERT_TRUE(amendment.ok()) << amendment.status();
  EXPECT_EQ(amendment->content().workstreams(3).workstream(), "planPeriods/2022-23/workstreams/4");
  EXPECT_EQ(amendment->previous_content().workstreams_size(), 3);
  const v1::Plan plan = Plan();
  EXPECT_EQ(plan.workstreams_size(), 4);
  EXPECT_EQ(FindProject(plan, "maths-network")->status(), v1::PlanProject::PRIORITISED);
}

TEST_P(PlanAmendmentsTest, AWorkstreamWithProjectsCannotBeRemoved) {
  auto amendment = Amend(Workstreams({Workstream(1, "Wellbeing for Learning"), Workstream(3, "Digital learning")}));
  EXPECT_EQ(amendment.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(amendment.status().message().find("projects"), std::string::npos) << amendment.status();
  EXPECT_EQ(Plan().workstreams_size(), 3);
}

TEST_P(PlanAmendmentsTest, AWorkstreamWithBudgetLinesCannotBeRemoved) {
  Exec(*db_,
       "INSERT INTO budget_lines (plan_id, id, financial_year, workstream_number, title, allocated_pence, "
       "version, create_us, update_us) VALUES ('2022-23', '2022-23-devices', '2022-23', 3, 'Devices', 500000, 1, 0, 0)");
  auto amendment = Amend(Workstreams({Workstream(1, "Wellbeing for Learning"), Workstream(2, "Leadership")}));
  EXPECT_EQ(amendment.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(amendment.status().message().find("2022-23-devices"), std::string::npos) << amendment.status();
}

TEST_P(PlanAmendmentsTest, AWorkstreamWithACurrentSponsorCannotBeRemoved) {
  plans_test::ArrangePerson(*db_, "jane-smith", "Jane Smith");
  Exec(*db_,
       "INSERT INTO sponsorships (plan_id, number, workstream_number, person_id, board_membership, start_day, "
       "version, create_us, update_us) VALUES ('2022-23', 1, 3, 'jane-smith', 'bodies/board/memberships/1', "
       "'2022-09-01', 1, 0, 0)");
  const v1::AmendPlanRequest request =
      Workstreams({Workstream(1, "Wellbeing for Learning"), Workstream(2, "Leadership")});
  auto refused = Amend(request);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("plans/2022-23/sponsorships/1"), std::string::npos) << refused.status();

  // Once the sponsorship has ended, the empty workstream goes.
  Exec(*db_, "UPDATE sponsorships SET end_day = '2022-12-31' WHERE plan_id = '2022-23' AND number = 1");
  auto removed = Amend(request);
  ASSERT_TRUE(removed.ok()) << removed.status();
  EXPECT_EQ(removed->previous_content().workstreams_size(), 3);
  EXPECT_EQ(Plan().workstreams_size(), 2);
}

TEST_P(PlanAmendmentsTest, AStaleEtagIsAborted) {
  v1::AmendPlanRequest request = Interim();
  request.set_etag("1");
  EXPECT_EQ(Amend(request).status().code(), absl::StatusCode::kAborted);
  request.set_etag("2");
  EXPECT_TRUE(Amend(request).ok());
}

TEST_P(PlanAmendmentsTest, ARetryWithTheSameRequestIdReturnsTheFirstAmendment) {
  v1::AmendPlanRequest request = Interim();
  request.set_request_id("amend-1");
  auto first = Amend(request);
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t before = test_support::LastSeq(*db_);
  auto again = Amend(request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*again, *first));
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  EXPECT_EQ(Plan().revision(), 1);
}

TEST_P(PlanAmendmentsTest, GetRejectsABadNameAndReportsAMissingAmendment) {
  v1::GetPlanAmendmentRequest request;
  request.set_name("plans/2022-23/amendments/0");
  auto bad = amendments_->GetPlanAmendment(caller_, request);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"name"});
  request.set_name("plans/2022-23/amendments/5");
  EXPECT_EQ(amendments_->GetPlanAmendment(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(PlanAmendmentsTest, ListGivesTheOldestFirstAcrossPages) {
  for (const char* title : {"First amendment", "Second amendment", "Third amendment"}) {
    ASSERT_TRUE(Retitle(title).ok());
  }
  std::vector<std::string> titles;
  std::vector<int> revisions;
  v1::ListPlanAmendmentsRequest request;
  request.set_parent(kPlan);
  request.set_page_size(2);
  int pages = 0;
  do {
    auto page = amendments_->ListPlanAmendments(caller_, request);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& a : page->amendments()) {
      titles.push_back(a.content().title());
      revisions.push_back(a.revision());
    }
    request.set_page_token(page->next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 10);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(titles, (std::vector<std::string>{"First amendment", "Second amendment", "Third amendment"}));
  EXPECT_EQ(revisions, (std::vector<int>{1, 2, 3}));
}

TEST_P(PlanAmendmentsTest, ListRejectsBadArgumentsAndReportsAMissingPlan) {
  v1::ListPlanAmendmentsRequest request;
  request.set_parent("plans/-");
  request.set_page_size(-1);
  request.set_page_token("garbage");
  auto bad = amendments_->ListPlanAmendments(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"parent", "page_size", "page_token"}));
  request.set_parent("plans/2030-31");
  request.set_page_size(0);
  request.clear_page_token();
  EXPECT_EQ(amendments_->ListPlanAmendments(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PlanAmendmentsTest);

}  // namespace
}  // namespace wp::governance
