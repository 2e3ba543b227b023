// Project action plans as spreadsheets, in the shape of the January 2021
// interim action plan's tables: one row per specific task, with the columns
//   Project title, Specific tasks, Expected outcomes, Participants,
//   Timescale, Resources, Notes
// and, optionally, Responsible (who leads the task), Status and Ref (the
// task's plan item ref, written by exports so a re-import updates in place).
//
// As in the plan's tables, a project's outcomes and participants span its
// task rows: a blank Project title means the project of the row above, and
// outcomes and participants given on any of a project's rows add to its
// lists (one per line, or participants separated by ";"). A row with
// outcomes or participants but no task only adds to those lists.
//
// Pure text handling: which project and task a row means is decided by the
// import (project_plan_import.h). Thread-safe: pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_FILE_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_FILE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/table/table_text.h"
#include "services/workstreams/plan_item_types.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {

// A file of more rows than this is refused whole: an action plan has tens.
inline constexpr int kMaxProjectPlanRows = 5000;

struct ProjectPlanRow {
  int line = 0;
  std::string project;  // the Project title cell, or the one carried from above
  std::string task;     // empty for a row that only adds outcomes or participants
  std::vector<std::string> outcomes;
  std::vector<v1::Participant> participants;
  // Timescale: a date (day 0: only the month), "ongoing", or neither (blank, TBC).
  std::optional<CalendarDate> expected_date;
  bool ongoing = false;
  std::string resources;
  std::string notes;
  // Present only when the file has the column.
  std::optional<std::string> responsible;
  std::optional<ItemStatus> status;  // also absent for a blank Status cell
  std::string ref;                   // "" when none
};

struct ProjectPlanRejection {
  int line = 0;
  std::string project;
  std::string reason;  // every problem of the row, joined by "; "; at most 1000 bytes
};

struct ProjectPlanFile {
  table::Format format = table::Format::kCsv;
  int header_line = 0;
  // Which of the optional columns the file has: an import changes only
  // what the file has a column for.
  bool has_timescale = false;
  bool has_resources = false;
  bool has_notes = false;
  bool has_responsible = false;
  bool has_status = false;
  std::vector<ProjectPlanRow> rows;                // file order
  std::vector<ProjectPlanRejection> rejections;    // file order
};

// Reads the file; the header is the first row (within the first 10) naming
// Project title and Specific tasks ("Project" and "Task(s)" do too); rows
// above it are titles. INVALID_ARGUMENT for the whole file when it is
// malformed, has no such header, or has more than kMaxProjectPlanRows rows.
// A bad row (an unreadable timescale, participant, status or ref, a cell
// over its limit, a task with no project) is rejected alone, saying why.
absl::StatusOr<ProjectPlanFile> ParseProjectPlan(absl::string_view text, std::optional<table::Format> format);

// One project and its tasks (plan items of that project, in ref order) as rows.
struct ProjectPlanExport {
  v1::Project project;
  std::vector<v1::PlanItem> tasks;
};
// Header (every column, Responsible, Status and Ref last), then each
// project's task rows; its outcomes and participants on its first row, one
// per line. A project with no tasks gets one row with an empty task.
// ParseProjectPlan of the result reads the same projects and tasks back.
std::string WriteProjectPlan(const std::vector<ProjectPlanExport>& projects, table::Format format);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_FILE_H_
