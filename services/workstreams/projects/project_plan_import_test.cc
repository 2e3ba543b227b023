// Importing and exporting project action plans on either store engine:
// results per row, good rows kept beside bad ones, outcomes and
// participants onto the project, the same file twice changes nothing, a dry
// run changes nothing, and an export imports back unchanged.
#include "services/workstreams/projects/project_plan_import.h"

#include "gtest/gtest.h"
#include "services/workstreams/projects/project_test_fixture.h"
#include "services/workstreams/projects/projects.h"
#include "services/workstreams/tracker_import.h"

namespace wp::workstreams {
namespace {

using test_support::FieldsOf;
using Outcome = v1::ImportRowResult;

constexpr char kPlan[] =
    "Project title,Specific tasks,Expected outcomes,Participants,Timescale,Resources,Notes\n"
    "Executive Coaching,Recruit a third cohort of coachees,Leaders feel supported,"
    "\"Headteachers (all eight authorities); organisation: Education Scotland\",March 2021,Coaches' time,\n"
    ",Move coaching sessions online,More leaders coached,,Ongoing,,Zoom licences in hand\n"
    "Wellbeing resource bank,Gather resources from the eight authorities,,,31/01/2021,,\n"
    "Nurture network,Map nurture leads,,,,,\n"
    "Thinking About Headship,Plan the spring cohort,,,Summer 2021,,\n";

class ProjectPlanImportTest : public ProjectStoreTest {
 protected:
  void SetUp() override {
    ProjectStoreTest::SetUp();
    plans_ = std::make_unique<ProjectPlans>(*db_);
  }
  void TearDown() override {
    plans_.reset();
    ProjectStoreTest::TearDown();
  }

  absl::StatusOr<v1::ImportProjectPlanResponse> Import(const std::string& content, bool dry_run = false) {
    v1::ImportProjectPlanRequest request;
    request.set_plan_period(kPeriod);
    request.set_content(content);
    request.set_dry_run(dry_run);
    return plans_->Import(caller_, request);
  }

  std::vector<Outcome::Outcome> Outcomes(const v1::ImportProjectPlanResponse& response) {
    std::vector<Outcome::Outcome> outcomes;
    for (const auto& r : response.results()) outcomes.push_back(r.outcome());
    return outcomes;
  }

  v1::Project GetProject(const std::string& id) {
    Projects projects(*db_);
    v1::GetProjectRequest get;
    get.set_name(ProjectName(kPeriod, id));
    auto project = projects.Get(get);
    EXPECT_TRUE(project.ok()) << project.status();
    return project.ok() ? *project : v1::Project();
  }

