// Text views of project action plans for wpctl: the projects of a period
// with their task counts, one project with its action plan and tasks, and
// the result of an action plan import. Pure functions of the messages.
#ifndef WP_TOOLS_WPCTL_PROJECT_VIEWS_H_
#define WP_TOOLS_WPCTL_PROJECT_VIEWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/workstreams/v1/projects.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

// "prioritised", "paused", ...; "-" for unspecified.
std::string ProjectStatusWord(v1::ProjectStatus status);
// "paused,withdrawn" -> the statuses; a usage error naming the bad word.
absl::StatusOr<std::vector<v1::ProjectStatus>> ParseProjectStatusList(absl::string_view text);

std::string ProjectsText(const v1::ListProjectsResponse& response);
// The project's fields, then its tasks as the items table shows them.
std::string ProjectText(const v1::Project& project, const std::vector<v1::PlanItem>& tasks);
// A line per row that did not go through unchanged, then the counts:
// "processed 5 rows: 3 created, 0 updated, 0 unchanged, 2 rejected".
std::string ProjectImportText(const v1::ImportProjectPlanResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_PROJECT_VIEWS_H_
