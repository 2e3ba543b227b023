// Plans on either store engine: creating, reading, listing and editing
// drafts, and the lifecycle steps with their meetings, events and audit.
#include "services/governance/plans/plans.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/plans/plans_test_support.h"

namespace wp::governance {
namespace {

using google::protobuf::util::MessageDifferencer;
using plans_test::kBoardDecision;
using plans_test::kBoardMeeting;
using plans_test::kIgDecision;
using plans_test::kIgMeeting;
using plans_test::kRecDecision;
using plans_test::kRecMeeting;
using plans_test::kScheduledBoardMeeting;
using plans_test::PathsMask;
using plans_test::PlanRequest;
using plans_test::Project;
using plans_test::Workstream;
using test_support::FieldsOf;

constexpr char kPlan[] = "plans/2022-23";

enum class Step { kApprove, kEndorse, kActivate, kClose };

template <typename Request>
Request StepRequest(const std::string& name, const std::string& meeting, const std::string& decision = "") {
  Request r;
  r.set_name(name);
  r.set_meeting(meeting);
  r.set_decision(decision);
  return r;
}

std::vector<std::string> Ids(const v1::ListPlansResponse& response) {
  std::vector<std::string> names;
  for (const v1::Plan& p : response.plans()) names.push_back(p.name());
  return names;
}

class PlansTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    plans_ = std::make_unique<Plans>(*db_);
    plans_test::ArrangeMeetings(*db_);
  }

  v1::Plan Create(const std::string& id = "2022-23", const std::string& span = "2022-23") {
    auto plan = plans_->CreatePlan(caller_, PlanRequest(id, span));
    EXPECT_TRUE(plan.ok()) << plan.status();
    return plan.ok() ? *plan : v1::Plan();
  }

  v1::Plan Get(const std::string& name = kPlan) {
    v1::GetPlanRequest request;
    request.set_name(name);
    auto plan = plans_->GetPlan(caller_, request);
    EXPECT_TRUE(plan.ok()) << plan.status();
    return plan.ok() ? *plan : v1::Plan();
  }

  // Takes `step` with the meeting it needs (Board, Committee; none for the others).
  absl::StatusOr<v1::Plan> Take(Step step, const std::string& name = kPlan) {
    switch (step) {
      case Step::kApprove:
        return plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(name, kBoardMeeting));
      case Step::kEndorse:
        return plans_->EndorsePlan(caller_, StepRequest<v1::EndorsePlanRequest>(name, kRecMeeting));
      case Step::kActivate:
        return plans_->ActivatePlan(caller_, StepRequest<v1::ActivatePlanRequest>(name, ""));
      case Step::kClose:
        return plans_->ClosePlan(caller_, StepRequest<v1::ClosePlanRequest>(name, ""));
    }
    return absl::InternalError("unknown step");
  }

  // Takes the steps from the plan's state up to `state`.
  void MoveTo(v1::Plan::State state, const std::string& name = kPlan) {
    const std::map<v1::Plan::State, Step> next = {{v1::Plan::DRAFT, Step::kApprove},
                                                  {v1::Plan::BOARD_APPROVED, Step::kEndorse},
                                                  {v1::Plan::COMMITTEE_ENDORSED, Step::kActivate},
                                                  {v1::Plan::ACTIVE, Step::kClose}};
    for (v1::Plan::State now = Get(name).state(); now != state;) {
      ASSERT_EQ(next.count(now), 1u) << "cannot reach " << state << " from " << now;
      auto plan = Take(next.at(now), name);
      ASSERT_TRUE(plan.ok()) << plan.status();
      now = plan->state();
    }
  }

  absl::StatusOr<v1::Plan> Update(const v1::Plan& plan, const std::vector<std::string>& paths) {
    v1::UpdatePlanRequest request;
    *request.mutable_plan() = plan;
    *request.mutable_update_mask() = PathsMask(paths);
    return plans_->UpdatePlan(caller_, request);
  }

  absl::StatusOr<v1::ListPlansResponse> List(const std::vector<v1::Plan::State>& states, const std::string& session,
                                             int page_size, const std::string& token = "") {
    v1::ListPlansRequest request;
    for (auto s : states) request.add_states(s);
    request.set_session(session);
    request.set_page_size(page_size);
    request.set_page_token(token);
    return plans_->ListPlans(caller_, request);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Plans> plans_;
  server::Caller caller_ = test_support::OfficerCaller("moira.adams", "trace-plans");
};

