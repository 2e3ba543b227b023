#include "services/workstreams/projects/project_plan_file.h"

#include <fstream>
#include <map>
#include <sstream>

#include "gtest/gtest.h"

namespace wp::workstreams {
namespace {

// As an officer saves the interim action plan's tables from a spreadsheet:
// a title row, merged project cells left blank, outcomes and participants
// spread over the rows.
constexpr char kInterimPlan[] =
    "Interim Action Plan January 2021,,,,,,\n"
    "Project title,Specific tasks,Expected outcomes,Participants,Timescale,Resources,Notes\n"
    "Executive Coaching,Recruit a third cohort of coachees,\"Leaders feel supported\n- More leaders coached\","
    "\"Headteachers (all eight authorities); organisation: Education Scotland\",March 2021,Coaches' time,\n"
    ",Move coaching sessions online,,person: Fiona Muir (Inverclyde),Ongoing,,Zoom licences in hand\n"
    ",,Coaches keep their accreditation,,,,\n"
    "\n"
    "West Online School,Record lessons for the top ten subjects,,,15/02/2021,\"£4,000\",\n";

TEST(ProjectPlanFileTest, ReadsTheInterimPlansShape) {
  auto file = ParseProjectPlan(kInterimPlan, std::nullopt);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->header_line, 2);
  EXPECT_FALSE(file->has_responsible);
  EXPECT_TRUE(file->rejections.empty()) << file->rejections[0].reason;
  ASSERT_EQ(file->rows.size(), 4u);

  const ProjectPlanRow& first = file->rows[0];
  EXPECT_EQ(first.line, 3);
  EXPECT_EQ(first.project, "Executive Coaching");
  EXPECT_EQ(first.task, "Recruit a third cohort of coachees");
  EXPECT_EQ(first.outcomes, (std::vector<std::string>{"Leaders feel supported", "More leaders coached"}));
  ASSERT_EQ(first.participants.size(), 2u);
  EXPECT_EQ(first.participants[0].name(), "Headteachers");
  EXPECT_EQ(first.participants[1].kind(), v1::Participant::ORGANISATION);
  ASSERT_TRUE(first.expected_date.has_value());
  EXPECT_EQ(first.expected_date->month, 3);
  EXPECT_EQ(first.expected_date->day, 0);
  EXPECT_EQ(first.resources, "Coaches' time");

  const ProjectPlanRow& second = file->rows[1];
  EXPECT_EQ(second.project, "Executive Coaching");  // carried from above
  EXPECT_TRUE(second.ongoing);
  EXPECT_FALSE(second.expected_date.has_value());
  EXPECT_EQ(second.notes, "Zoom licences in hand");

  const ProjectPlanRow& outcome_only = file->rows[2];
  EXPECT_TRUE(outcome_only.task.empty());
  EXPECT_EQ(outcome_only.outcomes, std::vector<std::string>{"Coaches keep their accreditation"});

  const ProjectPlanRow& wos = file->rows[3];
  EXPECT_EQ(wos.project, "West Online School");
  EXPECT_EQ(wos.expected_date->day, 15);
  EXPECT_EQ(wos.resources, "£4,000");
}

TEST(ProjectPlanFileTest, BadRowsAreRejectedAloneSayingWhy) {
  const char* text =
      "Project,Task,Timescale,Participants,Status,Ref,Responsible\n"
      ",An orphan task,,,,,\n"
      "Executive Coaching,Good task,Summer 2021,,,,\n"
      "Executive Coaching,Another,,Officers),Delayed,x.1,\n"
      "Executive Coaching,,June 2021,,,,\n"
      "Executive Coaching,Fine,June 2021,,Complete,2.4,Morag Lennox\n";
  auto file = ParseProjectPlan(text, std::nullopt);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(file->has_status);
  EXPECT_TRUE(file->has_responsible);
  ASSERT_EQ(file->rejections.size(), 4u);
  EXPECT_EQ(file->rejections[0].line, 2);
  EXPECT_NE(file->rejections[0].reason.find("no Project title"), std::string::npos);
  EXPECT_NE(file->rejections[1].reason.find("Timescale \"Summer 2021\" is a season"), std::string::npos)
      << file->rejections[1].reason;
  EXPECT_NE(file->rejections[2].reason.find("participant"), std::string::npos);
  EXPECT_NE(file->rejections[2].reason.find("Delayed"), std::string::npos);
  EXPECT_NE(file->rejections[2].reason.find("Ref"), std::string::npos);
  EXPECT_NE(file->rejections[3].reason.find("Specific tasks is empty"), std::string::npos);
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].ref, "2.4");
  EXPECT_EQ(*file->rows[0].status, ItemStatus::kComplete);
  EXPECT_EQ(*file->rows[0].responsible, "Morag Lennox");
}