  std::unique_ptr<ProjectPlans> plans_;
};

TEST_P(ProjectPlanImportTest, ImportsTasksOutcomesAndParticipantsRowByRow) {
  auto imported = Import(kPlan);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(Outcomes(*imported), (std::vector<Outcome::Outcome>{Outcome::CREATED, Outcome::CREATED,
                                                                Outcome::CREATED, Outcome::REJECTED,
                                                                Outcome::REJECTED}));
  EXPECT_EQ(imported->created(), 3);
  EXPECT_EQ(imported->rejected(), 2);
  EXPECT_EQ(imported->results(0).ref(), "2.1");
  EXPECT_EQ(imported->results(2).ref(), "1.1");
  EXPECT_EQ(imported->results(3).line(), 5);
  EXPECT_NE(imported->results(3).reason().find("no project titled \"Nurture network\""), std::string::npos);
  EXPECT_NE(imported->results(4).reason().find("Summer 2021"), std::string::npos);
  EXPECT_EQ(std::vector<std::string>(imported->projects_updated().begin(), imported->projects_updated().end()),
            std::vector<std::string>{"planPeriods/2020-23/projects/executive-coaching"});

  const v1::Project coaching = GetProject("executive-coaching");
  EXPECT_EQ(coaching.expected_outcomes_size(), 2);
  EXPECT_EQ(coaching.participants_size(), 2);
  EXPECT_EQ(coaching.task_counts().not_started(), 2);

  v1::GetPlanItemRequest get;
  get.set_name("planPeriods/2020-23/planItems/2.2");
  auto online = tracker_->GetPlanItem(get);
  ASSERT_TRUE(online.ok());
  EXPECT_TRUE(online->ongoing());
  EXPECT_EQ(online->plan_notes(), "Zoom licences in hand");
  EXPECT_EQ(online->project(), "planPeriods/2020-23/projects/executive-coaching");

  // The same file again changes nothing.
  const int64_t before = test_support::LastSeq(*db_);
  auto again = Import(kPlan);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged(), 3);
  EXPECT_EQ(again->created(), 0);
  EXPECT_TRUE(again->projects_updated().empty());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(ProjectPlanImportTest, TheFileIsTheTruthForItsColumns) {
  ASSERT_TRUE(Import(kPlan).ok());
  const char* revised =
      "Project title,Specific tasks,Timescale,Resources,Notes,Status,Responsible\n"
      "Executive Coaching,Recruit a third cohort of coachees,April 2021,Coaches' time,,On track,Morag Lennox\n"
      "Executive Coaching,Move coaching sessions online,Ongoing,,Zoom licences in hand,,\n";
  auto imported = Import(revised);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(Outcomes(*imported), (std::vector<Outcome::Outcome>{Outcome::UPDATED, Outcome::UNCHANGED}));
  v1::GetPlanItemRequest get;
  get.set_name("planPeriods/2020-23/planItems/2.1");
  auto task = tracker_->GetPlanItem(get);
  EXPECT_EQ(task->status(), v1::ON_TRACK);
  EXPECT_EQ(task->lead(), "Morag Lennox");
  EXPECT_EQ(task->expected_date().month(), 4);
  // Outcomes and participants the file does not give are kept.
  EXPECT_EQ(GetProject("executive-coaching").expected_outcomes_size(), 2);

  // A completed task is not reopened by a file.
  ASSERT_TRUE(Import("Project title,Specific tasks,Status\nExecutive Coaching,Recruit a third cohort of coachees,"
                     "Complete\n").ok());
  auto reopen = Import("Project title,Specific tasks,Status\nExecutive Coaching,Recruit a third cohort of coachees,"
                       "On track\n");
  ASSERT_TRUE(reopen.ok());
  EXPECT_EQ(Outcomes(*reopen), std::vector<Outcome::Outcome>{Outcome::REJECTED});
  EXPECT_NE(reopen->results(0).reason().find("COMPLETE"), std::string::npos);
}

TEST_P(ProjectPlanImportTest, RefsPlaceAndMatchTasks) {
  ASSERT_TRUE(Import(kPlan).ok());
  const char* text =
      "Project title,Specific tasks,Ref\n"
      "Executive Coaching,Recruit a fourth cohort,2.1\n"          // renames 2.1
      "Executive Coaching,A task placed by hand,2.9\n"            // a new ref
      "Executive Coaching,Not this workstream,1.8\n"              // wrong workstream
      "Executive Coaching,Someone else's task,1.1\n"              // another project's task
      "Executive Coaching,Recruit a fourth cohort again,2.1\n";   // 2.1 twice
  auto imported = Import(text);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(Outcomes(*imported), (std::vector<Outcome::Outcome>{Outcome::UPDATED, Outcome::CREATED,
                                                                Outcome::REJECTED, Outcome::REJECTED,
                                                                Outcome::REJECTED}));
  EXPECT_EQ(imported->results(1).ref(), "2.9");
  EXPECT_NE(imported->results(2).reason().find("workstream 2"), std::string::npos);
  EXPECT_NE(imported->results(3).reason().find("not a task of Executive Coaching"), std::string::npos);
  EXPECT_NE(imported->results(4).reason().find("same task as line 2"), std::string::npos);
}

TEST_P(ProjectPlanImportTest, ADryRunChangesNothing) {
  const int64_t before = test_support::LastSeq(*db_);
  auto dry = Import(kPlan, /*dry_run=*/true);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_TRUE(dry->dry_run());
  EXPECT_EQ(dry->created(), 3);
  EXPECT_EQ(dry->projects_updated_size(), 1);
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  EXPECT_EQ(GetProject("executive-coaching").task_counts().total(), 0);
  EXPECT_EQ(GetProject("executive-coaching").expected_outcomes_size(), 0);
}

TEST_P(ProjectPlanImportTest, AnExportImportsBackUnchanged) {
  ASSERT_TRUE(Import(kPlan).ok());
  v1::ExportProjectPlanRequest request;
  request.set_plan_period(kPeriod);
  auto exported = plans_->Export(request);
  ASSERT_TRUE(exported.ok()) << exported.status();
  EXPECT_EQ(exported->content_type(), "text/csv; charset=utf-8");
  EXPECT_NE(exported->content().find("Move coaching sessions online"), std::string::npos);
  EXPECT_NE(exported->content().find("Thinking About Headship"), std::string::npos);  // a project with no tasks
  auto again = Import(exported->content());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged(), 3);
  EXPECT_EQ(again->created() + again->updated() + again->rejected(), 0);
  EXPECT_TRUE(again->projects_updated().empty());