// ---- CreatePlan / GetPlan ----

TEST_P(PlansTest, CreateStoresTheWholePlanAsADraft) {
  const v1::Plan created = Create();
  EXPECT_EQ(created.name(), kPlan);
  EXPECT_EQ(created.title(), "Regional Improvement Plan 2022-23");
  EXPECT_EQ(created.session_span(), "2022-23");
  EXPECT_EQ(created.theme(), "recovery and renewal");
  EXPECT_EQ(created.vision(), "Every learner achieves their potential.");
  ASSERT_EQ(created.priorities_size(), 2);
  EXPECT_EQ(created.priorities(1), "Improve health and wellbeing");
  EXPECT_EQ(created.state(), v1::Plan::DRAFT);
  EXPECT_EQ(created.revision(), 0);
  EXPECT_EQ(created.etag(), "1");
  EXPECT_EQ(created.steps_size(), 0);
  EXPECT_GT(created.create_time().seconds(), 0);
  // Workstreams in number order, with the workstreams service's names.
  ASSERT_EQ(created.workstreams_size(), 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(created.workstreams(i).number(), i + 1);
    EXPECT_EQ(created.workstreams(i).workstream(), "planPeriods/2022-23/workstreams/" + std::to_string(i + 1));
  }
  EXPECT_EQ(created.workstreams(0).title(), "Wellbeing for Learning");
  // Projects by workstream number, then id; ACTIVE unless given.
  ASSERT_EQ(created.projects_size(), 3);
  EXPECT_EQ(created.projects(0).id(), "wellbeing-toolkit");
  EXPECT_EQ(created.projects(1).id(), "executive-coaching");
  EXPECT_EQ(created.projects(2).id(), "leadership-pathways");
  for (const auto& p : created.projects()) EXPECT_EQ(p.status(), v1::PlanProject::ACTIVE) << p.id();

  EXPECT_TRUE(MessageDifferencer::Equals(Get(), created));
}

TEST_P(PlansTest, CreateStoresTheFirstAndLastSessionsOfTheSpan) {
  Create("2018-21", "2018-21");
  EXPECT_EQ(plans_test::QueryText(*db_, "SELECT first_session FROM plans WHERE id = '2018-21'"), "2018-19");
  EXPECT_EQ(plans_test::QueryText(*db_, "SELECT last_session FROM plans WHERE id = '2018-21'"), "2020-21");
}

TEST_P(PlansTest, CreatePublishesPlanCreatedAndIsAudited) {
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Plan created = Create();
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.plan.created");
  EXPECT_EQ(events[0].subject(), kPlan);
  EXPECT_EQ(events[0].actor(), "moira.adams");
  v1::Plan payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_TRUE(MessageDifferencer::Equals(payload, created));
  EXPECT_EQ(plans_test::AuditSummaries(*db_, kPlan, "moira.adams"), std::vector<std::string>{"plan.created"});
}

TEST_P(PlansTest, CreateKeepsAProjectStatusGiven) {
  v1::CreatePlanRequest request = PlanRequest("2022-23", "2022-23");
  request.mutable_plan()->mutable_projects(0)->set_status(v1::PlanProject::PAUSED);
  auto plan = plans_->CreatePlan(caller_, request);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->projects(2).id(), "leadership-pathways");
  EXPECT_EQ(plan->projects(2).status(), v1::PlanProject::PAUSED);
}