TEST(ProjectPlanFileTest, AFileWithoutTheHeaderIsRefusedWhole) {
  auto file = ParseProjectPlan("Ref,Task,Status\n1.1,Something,Complete\n", std::nullopt);
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(file.status().message().find("Project title"), absl::string_view::npos);
  EXPECT_FALSE(ParseProjectPlan("Project title,Specific tasks\n\"open,x\n", std::nullopt).ok());
  EXPECT_FALSE(ParseProjectPlan("", std::nullopt).ok());
}

TEST(ProjectPlanFileTest, TooManyRowsAreRefusedWhole) {
  std::string text = "Project title,Specific tasks\n";
  for (int i = 0; i <= kMaxProjectPlanRows; ++i) text += "P,T\n";
  auto file = ParseProjectPlan(text, std::nullopt);
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ProjectPlanFileTest, WhatIsWrittenReadsBack) {
  ProjectPlanExport coaching;
  coaching.project.set_title("Executive Coaching");
  coaching.project.add_expected_outcomes("Leaders feel supported");
  coaching.project.add_expected_outcomes("More leaders coached");
  v1::Participant* p = coaching.project.add_participants();
  p->set_kind(v1::Participant::ROLE);
  p->set_name("Headteachers");
  p->set_organisation("all eight authorities");
  v1::PlanItem task;
  task.set_ref("2.1");
  task.set_task("Recruit a third cohort, \"online\"");
  task.set_lead("Morag Lennox");
  task.set_status(v1::ON_TRACK);
  task.mutable_expected_date()->set_year(2021);
  task.mutable_expected_date()->set_month(3);
  task.set_resources("Coaches' time");
  coaching.tasks.push_back(task);
  v1::PlanItem ongoing;
  ongoing.set_ref("2.2");
  ongoing.set_task("Coaching conversations");
  ongoing.set_status(v1::NOT_STARTED);
  ongoing.set_ongoing(true);
  ongoing.set_plan_notes("Online");
  coaching.tasks.push_back(ongoing);
  ProjectPlanExport empty;
  empty.project.set_title("Thinking About Headship");

  for (table::Format format : {table::Format::kCsv, table::Format::kTsv}) {
    const std::string text = WriteProjectPlan({coaching, empty}, format);
    auto file = ParseProjectPlan(text, format);
    ASSERT_TRUE(file.ok()) << file.status();
    EXPECT_TRUE(file->rejections.empty());
    ASSERT_EQ(file->rows.size(), 3u);
    EXPECT_EQ(file->rows[0].task, task.task());
    EXPECT_EQ(file->rows[0].ref, "2.1");
    EXPECT_EQ(*file->rows[0].responsible, "Morag Lennox");
    EXPECT_EQ(*file->rows[0].status, ItemStatus::kOnTrack);
    EXPECT_EQ(file->rows[0].outcomes, (std::vector<std::string>{"Leaders feel supported", "More leaders coached"}));
    ASSERT_EQ(file->rows[0].participants.size(), 1u);
    EXPECT_EQ(file->rows[0].participants[0].organisation(), "all eight authorities");
    EXPECT_EQ(file->rows[1].project, "Executive Coaching");
    EXPECT_TRUE(file->rows[1].ongoing);
    EXPECT_EQ(file->rows[1].notes, "Online");
    EXPECT_EQ(file->rows[2].project, "Thinking About Headship");
    EXPECT_TRUE(file->rows[2].task.empty());
  }
}

}  // namespace
}  // namespace wp::workstreams

namespace wp::workstreams {
namespace {

// The demo's interim action plan (deploy/local/demo) reads without a
// rejected row: the seven prioritised projects of the governance demo's
// 2020-23 plan, each with tasks, and one paused project's task.
TEST(ProjectPlanFileTest, TheDemoActionPlanReadsCleanly) {
  std::ifstream in(std::string(WP_DEMO_DIR) + "/interim-action-plan-2021.csv", std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  auto file = ParseProjectPlan(text.str(), std::nullopt);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(file->rejections.empty()) << file->rejections.front().reason;
  std::map<std::string, int> tasks;
  for (const ProjectPlanRow& row : file->rows) tasks[row.project] += row.task.empty() ? 0 : 1;
  EXPECT_EQ(tasks.size(), 8u);
  for (const auto& [project, count] : tasks) EXPECT_GE(count, 1) << project;
  EXPECT_EQ(tasks.count("Thinking About Headship"), 1u);
  EXPECT_EQ(tasks["West Online School"], 3);
}

}  // namespace
}  // namespace wp::workstreams
