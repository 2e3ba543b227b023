#include "tools/wpctl/project_views.h"

#include "gtest/gtest.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ProjectViewsTest, StatusWordsBothWays) {
  EXPECT_EQ(ProjectStatusWord(v1::PROJECT_PRIORITISED), "prioritised");
  EXPECT_EQ(ProjectStatusWord(v1::PROJECT_STATUS_UNSPECIFIED), "-");
  auto parsed = ParseProjectStatusList("paused, Withdrawn");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, (std::vector<v1::ProjectStatus>{v1::PROJECT_PAUSED, v1::PROJECT_WITHDRAWN}));
  EXPECT_TRUE(ParseProjectStatusList("")->empty());
  auto bad = ParseProjectStatusList("paused,on hold");
  EXPECT_TRUE(IsUsageError(bad.status()));
  EXPECT_TRUE(Contains(std::string(bad.status().message()), "on hold"));
}

TEST(ProjectViewsTest, ListShowsStatusAndTaskCounts) {
  v1::ListProjectsResponse response;
  v1::Project* p = response.add_projects();
  p->set_project_id("thinking-about-headship");
  p->set_title("Thinking About Headship");
  p->set_workstream_number(2);
  p->set_status(v1::PROJECT_PAUSED);
  p->mutable_task_counts()->set_total(3);
  p->mutable_task_counts()->set_complete(1);
  p->mutable_task_counts()->set_on_hold(2);
  v1::Project* empty = response.add_projects();
  empty->set_project_id("executive-coaching");
  empty->set_status(v1::PROJECT_PRIORITISED);
  const std::string text = ProjectsText(response);
  EXPECT_TRUE(Contains(text, "paused")) << text;
  EXPECT_TRUE(Contains(text, "1/3 complete, 2 on hold")) << text;
  EXPECT_TRUE(Contains(text, "no tasks")) << text;
  EXPECT_TRUE(Contains(text, "2 projects")) << text;
  EXPECT_EQ(ProjectsText(v1::ListProjectsResponse()), "no projects\n");
}

TEST(ProjectViewsTest, OneProjectShowsItsActionPlanAndTasks) {
  v1::Project p;
  p.set_name("planPeriods/2020-23/projects/executive-coaching");
  p.add_expected_outcomes("Leaders feel supported");
  v1::Participant* role = p.add_participants();
  role->set_kind(v1::Participant::ROLE);
  role->set_name("Headteachers");
  role->set_organisation("all eight authorities");
  v1::PlanItem task;
  task.set_ref("2.1");
  task.set_task("Recruit a third cohort");
  task.set_status(v1::ON_TRACK);
  task.set_ongoing(true);
  task.set_project_status(v1::PROJECT_PAUSED);
  const std::string text = ProjectText(p, {task});
  EXPECT_TRUE(Contains(text, "- Leaders feel supported")) << text;
  EXPECT_TRUE(Contains(text, "Headteachers (role, all eight authorities)")) << text;
  EXPECT_TRUE(Contains(text, "ongoing")) << text;
  EXPECT_TRUE(Contains(text, "on track (project paused)")) << text;
}

TEST(ProjectViewsTest, ImportGroupsIdenticalRejections) {
  v1::ImportProjectPlanResponse response;
  auto add = [&](int line, const std::string& ref, v1::ImportRowResult::Outcome outcome, const std::string& reason) {
    v1::ImportRowResult* r = response.add_results();
    r->set_line(line);
    r->set_ref(ref);
    r->set_outcome(outcome);
    r->set_reason(reason);
  };
  add(2, "2.1", v1::ImportRowResult::CREATED, "");
  add(3, "", v1::ImportRowResult::REJECTED, "no project titled \"Nurture\"");
  add(4, "2.2", v1::ImportRowResult::UNCHANGED, "");
  add(5, "", v1::ImportRowResult::REJECTED, "no project titled \"Nurture\"");
  add(6, "", v1::ImportRowResult::REJECTED, "Timescale: bad");
  response.set_created(1);
  response.set_unchanged(1);
  response.set_rejected(3);
  response.set_dry_run(true);
  const std::string text = ProjectImportText(response);
  EXPECT_TRUE(Contains(text, "created 2.1 (line 2)")) << text;
  EXPECT_TRUE(Contains(text, "rejected lines 3, 5: no project titled \"Nurture\"")) << text;
  EXPECT_TRUE(Contains(text, "rejected line 6: Timescale: bad")) << text;
  EXPECT_FALSE(Contains(text, "2.2")) << text;
  EXPECT_TRUE(Contains(text, "dry run, nothing changed: would have processed 5 rows: 1 created, 0 updated, "
                             "1 unchanged, 3 rejected")) << text;
}

}  // namespace
}  // namespace wp::wpctl
