// Project action plans on either store engine: tasks are plan items placed
// in their project's workstream; a paused project's tasks are on hold (never
// overdue or stale) and count per project in the tracker summary; officers
// change a project's outcomes, participants and notes with checks and an
// event.
#include "services/workstreams/projects/projects.h"

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/store/etag.h"
#include "services/workstreams/projects/project_test_fixture.h"
#include "services/workstreams/tracker_summary.h"

namespace wp::workstreams {
namespace {

using test_support::Day;
using test_support::FieldsOf;

class ProjectsTest : public ProjectStoreTest {
 protected:
  void SetUp() override {
    ProjectStoreTest::SetUp();
    projects_ = std::make_unique<Projects>(*db_);
  }
  void TearDown() override {
    projects_.reset();
    ProjectStoreTest::TearDown();
  }

  // A task of `project` due on a day long past.
  void AddPastDueTask(const std::string& project, const std::string& task) {
    auto added = AddTask(project, task);
    ASSERT_TRUE(added.ok()) << added.status();
    v1::UpdatePlanItemRequest update;
    update.mutable_plan_item()->set_name(added->name());
    *update.mutable_plan_item()->mutable_expected_date() = Day(2021, 3, 31);
    update.mutable_update_mask()->add_paths("expected_date");
    ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, update).ok());
  }

  std::vector<std::string> OverdueRefs() {
    v1::ListPlanItemsRequest request;
    request.set_plan_period(kPeriod);
    *request.mutable_overdue_as_of() = Day(2021, 6, 1);
    auto listed = tracker_->ListPlanItems(request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<std::string> refs;
    if (listed.ok()) {
      for (const auto& item : listed->plan_items()) refs.push_back(item.ref());
    }
    return refs;
  }

  v1::TrackerSummary Summary() {
    auto summary = ComputeTrackerSummary(*db_, kPeriod, Day(2021, 6, 1));
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : v1::TrackerSummary();
  }

  std::unique_ptr<Projects> projects_;
};

TEST_P(ProjectsTest, ATaskTakesTheNextRefInItsProjectsWorkstream) {
  auto first = AddTask("executive-coaching", "Train ten coaches");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->ref(), "2.1");
  EXPECT_EQ(first->workstream(), "planPeriods/2020-23/workstreams/2");
  EXPECT_EQ(first->project(), "planPeriods/2020-23/projects/executive-coaching");
  EXPECT_EQ(first->project_status(), v1::PROJECT_PRIORITISED);
  // By name too, and after a ref given explicitly.
  ASSERT_TRUE(AddTask("planPeriods/2020-23/projects/executive-coaching", "Match coaches", "2.7").ok());
  auto third = AddTask("executive-coaching", "Review the first year");
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->ref(), "2.8");
}

TEST_P(ProjectsTest, BadProjectsOfATaskAreRefused) {
  auto wrong_workstream = AddTask("executive-coaching", "Task", "1.5");
  EXPECT_EQ(wrong_workstream.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(wrong_workstream.status()), std::vector<std::string>{"plan_item.ref"});

  auto unknown = AddTask("no-such-project", "Task");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(unknown.status().message().find("no-such-project"), absl::string_view::npos);

  auto bad_name = AddTask("Executive Coaching!", "Task");
  EXPECT_EQ(bad_name.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad_name.status()), std::vector<std::string>{"plan_item.project"});

  auto other_period = AddTask("planPeriods/2022-23/projects/executive-coaching", "Task");
  EXPECT_EQ(other_period.status().code(), absl::StatusCode::kInvalidArgument);

  v1::CreatePlanItemRequest no_ref_no_project;
  no_ref_no_project.mutable_plan_item()->set_plan_period(kPeriod);
  no_ref_no_project.mutable_plan_item()->set_task("Task");
  no_ref_no_project.mutable_plan_item()->set_status(v1::ON_TRACK);
  auto created = tracker_->CreatePlanItem(caller_, no_ref_no_project);
  EXPECT_EQ(FieldsOf(created.status()), std::vector<std::string>{"plan_item.ref"});
}

