// Import and export of project action plans (project_plan_file.h for the
// file's shape).
//
// Import: each row's project is found by its title (or id) among the
// period's projects; a row's task is the project's task with the same ref,
// or else with the same text (case and spacing aside), or a new task (the
// next free ref in the project's workstream). The file is the truth for the
// columns it has (timescale, resources, notes, responsible, status: a blank
// cell clears, except a blank status), and leaves the others as they are;
// outcomes and participants the file gives replace the project's. Rows are applied
// through the tracker's rules and events, all in one transaction, with a
// result per row: a bad row is rejected alone and the others are kept.
// Importing the same file again changes nothing. A dry run reports the same
// results and rolls everything back.
//
// Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_IMPORT_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_IMPORT_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {

class ProjectPlans {
 public:
  explicit ProjectPlans(store::Database& db) : db_(db) {}

  // INVALID_ARGUMENT for a bad period or format, or a file that cannot be
  // read as an action plan at all (project_plan_file.h).
  absl::StatusOr<v1::ImportProjectPlanResponse> Import(const server::Caller& caller,
                                                       const v1::ImportProjectPlanRequest& request);
  // NOT_FOUND for a project that does not exist.
  absl::StatusOr<v1::ExportProjectPlanResponse> Export(const v1::ExportProjectPlanRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_PLAN_IMPORT_H_