TEST_P(PlansTest, CreateIgnoresOutputOnlyFields) {
  v1::CreatePlanRequest request = PlanRequest("2022-23", "2022-23");
  request.mutable_plan()->set_name("plans/other");
  request.mutable_plan()->set_state(v1::Plan::ACTIVE);
  request.mutable_plan()->set_revision(7);
  request.mutable_plan()->add_steps()->set_by("Board");
  auto plan = plans_->CreatePlan(caller_, request);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->name(), kPlan);
  EXPECT_EQ(plan->state(), v1::Plan::DRAFT);
  EXPECT_EQ(plan->revision(), 0);
  EXPECT_EQ(plan->steps_size(), 0);
}

TEST_P(PlansTest, CreateNamesEveryBadFieldAndStoresNothing) {
  v1::CreatePlanRequest request;
  request.set_plan_id("Bad_Id");
  request.set_request_id(std::string(101, 'r'));
  v1::Plan* plan = request.mutable_plan();
  plan->set_session_span("2022-25x");
  plan->set_theme("two\nlines");
  plan->add_priorities("Close the gap");
  plan->add_priorities(" ");
  *plan->add_workstreams() = Workstream(0, "Zero");
  *plan->add_workstreams() = Workstream(1, "");
  *plan->add_workstreams() = Workstream(1, "Again");
  *plan->add_projects() = Project("Bad Id", "Bad id", 1);
  *plan->add_projects() = Project("coaching", "", 1);
  *plan->add_projects() = Project("coaching", "Again", 1);
  *plan->add_projects() = Project("orphan", "Orphan", 7);
  *plan->add_projects() = Project("no-workstream", "No workstream", 0);
  *plan->add_projects() = Project("odd-status", "Odd", 1, static_cast<v1::PlanProject::Status>(42));
  const int64_t before = test_support::LastSeq(*db_);
  auto created = plans_->CreatePlan(caller_, request);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(created.status()),
            (std::vector<std::string>{"plan_id", "plan.session_span", "plan.title", "plan.theme",
                                      "plan.priorities[1]", "plan.workstreams[0].number",
                                      "plan.workstreams[1].title", "plan.workstreams[2].number",
                                      "plan.projects[0].id", "plan.projects[1].title", "plan.projects[2].id",
                                      "plan.projects[4].workstream_number", "plan.projects[5].status",
                                      "plan.projects[3].workstream_number", "request_id"}));
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  auto list = List({}, "", 0);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->plans_size(), 0);
}

TEST_P(PlansTest, CreateRequiresTitleAndSessionSpan) {
  v1::CreatePlanRequest request;
  request.set_plan_id("2022-23");
  auto created = plans_->CreatePlan(caller_, request);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(created.status()), (std::vector<std::string>{"plan.session_span", "plan.title"}));
}

