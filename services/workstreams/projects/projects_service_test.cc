// End-to-end: project action plans through the workstreams binary, against
// a real nats-server, redis-server and store (SQLite file or PostgreSQL).
// A governance plan event published on the bus brings the projects; the
// ProjectsService API then keeps their action plans, the tracker counts
// their tasks, and an amendment pausing a project puts its tasks on hold.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/nats_connection.h"
#include "libs/bus/publisher.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/testing/service_stack.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/event.pb.h"
#include "wp/governance/v1/plans.pb.h"
#include "wp/workstreams/v1/projects.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;
using bus::test_util::Eventually;

class ProjectsServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(stack_.StartServers().ok());
    auto service = stack_.StartService(WP_WORKSTREAMS_BIN, GetParam(), "workstreams");
    ASSERT_TRUE(service.ok()) << service.status();
    service_ = *std::move(service);
    // Plays governance: publishes its plan events.
    bus::NatsOptions nats;
    nats.url = stack_.nats().url();
    nats.name = "test-governance";
    auto connection = bus::NatsConnection::Connect(nats);
    ASSERT_TRUE(connection.ok()) << connection.status();
    governance_ = std::move(*connection);
    ASSERT_TRUE(governance_->EnsureStream(bus::StreamNameFor("governance"), {bus::StreamSubjectsFor("governance")})
                    .ok());
    projects_ = v1::ProjectsService::NewStub(service_->channel());
    tracker_ = v1::WorkstreamsService::NewStub(service_->channel());
  }

  void TearDown() override {
    governance_.reset();
    if (service_) service_->Stop();
    stack_.Stop();
  }

  static void Prepare(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kOfficer, "projects-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  // The 2020-23 plan as governance publishes it at `revision`.
  void PublishPlan(int revision, gov::PlanProject::Status headship) {
    gov::Plan plan;
    plan.set_name("plans/2020-23");
    plan.set_session_span("2020-23");
    plan.set_revision(revision);
    gov::PlanWorkstream* ws = plan.add_workstreams();
    ws->set_number(2);
    ws->set_title("Leadership and empowerment");
    for (auto [id, title, status] : {std::tuple{"executive-coaching", "Executive Coaching", gov::PlanProject::PRIORITISED},
                                     std::tuple{"thinking-about-headship", "Thinking About Headship", headship}}) {
      gov::PlanProject* p = plan.add_projects();
      p->set_id(id);
      p->set_title(title);
      p->set_workstream_number(2);
      p->set_status(status);
    }
    wp::common::v1::Event event;
    event.set_id(absl::StrCat("plan-2020-23-r", revision));
    event.set_actor("spo");
    if (revision == 0) {
      event.set_type("wp.governance.plan.approved");
      gov::PlanStepRecorded payload;
      *payload.mutable_plan() = plan;
      event.mutable_payload()->PackFrom(payload);
    } else {
      event.set_type("wp.governance.plan.amended");
      gov::PlanAmended payload;
      *payload.mutable_plan() = plan;
      event.mutable_payload()->PackFrom(payload);
    }
    bus::Publisher publisher(*governance_);
    ASSERT_TRUE(publisher.Publish(event.type(), event.id(), event.SerializeAsString()).ok());
  }

  absl::StatusOr<v1::Project> GetProject(const std::string& id) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::GetProjectRequest request;
    request.set_name(absl::StrCat("planPeriods/2020-23/projects/", id));
    v1::Project project;
    grpc::Status s = projects_->GetProject(&ctx, request, &project);
    if (!s.ok()) return FromGrpcStatus(s);
    return project;
  }

  absl::StatusOr<v1::ImportProjectPlanResponse> Import(const std::string& content, bool dry_run) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::ImportProjectPlanRequest request;
    request.set_plan_period("2020-23");
    request.set_content(content);
    request.set_dry_run(dry_run);
    v1::ImportProjectPlanResponse response;
    grpc::Status s = projects_->ImportProjectPlan(&ctx, request, &response);
    if (!s.ok()) return FromGrpcStatus(s);
    return response;
  }

  wp::testing::ServiceStack stack_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
  std::unique_ptr<bus::NatsConnection> governance_;
  std::unique_ptr<v1::ProjectsService::Stub> projects_;
  std::unique_ptr<v1::WorkstreamsService::Stub> tracker_;
};