TEST_P(ProjectsTest, OngoingTasksHaveNoDateAndKeepTheirResourcesAndNotes) {
  auto task = AddTask("executive-coaching", "Coaching conversations");
  ASSERT_TRUE(task.ok());
  v1::UpdatePlanItemRequest both;
  both.mutable_plan_item()->set_name(task->name());
  both.mutable_plan_item()->set_ongoing(true);
  *both.mutable_plan_item()->mutable_expected_date() = Day(2021, 6, 30);
  both.mutable_update_mask()->add_paths("ongoing");
  both.mutable_update_mask()->add_paths("expected_date");
  auto refused = tracker_->UpdatePlanItem(caller_, both);
  EXPECT_EQ(FieldsOf(refused.status()), std::vector<std::string>{"plan_item.ongoing"});

  v1::UpdatePlanItemRequest dated;
  dated.mutable_plan_item()->set_name(task->name());
  *dated.mutable_plan_item()->mutable_expected_date() = Day(2021, 6, 0);
  dated.mutable_update_mask()->add_paths("expected_date");
  ASSERT_TRUE(tracker_->UpdatePlanItem(caller_, dated).ok());

  v1::UpdatePlanItemRequest ongoing;
  ongoing.mutable_plan_item()->set_name(task->name());
  ongoing.mutable_plan_item()->set_ongoing(true);
  ongoing.mutable_plan_item()->set_resources("Two coaches' time, 1 day a month");
  ongoing.mutable_plan_item()->set_plan_notes("Online while schools are closed");
  for (const char* path : {"ongoing", "resources", "plan_notes"}) ongoing.mutable_update_mask()->add_paths(path);
  auto updated = tracker_->UpdatePlanItem(caller_, ongoing);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_TRUE(updated->ongoing());
  EXPECT_FALSE(updated->has_expected_date());
  EXPECT_EQ(updated->resources(), "Two coaches' time, 1 day a month");
  EXPECT_EQ(updated->plan_notes(), "Online while schools are closed");

  v1::UpdatePlanItemRequest too_long;
  too_long.mutable_plan_item()->set_name(task->name());
  too_long.mutable_plan_item()->set_resources(std::string(4001, 'x'));
  too_long.mutable_update_mask()->add_paths("resources");
  EXPECT_EQ(FieldsOf(tracker_->UpdatePlanItem(caller_, too_long).status()),
            std::vector<std::string>{"plan_item.resources"});
}

TEST_P(ProjectsTest, PausedProjectsTasksAreOnHoldNotOverdue) {
  AddPastDueTask("thinking-about-headship", "Run the spring cohort");  // 2.1, paused
  AddPastDueTask("executive-coaching", "Train ten coaches");          // 2.2
  EXPECT_EQ(OverdueRefs(), std::vector<std::string>{"2.2"});

  v1::TrackerSummary summary = Summary();
  EXPECT_EQ(summary.totals().overdue(), 1);
  EXPECT_EQ(summary.totals().on_hold(), 1);
  ASSERT_EQ(summary.projects_size(), 3);
  // By workstream, then title.
  EXPECT_EQ(summary.projects(0).project(), "planPeriods/2020-23/projects/wellbeing-resource-bank");
  EXPECT_EQ(summary.projects(0).counts().total(), 0);
  EXPECT_EQ(summary.projects(1).title(), "Executive Coaching");
  EXPECT_EQ(summary.projects(1).counts().overdue(), 1);
  EXPECT_EQ(summary.projects(2).title(), "Thinking About Headship");
  EXPECT_EQ(summary.projects(2).status(), v1::PROJECT_PAUSED);
  EXPECT_EQ(summary.projects(2).counts().on_hold(), 1);
  EXPECT_EQ(summary.projects(2).counts().overdue(), 0);
  EXPECT_EQ(summary.workstreams(1).counts().total(), 2);

  // Resumed by a later amendment: the task is overdue again, and its status shows it.
  SetProjectStatus("thinking-about-headship", v1::PROJECT_ACTIVE);
  EXPECT_EQ(OverdueRefs(), (std::vector<std::string>{"2.1", "2.2"}));
  v1::GetPlanItemRequest get;
  get.set_name("planPeriods/2020-23/planItems/2.1");
  EXPECT_EQ(tracker_->GetPlanItem(get)->project_status(), v1::PROJECT_ACTIVE);
  EXPECT_EQ(Summary().totals().on_hold(), 0);
}

TEST_P(ProjectsTest, ListsTasksOfOneProject) {
  ASSERT_TRUE(AddTask("executive-coaching", "Train ten coaches").ok());
  ASSERT_TRUE(AddTask("thinking-about-headship", "Run the spring cohort").ok());
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  request.set_project("thinking-about-headship");
  auto listed = tracker_->ListPlanItems(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->plan_items_size(), 1);
  EXPECT_EQ(listed->plan_items(0).task(), "Run the spring cohort");

  request.set_project("Not a project");
  EXPECT_EQ(FieldsOf(tracker_->ListPlanItems(request).status()), std::vector<std::string>{"project"});
}

