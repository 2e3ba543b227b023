// Persistence of projects and their action plans. Every function runs inside
// the caller's transaction, so a change and its event commit together.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_STORE_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {

// Without task_counts. NOT_FOUND naming the project.
absl::StatusOr<v1::Project> LoadProject(store::Transaction& tx, const std::string& period,
                                        const std::string& project_id);
// The governance plan revision the project was last taken from.
absl::StatusOr<int64_t> LoadProjectPlanRevision(store::Transaction& tx, const std::string& period,
                                                const std::string& project_id);

struct ProjectFilter {
  std::string period;
  int workstream_number = 0;                  // 0: every workstream
  std::vector<v1::ProjectStatus> statuses;    // empty: every status
};
// By workstream number, then title.
absl::StatusOr<std::vector<v1::Project>> ListProjects(store::Transaction& tx, const ProjectFilter& filter);

// A project as governance's plan (at `plan_revision`) has it: title,
// description, workstream and status. The action plan starts empty.
absl::Status InsertProject(store::Transaction& tx, const v1::Project& project, int64_t plan_revision,
                           absl::Time now);
// Overwrites governance's fields and the revision. When the status moved
// from `previous_status`, copies it onto the project's tasks: going on hold
// ends their stale spells, coming off hold counts as activity.
absl::Status SaveProjectFromPlan(store::Transaction& tx, const v1::Project& project,
                                 v1::ProjectStatus previous_status, int64_t plan_revision, absl::Time now);
// Saves the action plan (outcomes, participants, notes); ABORTED when the
// stored version is not `expected_version`.
absl::Status SaveActionPlan(store::Transaction& tx, const v1::Project& project, int64_t expected_version,
                            absl::Time now);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECT_STORE_H_
