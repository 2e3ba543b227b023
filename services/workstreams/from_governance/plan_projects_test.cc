// A plan's projects kept from governance's plan events, on either engine:
// created when first seen, their status following amendments (the interim
// action plan pausing a project puts its tasks on hold), older plan
// revisions ignored, and the action plan kept here never overwritten.
#include "services/workstreams/from_governance/plan_events.h"

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/testing/domain_test_support.h"
#include "libs/store/etag.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;

class PlanProjectsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static gov::Plan Plan2020(int revision, gov::PlanProject::Status coaching, gov::PlanProject::Status headship) {
    gov::Plan plan;
    plan.set_name("plans/2020-23");
    plan.set_session_span("2020-23");
    plan.set_revision(revision);
    gov::PlanWorkstream* ws = plan.add_workstreams();
    ws->set_number(2);
    ws->set_title("Leadership and empowerment");
    gov::PlanProject* a = plan.add_projects();
    a->set_id("executive-coaching");
    a->set_title("Executive Coaching");
    a->set_workstream_number(2);
    a->set_status(coaching);
    gov::PlanProject* b = plan.add_projects();
    b->set_id("thinking-about-headship");
    b->set_title("Thinking About Headship");
    b->set_workstream_number(2);
    b->set_status(headship);
    return plan;
  }

  static wp::common::v1::Event Amended(const gov::Plan& plan) {
    gov::PlanAmended payload;
    *payload.mutable_plan() = plan;
    wp::common::v1::Event event;
    event.set_id("amended-" + std::to_string(plan.revision()));
    event.set_type(plan.revision() == 0 ? "wp.governance.plan.approved" : "wp.governance.plan.amended");
    event.set_actor("spo");
    if (plan.revision() == 0) {
      gov::PlanStepRecorded step;
      *step.mutable_plan() = plan;
      event.mutable_payload()->PackFrom(step);
    } else {
      event.mutable_payload()->PackFrom(payload);
    }
    return event;
  }

  absl::Status Apply(const wp::common::v1::Event& event) {
    return db_->Write([&](store::Transaction& tx) { return ApplyPlanEvent(tx, event); });
  }

  v1::Project Load(const std::string& id) {
    auto project = store::ReadValue<v1::Project>(
        *db_, [&](store::Transaction& tx) { return LoadProject(tx, "2020-23", id); });
    EXPECT_TRUE(project.ok()) << project.status();
    return project.ok() ? *project : v1::Project();
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(PlanProjectsTest, ProjectsFollowTheApprovedPlanAndItsAmendments) {
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(Apply(Amended(Plan2020(0, gov::PlanProject::ACTIVE, gov::PlanProject::ACTIVE))).ok());
  EXPECT_EQ(Load("executive-coaching").status(), v1::PROJECT_ACTIVE);
  EXPECT_EQ(Load("executive-coaching").workstream(), "planPeriods/2020-23/workstreams/2");
  auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 3u);  // the workstream, then the two projects
  EXPECT_EQ(events[1].type(), "wp.workstreams.project.created");

  // A task of the project to be paused.
  Tracker tracker(*db_);
  v1::CreatePlanItemRequest task;
  task.mutable_plan_item()->set_plan_period("2020-23");
  task.mutable_plan_item()->set_project("thinking-about-headship");
  task.mutable_plan_item()->set_task("Run the spring cohort");
  task.mutable_plan_item()->set_status(v1::NOT_STARTED);
  server::Caller caller = test_support::OfficerCaller("officer-1", "trace-1");
  ASSERT_TRUE(tracker.CreatePlanItem(caller, task).ok());

  // The interim action plan: one prioritised, one paused.
  const int64_t interim = test_support::LastSeq(*db_);
  ASSERT_TRUE(Apply(Amended(Plan2020(1, gov::PlanProject::PRIORITISED, gov::PlanProject::PAUSED))).ok());
  EXPECT_EQ(Load("executive-coaching").status(), v1::PROJECT_PRIORITISED);
  EXPECT_EQ(Load("thinking-about-headship").status(), v1::PROJECT_PAUSED);
  events = test_support::EventsAfter(*db_, interim);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type(), "wp.workstreams.project.status_changed");
  v1::ProjectChanged payload;
  ASSERT_TRUE(events[1].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.previous_status(), v1::PROJECT_ACTIVE);
  EXPECT_EQ(payload.project().status(), v1::PROJECT_PAUSED);
  v1::GetPlanItemRequest get;
  get.set_name("planPeriods/2020-23/planItems/2.1");
  EXPECT_EQ(tracker.GetPlanItem(get)->project_status(), v1::PROJECT_PAUSED);

  // Redelivered, or an older revision arriving late: nothing changes.
  const int64_t later = test_support::LastSeq(*db_);
  ASSERT_TRUE(Apply(Amended(Plan2020(1, gov::PlanProject::PRIORITISED, gov::PlanProject::PAUSED))).ok());
  ASSERT_TRUE(Apply(Amended(Plan2020(0, gov::PlanProject::ACTIVE, gov::PlanProject::ACTIVE))).ok());
  EXPECT_TRUE(test_support::EventsAfter(*db_, later).empty());
  EXPECT_EQ(Load("thinking-about-headship").status(), v1::PROJECT_PAUSED);
}

TEST_P(PlanProjectsTest, TheActionPlanKeptHereIsNeverOverwritten) {
  ASSERT_TRUE(Apply(Amended(Plan2020(0, gov::PlanProject::ACTIVE, gov::PlanProject::ACTIVE))).ok());
  ASSERT_TRUE(db_->Write([](store::Transaction& tx) -> absl::Status {
                  WP_ASSIGN_OR_RETURN(v1::Project p, LoadProject(tx, "2020-23", "executive-coaching"));
                  p.add_expected_outcomes("Leaders feel supported");
                  return SaveActionPlan(tx, p, store::VersionOf(p.etag()), absl::Now());
                }).ok());
  gov::Plan renamed = Plan2020(1, gov::PlanProject::ACTIVE, gov::PlanProject::ACTIVE);
  renamed.mutable_projects(0)->set_title("Executive Coaching for senior leaders");
  ASSERT_TRUE(Apply(Amended(renamed)).ok());
  const v1::Project p = Load("executive-coaching");
  EXPECT_EQ(p.title(), "Executive Coaching for senior leaders");
  EXPECT_EQ(std::vector<std::string>(p.expected_outcomes().begin(), p.expected_outcomes().end()),
            std::vector<std::string>{"Leaders feel supported"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PlanProjectsTest);

}  // namespace
}  // namespace wp::workstreams