TEST_P(PlansTest, CreateRejectsATakenIdAndATakenSpan) {
  Create();
  auto same_id = plans_->CreatePlan(caller_, PlanRequest("2022-23", "2023-24"));
  EXPECT_EQ(same_id.status().code(), absl::StatusCode::kAlreadyExists);
  auto same_span = plans_->CreatePlan(caller_, PlanRequest("rip-2022", "2022-23"));
  EXPECT_EQ(same_span.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(same_span.status().message().find("plans/2022-23"), std::string::npos) << same_span.status();
}

TEST_P(PlansTest, CreateRetriedWithTheSameRequestIdReturnsTheFirstPlan) {
  v1::CreatePlanRequest request = PlanRequest("2022-23", "2022-23");
  request.set_request_id("create-1");
  auto first = plans_->CreatePlan(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t before = test_support::LastSeq(*db_);
  request.mutable_plan()->set_title("A different title");
  auto again = plans_->CreatePlan(caller_, request);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*again, *first));
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(PlansTest, GetRejectsAMalformedNameAndReportsAMissingPlan) {
  v1::GetPlanRequest request;
  request.set_name("plan/2022-23");
  auto bad = plans_->GetPlan(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"name"});
  request.set_name("plans/2030-31");
  EXPECT_EQ(plans_->GetPlan(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- ListPlans ----

TEST_P(PlansTest, ListGivesTheNewestSpanFirstAcrossPages) {
  for (const char* span : {"2018-21", "2022-23", "2020-23", "2023-24", "2021-22"}) Create(span, span);
  std::vector<std::string> names;
  std::string token;
  int pages = 0;
  do {
    auto page = List({}, "", 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->plans_size(), 2);
    for (const auto& n : Ids(*page)) names.push_back(n);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names, (std::vector<std::string>{"plans/2023-24", "plans/2022-23", "plans/2021-22", "plans/2020-23",
                                             "plans/2018-21"}));
}

TEST_P(PlansTest, ListFiltersByStateAndSessionAcrossPages) {
  for (const char* span : {"2018-21", "2020-23", "2021-22", "2022-23", "2019-22"}) Create(span, span);
  MoveTo(v1::Plan::BOARD_APPROVED, "plans/2020-23");
  MoveTo(v1::Plan::ACTIVE, "plans/2021-22");
  MoveTo(v1::Plan::BOARD_APPROVED, "plans/2019-22");
  MoveTo(v1::Plan::BOARD_APPROVED, "plans/2018-21");

  // 2021-22 falls in 2019-22, 2020-23 and 2021-22 (not 2018-21, which ends in 2020-21).
  auto first = List({v1::Plan::BOARD_APPROVED, v1::Plan::ACTIVE}, "2021-22", 2);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(Ids(*first), (std::vector<std::string>{"plans/2021-22", "plans/2020-23"}));
  ASSERT_FALSE(first->next_page_token().empty());
  auto second = List({v1::Plan::BOARD_APPROVED, v1::Plan::ACTIVE}, "2021-22", 2, first->next_page_token());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(Ids(*second), (std::vector<std::string>{"plans/2019-22"}));
  EXPECT_TRUE(second->next_page_token().empty());

  auto drafts = List({v1::Plan::DRAFT}, "", 0);
  ASSERT_TRUE(drafts.ok());
  EXPECT_EQ(Ids(*drafts), std::vector<std::string>{"plans/2022-23"});
  auto in_2022 = List({}, "2022-23", 0);
  ASSERT_TRUE(in_2022.ok());
  EXPECT_EQ(Ids(*in_2022), (std::vector<std::string>{"plans/2022-23", "plans/2020-23"}));
}

TEST_P(PlansTest, ListRejectsBadArguments) {
  auto bad = List({v1::Plan::DRAFT, v1::Plan::STATE_UNSPECIFIED, static_cast<v1::Plan::State>(9)}, "2021", -1,
                  "not-a-token");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"states[1]", "states[2]", "session", "page_size", "page_token"}));
}

// ---- UpdatePlan ----