TEST_P(ProjectsTest, GetAndListCountEachProjectsTasks) {
  ASSERT_TRUE(AddTask("executive-coaching", "Train ten coaches").ok());
  ASSERT_TRUE(AddTask("executive-coaching", "Match coaches").ok());
  v1::GetProjectRequest get;
  get.set_name("planPeriods/2020-23/projects/executive-coaching");
  auto project = projects_->Get(get);
  ASSERT_TRUE(project.ok()) << project.status();
  EXPECT_EQ(project->title(), "Executive Coaching");
  EXPECT_EQ(project->workstream(), "planPeriods/2020-23/workstreams/2");
  EXPECT_EQ(project->task_counts().on_track(), 2);

  get.set_name("planPeriods/2020-23/projects/nothing-here");
  EXPECT_EQ(projects_->Get(get).status().code(), absl::StatusCode::kNotFound);
  get.set_name("projects/executive-coaching");
  EXPECT_EQ(FieldsOf(projects_->Get(get).status()), std::vector<std::string>{"name"});

  v1::ListProjectsRequest list;
  list.set_plan_period(kPeriod);
  list.add_statuses(v1::PROJECT_PAUSED);
  auto paused = projects_->List(list);
  ASSERT_TRUE(paused.ok()) << paused.status();
  ASSERT_EQ(paused->projects_size(), 1);
  EXPECT_EQ(paused->projects(0).project_id(), "thinking-about-headship");

  list.clear_statuses();
  list.set_workstream_number(2);
  EXPECT_EQ(projects_->List(list)->projects_size(), 2);

  v1::ListProjectsRequest bad;
  bad.set_plan_period("2020");
  bad.set_workstream_number(100);
  bad.add_statuses(v1::PROJECT_STATUS_UNSPECIFIED);
  EXPECT_EQ(FieldsOf(projects_->List(bad).status()),
            (std::vector<std::string>{"plan_period", "workstream_number", "statuses[0]"}));
}

TEST_P(ProjectsTest, OfficersKeepOutcomesParticipantsAndNotes) {
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdateProjectRequest request;
  v1::Project* p = request.mutable_project();
  p->set_name("planPeriods/2020-23/projects/executive-coaching");
  p->add_expected_outcomes("Senior leaders report more confidence in leading change");
  v1::Participant* role = p->add_participants();
  role->set_kind(v1::Participant::ROLE);
  role->set_name("Headteachers");
  role->set_organisation("all eight authorities");
  v1::Participant* org = p->add_participants();
  org->set_kind(v1::Participant::ORGANISATION);
  org->set_name("Education Scotland");
  p->set_notes("Coaches trained in 2019 continue online.");
  auto updated = projects_->Update(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->expected_outcomes_size(), 1);
  ASSERT_EQ(updated->participants_size(), 2);
  EXPECT_EQ(updated->participants(0).organisation(), "all eight authorities");
  EXPECT_EQ(updated->participants(1).kind(), v1::Participant::ORGANISATION);
  EXPECT_EQ(updated->title(), "Executive Coaching");  // governance's, untouched

  auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.project.updated");
  v1::ProjectChanged payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(std::vector<std::string>(payload.changed_fields().begin(), payload.changed_fields().end()),
            (std::vector<std::string>{"expected_outcomes", "participants", "notes"}));

  // The same again changes nothing and writes no event.
  const int64_t after = test_support::LastSeq(*db_);
  ASSERT_TRUE(projects_->Update(caller_, request).ok());
  EXPECT_TRUE(test_support::EventsAfter(*db_, after).empty());

  // A stale etag is refused.
  request.mutable_project()->set_etag(store::EtagOf(1));
  request.mutable_project()->set_notes("Changed");
  EXPECT_EQ(projects_->Update(caller_, request).status().code(), absl::StatusCode::kAborted);
}

TEST_P(ProjectsTest, BadActionPlansAreRefusedNamingEachField) {
  v1::UpdateProjectRequest request;
  v1::Project* p = request.mutable_project();
  p->set_name("planPeriods/2020-23/projects/executive-coaching");
  p->add_expected_outcomes("  ");
  p->add_expected_outcomes("two\nlines");
  p->add_participants()->set_name("Nobody's kind");
  v1::Participant* org = p->add_participants();
  org->set_kind(v1::Participant::ORGANISATION);
  org->set_name("Education Scotland");
  org->set_organisation("Scotland");
  v1::Participant* person = p->add_participants();
  person->set_kind(v1::Participant::PERSON);
  person->set_name("");
  request.mutable_update_mask()->add_paths("expected_outcomes");
  request.mutable_update_mask()->add_paths("participants");
  auto refused = projects_->Update(caller_, request);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(refused.status()),
            (std::vector<std::string>{"project.expected_outcomes[0]", "project.expected_outcomes[1]",
                                      "project.participants[0].kind", "project.participants[1].organisation",
                                      "project.participants[2].name"}));

  request.mutable_update_mask()->add_paths("title");
  EXPECT_EQ(FieldsOf(projects_->Update(caller_, request).status()), std::vector<std::string>{"update_mask"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ProjectsTest);

}  // namespace
}  // namespace wp::workstreams