TEST_P(ProjectsServiceTest, AGovernancePlansProjectsCarryTheirActionPlans) {
  PublishPlan(0, gov::PlanProject::ACTIVE);
  ASSERT_TRUE(Eventually([&] { return GetProject("thinking-about-headship").ok(); }, absl::Seconds(20)))
      << "the plan's projects never reached the workstreams service";

  const std::string plan =
      "Project title,Specific tasks,Expected outcomes,Participants,Timescale\n"
      "Executive Coaching,Offer coaching online,Leaders feel supported,role: Headteachers (all eight authorities),"
      "January 2021\n"
      "Thinking About Headship,Run the spring cohort,,,March 2021\n"
      "Nurture network,Map nurture leads,,,\n";
  auto dry = Import(plan, /*dry_run=*/true);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_EQ(dry->created(), 2);
  EXPECT_EQ(dry->rejected(), 1);
  EXPECT_EQ(GetProject("executive-coaching")->task_counts().total(), 0);  // nothing changed

  auto imported = Import(plan, /*dry_run=*/false);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->created(), 2);
  EXPECT_EQ(imported->results(2).outcome(), v1::ImportRowResult::REJECTED);
  EXPECT_EQ(GetProject("executive-coaching")->expected_outcomes_size(), 1);

  // The interim amendment pauses one project: its task is on hold, not overdue.
  PublishPlan(1, gov::PlanProject::PAUSED);
  ASSERT_TRUE(Eventually([&] {
    auto p = GetProject("thinking-about-headship");
    return p.ok() && p->status() == v1::PROJECT_PAUSED;
  }, absl::Seconds(20)));
  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::GetTrackerSummaryRequest request;
  request.set_plan_period("2020-23");
  request.mutable_as_of()->set_year(2021);
  request.mutable_as_of()->set_month(6);
  request.mutable_as_of()->set_day(1);
  v1::TrackerSummary summary;
  ASSERT_TRUE(tracker_->GetTrackerSummary(&ctx, request, &summary).ok());
  EXPECT_EQ(summary.totals().overdue(), 1);
  EXPECT_EQ(summary.totals().on_hold(), 1);
  ASSERT_EQ(summary.projects_size(), 2);
  EXPECT_EQ(summary.projects(1).status(), v1::PROJECT_PAUSED);
  EXPECT_EQ(summary.projects(1).counts().on_hold(), 1);
}

TEST_P(ProjectsServiceTest, BadActionPlansAreRefusedNamingTheField) {
  PublishPlan(0, gov::PlanProject::ACTIVE);
  ASSERT_TRUE(Eventually([&] { return GetProject("executive-coaching").ok(); }, absl::Seconds(20)));
  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::UpdateProjectRequest request;
  request.mutable_project()->set_name("planPeriods/2020-23/projects/executive-coaching");
  v1::Participant* p = request.mutable_project()->add_participants();
  p->set_kind(v1::Participant::ORGANISATION);
  p->set_name("Education Scotland");
  p->set_organisation("Scotland");
  request.mutable_update_mask()->add_paths("participants");
  v1::Project out;
  grpc::Status s = projects_->UpdateProject(&ctx, request, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(s)).at(0).field, "project.participants[0].organisation");

  grpc::ClientContext ctx2;
  Prepare(&ctx2);
  v1::ListProjectsRequest list;
  list.set_plan_period("2020-23");
  list.add_statuses(static_cast<v1::ProjectStatus>(9));
  v1::ListProjectsResponse listed;
  EXPECT_EQ(projects_->ListProjects(&ctx2, list, &listed).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  auto bad_file = Import("not, an action plan\n", false);
  EXPECT_EQ(bad_file.status().code(), absl::StatusCode::kInvalidArgument);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ProjectsServiceTest);

}  // namespace
}  // namespace wp::workstreams