TEST_P(PlansTest, UpdateChangesOnlyTheMaskedFieldsAndPublishesTheResult) {
  v1::Plan plan = Create();
  plan.set_title("Regional Improvement Plan 2022-23 (draft 2)");
  plan.clear_priorities();
  plan.add_priorities("Improve health and wellbeing");
  plan.set_theme("not in the mask");
  const int64_t before = test_support::LastSeq(*db_);
  auto updated = Update(plan, {"title", "priorities"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Regional Improvement Plan 2022-23 (draft 2)");
  ASSERT_EQ(updated->priorities_size(), 1);
  EXPECT_EQ(updated->theme(), "recovery and renewal");
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->projects_size(), 3);

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.plan.updated");
  EXPECT_EQ(events[0].subject(), kPlan);
  v1::Plan payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_TRUE(MessageDifferencer::Equals(payload, *updated));
  EXPECT_EQ(plans_test::AuditSummaries(*db_, kPlan, "moira.adams"),
            (std::vector<std::string>{"plan.created", "plan.updated"}));
}

TEST_P(PlansTest, UpdateWithAnEmptyMaskReplacesEveryContentField) {
  v1::Plan plan = Create();
  plan.clear_workstreams();
  *plan.add_workstreams() = Workstream(4, "Curriculum");
  plan.clear_projects();
  *plan.add_projects() = Project("maths-network", "Maths network", 4, v1::PlanProject::PRIORITISED);
  plan.set_vision("");
  auto updated = Update(plan, {});
  ASSERT_TRUE(updated.ok()) << updated.status();
  ASSERT_EQ(updated->workstreams_size(), 1);
  EXPECT_EQ(updated->workstreams(0).workstream(), "planPeriods/2022-23/workstreams/4");
  ASSERT_EQ(updated->projects_size(), 1);
  EXPECT_EQ(updated->projects(0).status(), v1::PlanProject::PRIORITISED);
  EXPECT_EQ(updated->vision(), "");
  EXPECT_TRUE(MessageDifferencer::Equals(Get(), *updated));
}

TEST_P(PlansTest, UpdateRejectsAPathItDoesNotTake) {
  v1::Plan plan = Create();
  for (const char* path : {"session_span", "state", "nonsense"}) {
    auto updated = Update(plan, {"title", path});
    EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument) << path;
    EXPECT_EQ(FieldsOf(updated.status()), std::vector<std::string>{"update_mask"}) << path;
  }
}

TEST_P(PlansTest, UpdateNamesBadContentFields) {
  v1::Plan plan = Create();
  plan.set_title("");
  plan.mutable_workstreams(1)->set_title("");
  plan.add_priorities("two\nlines");
  auto updated = Update(plan, {"title", "workstreams", "priorities"});
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(updated.status()),
            (std::vector<std::string>{"plan.title", "plan.priorities[2]", "plan.workstreams[1].title"}));
  EXPECT_EQ(Get().etag(), "1");
}

TEST_P(PlansTest, UpdateCannotLeaveAProjectWithoutItsWorkstream) {
  v1::Plan plan = Create();
  plan.mutable_workstreams()->DeleteSubrange(1, 1);  // workstream 2, which has two projects
  auto without = Update(plan, {"workstreams"});
  EXPECT_EQ(without.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(without.status()), std::vector<std::string>{"plan.workstreams"});

  v1::Plan moved = Get();
  moved.mutable_projects(0)->set_workstream_number(9);
  auto orphan = Update(moved, {"projects"});
  EXPECT_EQ(orphan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(orphan.status()), std::vector<std::string>{"plan.projects[0].workstream_number"});

  // Removing the workstream and its projects together is fine.
  plan.clear_projects();
  auto both = Update(plan, {"workstreams", "projects"});
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_EQ(both->workstreams_size(), 2);
}

TEST_P(PlansTest, UpdateWithAStaleEtagIsAborted) {
  v1::Plan plan = Create();
  ASSERT_TRUE(Update(plan, {"title"}).ok());
  plan.set_title("Based on the first version");
  auto stale = Update(plan, {"title"});  // plan.etag() is still "1"
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get().etag(), "2");
}

TEST_P(PlansTest, UpdateOfAnApprovedPlanIsRefusedInFavourOfAmendPlan) {
  Create();
  MoveTo(v1::Plan::BOARD_APPROVED);
  v1::Plan plan = Get();
  plan.set_title("Too late");
  auto updated = Update(plan, {"title"});
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(updated.status().message().find("AmendPlan"), std::string::npos) << updated.status();
}

TEST_P(PlansTest, UpdateRejectsABadNameAndReportsAMissingPlan) {
  v1::Plan plan = PlanRequest("2022-23", "2022-23").plan();
  plan.set_name("2022-23");
  auto bad = Update(plan, {"title"});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), std::vector<std::string>{"plan.name"});
  plan.set_name("plans/2030-31");
  EXPECT_EQ(Update(plan, {"title"}).status().code(), absl::StatusCode::kNotFound);
}

