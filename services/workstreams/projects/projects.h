// Projects and their action plans: reading them with their tasks counted,
// and changing the action plan officers keep (outcomes, participants,
// notes). Title, workstream and status are governance's
// (from_governance/plan_projects.h). Tasks are plan items (tracker.h).
// A plain class; the gRPC layer only translates.
//
// Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/stale_items.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::workstreams {

class Projects {
 public:
  explicit Projects(store::Database& db, StaleRule stale_rule = {}) : db_(db), stale_rule_(stale_rule) {}

  absl::StatusOr<v1::Project> Get(const v1::GetProjectRequest& request);
  absl::StatusOr<v1::ListProjectsResponse> List(const v1::ListProjectsRequest& request);
  // Writes project.updated with the fields that changed; a change to
  // nothing writes nothing.
  absl::StatusOr<v1::Project> Update(const server::Caller& caller, const v1::UpdateProjectRequest& request);

 private:
  store::Database& db_;
  const StaleRule stale_rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_H_
