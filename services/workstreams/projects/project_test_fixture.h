// A store (either engine) holding a plan period with two workstreams and
// three projects, as governance's plan would have set them up, for the
// tests of project action plans. Test-only.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_TEST_FIXTURE_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_TEST_FIXTURE_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/projects/project_rules.h"
#include "services/workstreams/projects/project_store.h"
#include "services/workstreams/tracker.h"

namespace wp::workstreams {

class ProjectStoreTest : public wp::testing::EngineStoreTest {
 protected:
  static constexpr char kPeriod[] = "2020-23";

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    tracker_ = std::make_unique<Tracker>(*db_);
    for (int number : {1, 2}) {
      v1::CreateWorkstreamRequest ws;
      ws.mutable_workstream()->set_plan_period(kPeriod);
      ws.mutable_workstream()->set_number(number);
      ws.mutable_workstream()->set_title(number == 1 ? "Wellbeing and recovery" : "Leadership and empowerment");
      ASSERT_TRUE(tracker_->CreateWorkstream(caller_, ws).ok());
    }
    AddProject("wellbeing-resource-bank", "Wellbeing resource bank", 1, v1::PROJECT_PRIORITISED);
    AddProject("executive-coaching", "Executive Coaching", 2, v1::PROJECT_PRIORITISED);
    AddProject("thinking-about-headship", "Thinking About Headship", 2, v1::PROJECT_PAUSED);
  }

  void TearDown() override {
    tracker_.reset();
    CloseStore();
  }

  void AddProject(const std::string& id, const std::string& title, int workstream, v1::ProjectStatus status) {
    v1::Project p;
    p.set_plan_period(kPeriod);
    p.set_project_id(id);
    p.set_title(title);
    p.set_workstream_number(workstream);
    p.set_status(status);
    ASSERT_TRUE(db_->Write([&](store::Transaction& tx) { return InsertProject(tx, p, 0, absl::Now()); }).ok());
  }

  // As an amendment does it (from_governance/plan_projects.h).
  void SetProjectStatus(const std::string& id, v1::ProjectStatus status) {
    ASSERT_TRUE(db_->Write([&](store::Transaction& tx) -> absl::Status {
                    WP_ASSIGN_OR_RETURN(v1::Project p, LoadProject(tx, kPeriod, id));
                    const v1::ProjectStatus before = p.status();
                    p.set_status(status);
                    return SaveProjectFromPlan(tx, p, before, 1, absl::Now());
                  }).ok());
  }

  absl::StatusOr<v1::PlanItem> AddTask(const std::string& project, const std::string& task,
                                       const std::string& ref = "") {
    v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_project(project);
    request.mutable_plan_item()->set_ref(ref);
    request.mutable_plan_item()->set_task(task);
    request.mutable_plan_item()->set_status(v1::ON_TRACK);
    return tracker_->CreatePlanItem(caller_, request);
  }
  std::unique_ptr<Tracker> tracker_;
  server::Caller caller_ = test_support::OfficerCaller("officer-1", "trace-1");
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_TEST_FIXTURE_H_