// ---- The lifecycle ----

TEST_P(PlansTest, EachStepIsRecordedOnThePlanAndPublished) {
  Create();
  const int64_t before = test_support::LastSeq(*db_);

  auto approve = StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting, kBoardDecision);
  approve.mutable_step_time()->set_seconds(1655208000);  // 2022-06-14 12:00 UTC
  auto approved = plans_->ApprovePlan(caller_, approve);
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->state(), v1::Plan::BOARD_APPROVED);
  EXPECT_EQ(approved->etag(), "2");
  ASSERT_EQ(approved->steps_size(), 1);
  const v1::PlanStep& step = approved->steps(0);
  EXPECT_EQ(step.to_state(), v1::Plan::BOARD_APPROVED);
  EXPECT_EQ(step.by(), "Board");  // the meeting's body, as no one was named
  EXPECT_EQ(step.step_time().seconds(), 1655208000);
  EXPECT_EQ(step.meeting(), kBoardMeeting);
  EXPECT_EQ(step.decision(), kBoardDecision);
  EXPECT_EQ(step.recorded_by(), "moira.adams");

  auto endorsed =
      plans_->EndorsePlan(caller_, StepRequest<v1::EndorsePlanRequest>(kPlan, kRecMeeting, kRecDecision));
  ASSERT_TRUE(endorsed.ok()) << endorsed.status();
  EXPECT_EQ(endorsed->steps(1).by(), "Regional Education Committee");
  EXPECT_GT(endorsed->steps(1).step_time().seconds(), 1655208000);  // now

  auto activate = StepRequest<v1::ActivatePlanRequest>(kPlan, kIgMeeting, kIgDecision);
  activate.set_by("RIC Lead");
  auto activated = plans_->ActivatePlan(caller_, activate);
  ASSERT_TRUE(activated.ok()) << activated.status();
  EXPECT_EQ(activated->steps(2).by(), "RIC Lead");
  EXPECT_EQ(activated->steps(2).meeting(), kIgMeeting);

  auto closed = plans_->ClosePlan(caller_, StepRequest<v1::ClosePlanRequest>(kPlan, ""));
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->state(), v1::Plan::CLOSED);
  EXPECT_EQ(closed->steps(3).by(), "");  // no meeting, no one named
  EXPECT_EQ(closed->steps(3).meeting(), "");
  EXPECT_EQ(closed->etag(), "5");
  EXPECT_TRUE(MessageDifferencer::Equals(Get(), *closed));

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 4u);
  const std::vector<std::string> types = {"wp.governance.plan.approved", "wp.governance.plan.endorsed",
                                          "wp.governance.plan.activated", "wp.governance.plan.closed"};
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].type(), types[i]);
    EXPECT_EQ(events[i].subject(), kPlan);
    v1::PlanStepRecorded recorded;
    ASSERT_TRUE(events[i].payload().UnpackTo(&recorded));
    ASSERT_EQ(recorded.plan().steps_size(), static_cast<int>(i) + 1);
    EXPECT_TRUE(MessageDifferencer::Equals(recorded.step(), recorded.plan().steps(static_cast<int>(i))));
    EXPECT_EQ(recorded.plan().projects_size(), 3);  // content included for the workstreams service
  }
  EXPECT_EQ(plans_test::AuditSummaries(*db_, kPlan, "moira.adams"),
            (std::vector<std::string>{"plan.created", "plan.approved", "plan.endorsed", "plan.activated",
                                      "plan.closed"}));
}