  request.set_project("executive-coaching");
  request.set_format(v1::TSV);
  auto one = plans_->Export(request);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->content().find("Wellbeing resource bank"), std::string::npos);
}

// The tracker spreadsheet has no columns for a task's action plan: its round
// trip leaves the tasks as they are.
TEST_P(ProjectPlanImportTest, ATrackerRoundTripKeepsTheTasksActionPlans) {
  ASSERT_TRUE(Import(kPlan).ok());
  TrackerImporter tracker_files(*db_);
  v1::ExportTrackerRequest export_request;
  export_request.set_plan_period(kPeriod);
  auto tracker = tracker_files.Export(export_request);
  ASSERT_TRUE(tracker.ok()) << tracker.status();
  v1::ImportTrackerRequest import_request;
  import_request.set_plan_period(kPeriod);
  import_request.set_content(tracker->content());
  int updated = -1, unchanged = -1;
  ASSERT_TRUE(tracker_files
                  .Import(caller_, import_request,
                          [&](const v1::ImportTrackerProgress& p) {
                            updated = p.updated();
                            unchanged = p.unchanged();
                            return true;
                          })
                  .ok());
  EXPECT_EQ(updated, 0);
  EXPECT_EQ(unchanged, 3);
  v1::GetPlanItemRequest get;
  get.set_name("planPeriods/2020-23/planItems/2.2");
  auto online = tracker_->GetPlanItem(get);
  EXPECT_TRUE(online->ongoing());
  EXPECT_EQ(online->plan_notes(), "Zoom licences in hand");
  EXPECT_EQ(online->project(), "planPeriods/2020-23/projects/executive-coaching");
}

TEST_P(ProjectPlanImportTest, BadRequestsAreRefusedWhole) {
  v1::ImportProjectPlanRequest request;
  request.set_plan_period("2020");
  request.set_content(kPlan);
  EXPECT_EQ(FieldsOf(plans_->Import(caller_, request).status()), std::vector<std::string>{"plan_period"});
  request.set_plan_period(kPeriod);
  request.set_format(static_cast<v1::TableFormat>(7));
  EXPECT_EQ(FieldsOf(plans_->Import(caller_, request).status()), std::vector<std::string>{"format"});
  request.set_format(v1::CSV);
  request.set_content("Ref,Task\n1.1,x\n");
  EXPECT_EQ(FieldsOf(plans_->Import(caller_, request).status()), std::vector<std::string>{"content"});

  v1::ExportProjectPlanRequest export_request;
  export_request.set_plan_period(kPeriod);
  export_request.set_project("no-such-project");
  EXPECT_EQ(plans_->Export(export_request).status().code(), absl::StatusCode::kNotFound);
  export_request.set_project("Bad Name");
  EXPECT_EQ(FieldsOf(plans_->Export(export_request).status()), std::vector<std::string>{"project"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ProjectPlanImportTest);

}  // namespace
}  // namespace wp::workstreams
