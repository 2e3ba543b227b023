// Fuzzes reading a project action plan file (ParseProjectPlan: header
// search, carried project titles, outcomes, participants, timescales,
// per-row rejections), the text a client uploads to ImportProjectPlan.
// Checks what project_plan_file.h promises: a refused file is
// INVALID_ARGUMENT; otherwise at most kMaxProjectPlanRows rows, each with a
// project, valid UTF-8 and an action plan the service's rules accept, or
// rejected with a bounded UTF-8 reason; and rows written back out
// (WriteProjectPlan) read back the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "services/workstreams/projects/project_plan_file.h"
#include "services/workstreams/projects/project_rules.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::table::Format;
using wp::workstreams::ProjectPlanExport;
using wp::workstreams::ProjectPlanFile;
using wp::workstreams::ProjectPlanRow;

void CheckRow(const ProjectPlanRow& row) {
  FUZZ_CHECK(!row.project.empty() && wp::fuzz::IsValidUtf8(row.project));
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.task) && row.task.size() <= wp::workstreams::kMaxTaskBytes);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.resources) && wp::fuzz::IsValidUtf8(row.notes));
  FUZZ_CHECK(!(row.ongoing && row.expected_date.has_value()));
  wp::workstreams::v1::Project plan;
  for (const std::string& o : row.outcomes) plan.add_expected_outcomes(o);
  for (const auto& p : row.participants) *plan.add_participants() = p;
  FUZZ_CHECK(wp::workstreams::ValidateActionPlan(plan, "row").ok());
}

// Each task row as one project's export, read back: the same cells.
void CheckRoundTrip(const ProjectPlanFile& file) {
  std::vector<ProjectPlanExport> exports;
  std::vector<const ProjectPlanRow*> tasks;
  for (const ProjectPlanRow& row : file.rows) {
    if (row.task.empty()) continue;
    ProjectPlanExport e;
    e.project.set_title(row.project);
    for (const std::string& o : row.outcomes) e.project.add_expected_outcomes(o);
    for (const auto& p : row.participants) *e.project.add_participants() = p;
    wp::workstreams::v1::PlanItem task;
    task.set_task(row.task);
    task.set_ongoing(row.ongoing);
    if (row.expected_date) {
      task.mutable_expected_date()->set_year(row.expected_date->year);
      task.mutable_expected_date()->set_month(row.expected_date->month);
      task.mutable_expected_date()->set_day(row.expected_date->day);
    }
    task.set_resources(row.resources);
    task.set_plan_notes(row.notes);
    task.set_status(wp::workstreams::v1::NOT_STARTED);
    e.tasks.push_back(task);
    exports.push_back(e);
    tasks.push_back(&row);
  }
  for (Format format : {Format::kCsv, Format::kTsv}) {
    absl::StatusOr<ProjectPlanFile> again =
        wp::workstreams::ParseProjectPlan(wp::workstreams::WriteProjectPlan(exports, format), format);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->rejections.empty());
    FUZZ_CHECK(again->rows.size() == tasks.size());
    for (size_t i = 0; i < tasks.size(); ++i) {
      const ProjectPlanRow& a = again->rows[i];
      const ProjectPlanRow& b = *tasks[i];
      FUZZ_CHECK(a.project == b.project && a.task == b.task && a.outcomes == b.outcomes);
      FUZZ_CHECK(a.ongoing == b.ongoing && a.expected_date.has_value() == b.expected_date.has_value());
      if (a.expected_date) FUZZ_CHECK(*a.expected_date == *b.expected_date);
      FUZZ_CHECK(a.resources == b.resources && a.notes == b.notes);
      FUZZ_CHECK(a.participants.size() == b.participants.size());
      for (size_t j = 0; j < a.participants.size(); ++j) {
        FUZZ_CHECK(google::protobuf::util::MessageDifferencer::Equals(a.participants[j], b.participants[j]));
      }
    }
  }
}

void Check(absl::string_view text, std::optional<Format> format) {
  absl::StatusOr<ProjectPlanFile> file = wp::workstreams::ParseProjectPlan(text, format);
  if (!file.ok()) {
    FUZZ_CHECK(file.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(file.status().message()));
    return;
  }
  FUZZ_CHECK(file->rows.size() + file->rejections.size() <=
             static_cast<size_t>(wp::workstreams::kMaxProjectPlanRows));
  for (const ProjectPlanRow& row : file->rows) CheckRow(row);
  for (const auto& rejected : file->rejections) {
    FUZZ_CHECK(!rejected.reason.empty() && rejected.reason.size() <= 1000);
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(rejected.reason));
  }
  CheckRoundTrip(*file);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  Check(text, std::nullopt);
  Check(text, Format::kTsv);
  return 0;
}