TEST_P(PlansTest, EveryOtherMoveIsRefusedNamingTheStateAndTheNextStep) {
  Create();
  struct Case {
    v1::Plan::State state;
    const char* name;     // as plan_lifecycle.h spells it
    const char* allowed;  // the one next step, or "final"
    Step next;
  };
  const std::vector<Case> cases = {{v1::Plan::DRAFT, "draft", "board_approved", Step::kApprove},
                                   {v1::Plan::BOARD_APPROVED, "board_approved", "committee_endorsed", Step::kEndorse},
                                   {v1::Plan::COMMITTEE_ENDORSED, "committee_endorsed", "active", Step::kActivate},
                                   {v1::Plan::ACTIVE, "active", "closed", Step::kClose},
                                   {v1::Plan::CLOSED, "closed", "final", Step::kClose}};
  for (const Case& c : cases) {
    MoveTo(c.state);
    const std::string etag = Get().etag();
    const int64_t before = test_support::LastSeq(*db_);
    for (Step step : {Step::kApprove, Step::kEndorse, Step::kActivate, Step::kClose}) {
      if (step == c.next && c.state != v1::Plan::CLOSED) continue;
      auto refused = Take(step);
      EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition)
          << c.name << " step " << static_cast<int>(step) << ": " << refused.status();
      const std::string message(refused.status().message());
      EXPECT_NE(message.find(kPlan), std::string::npos) << message;
      EXPECT_NE(message.find(c.name), std::string::npos) << message;
      EXPECT_NE(message.find(c.allowed), std::string::npos) << message;
    }
    EXPECT_EQ(Get().etag(), etag) << c.name;
    EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty()) << c.name;
  }
}

TEST_P(PlansTest, ApprovalNeedsAHeldMeetingOfTheBoard) {
  Create();
  auto none = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, ""));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(none.status()), std::vector<std::string>{"meeting"});
  auto malformed = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, "meetings/1"));
  EXPECT_EQ(FieldsOf(malformed.status()), std::vector<std::string>{"meeting"});
  auto scheduled = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, kScheduledBoardMeeting));
  EXPECT_EQ(scheduled.status().code(), absl::StatusCode::kFailedPrecondition);
  auto committee = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, kRecMeeting));
  EXPECT_EQ(committee.status().code(), absl::StatusCode::kFailedPrecondition);
  auto missing = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, "bodies/board/meetings/9"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get().state(), v1::Plan::DRAFT);
  EXPECT_EQ(Get().etag(), "1");
}

TEST_P(PlansTest, EndorsementNeedsAHeldMeetingOfTheCommittee) {
  Create();
  MoveTo(v1::Plan::BOARD_APPROVED);
  auto none = plans_->EndorsePlan(caller_, StepRequest<v1::EndorsePlanRequest>(kPlan, ""));
  EXPECT_EQ(FieldsOf(none.status()), std::vector<std::string>{"meeting"});
  auto board = plans_->EndorsePlan(caller_, StepRequest<v1::EndorsePlanRequest>(kPlan, kBoardMeeting));
  EXPECT_EQ(board.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Get().state(), v1::Plan::BOARD_APPROVED);
}

TEST_P(PlansTest, ActivationAndClosureTakeAnyHeldMeetingWhenGiven) {
  Create();
  MoveTo(v1::Plan::COMMITTEE_ENDORSED);
  auto scheduled = plans_->ActivatePlan(caller_, StepRequest<v1::ActivatePlanRequest>(kPlan, kScheduledBoardMeeting));
  EXPECT_EQ(scheduled.status().code(), absl::StatusCode::kFailedPrecondition);
  auto activated = plans_->ActivatePlan(caller_, StepRequest<v1::ActivatePlanRequest>(kPlan, kIgMeeting));
  ASSERT_TRUE(activated.ok()) << activated.status();
  EXPECT_EQ(activated->steps(2).by(), "Implementation Group");
  auto closed = plans_->ClosePlan(caller_, StepRequest<v1::ClosePlanRequest>(kPlan, kBoardMeeting, kBoardDecision));
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->steps(3).decision(), kBoardDecision);
}

TEST_P(PlansTest, TheDecisionMustBelongToTheMeeting) {
  Create();
  auto elsewhere =
      plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting, kRecDecision));
  EXPECT_EQ(elsewhere.status().code(), absl::StatusCode::kFailedPrecondition);
  auto missing = plans_->ApprovePlan(
      caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting, "bodies/board/meetings/1/decisions/9"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  auto malformed =
      plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting, "decisions/1"));
  EXPECT_EQ(FieldsOf(malformed.status()), std::vector<std::string>{"decision"});
  EXPECT_EQ(Get().state(), v1::Plan::DRAFT);

  MoveTo(v1::Plan::COMMITTEE_ENDORSED);
  auto alone = plans_->ActivatePlan(caller_, StepRequest<v1::ActivatePlanRequest>(kPlan, "", kIgDecision));
  EXPECT_EQ(alone.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(alone.status()), std::vector<std::string>{"decision"});
}

TEST_P(PlansTest, StepRejectsBadFieldsAndReportsAMissingPlan) {
  Create();
  auto request = StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting);
  request.set_by("two\nlines");
  request.mutable_step_time()->set_nanos(-1);
  request.set_request_id(std::string(101, 'r'));
  auto bad = plans_->ApprovePlan(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"by", "step_time", "request_id"}));

  auto long_by = StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting);
  long_by.set_by(std::string(201, 'b'));
  EXPECT_EQ(FieldsOf(plans_->ApprovePlan(caller_, long_by).status()), std::vector<std::string>{"by"});

  auto bad_name = plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>("2022-23", kBoardMeeting));
  EXPECT_EQ(FieldsOf(bad_name.status()), std::vector<std::string>{"name"});
  auto missing =
      plans_->ApprovePlan(caller_, StepRequest<v1::ApprovePlanRequest>("plans/2030-31", kBoardMeeting));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get().etag(), "1");
}

TEST_P(PlansTest, StepWithAStaleEtagIsAborted) {
  Create();
  auto request = StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting);
  request.set_etag("7");
  EXPECT_EQ(plans_->ApprovePlan(caller_, request).status().code(), absl::StatusCode::kAborted);
  request.set_etag("1");
  EXPECT_TRUE(plans_->ApprovePlan(caller_, request).ok());
}

TEST_P(PlansTest, AStepRetriedWithItsRequestIdReturnsThePlan) {
  Create();
  Create("2023-24", "2023-24");
  auto request = StepRequest<v1::ApprovePlanRequest>(kPlan, kBoardMeeting);
  request.set_request_id("approve-1");
  auto first = plans_->ApprovePlan(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t before = test_support::LastSeq(*db_);
  auto again = plans_->ApprovePlan(caller_, request);
  ASSERT_TRUE(again.ok()) << again.status();  // not FAILED_PRECONDITION
  EXPECT_TRUE(MessageDifferencer::Equals(*again, *first));
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  // Without the request id, the repeated step is refused.
  request.clear_request_id();
  EXPECT_EQ(plans_->ApprovePlan(caller_, request).status().code(), absl::StatusCode::kFailedPrecondition);

  // Request ids are per method: the same id endorses.
  auto endorse = StepRequest<v1::EndorsePlanRequest>(kPlan, kRecMeeting);
  endorse.set_request_id("approve-1");
  auto endorsed = plans_->EndorsePlan(caller_, endorse);
  ASSERT_TRUE(endorsed.ok()) << endorsed.status();
  EXPECT_EQ(endorsed->state(), v1::Plan::COMMITTEE_ENDORSED);

  // ...and belong to the plan they were used for.
  auto other = StepRequest<v1::ApprovePlanRequest>("plans/2023-24", kBoardMeeting);
  other.set_request_id("approve-1");
  auto reused = plans_->ApprovePlan(caller_, other);
  EXPECT_EQ(reused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(reused.status()), std::vector<std::string>{"request_id"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PlansTest);

}  // namespace
}  // namespace wp::governance
