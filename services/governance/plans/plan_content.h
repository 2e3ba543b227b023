// The content of an improvement plan (title, theme, vision, priorities,
// workstreams, projects): which fields a request sets, and the checks of
// those fields, shared by CreatePlan, UpdatePlan and AmendPlan.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_PLAN_CONTENT_H_
#define WP_SERVICES_GOVERNANCE_PLANS_PLAN_CONTENT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/field_mask.pb.h"
#include "libs/status/field_errors.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

// Limits that keep one plan a readable document (and one row set small).
inline constexpr int kMaxPriorities = 50;
inline constexpr int kMaxProjects = 500;
inline constexpr int kMinWorkstreamNumber = 1;
inline constexpr int kMaxWorkstreamNumber = 99;

// The content fields a request sets.
struct ContentFields {
  bool title = false;
  bool theme = false;
  bool vision = false;
  bool priorities = false;
  bool workstreams = false;
  bool projects = false;

  static ContentFields All();
  bool Empty() const;
  // The mask paths, in field order.
  std::vector<std::string> Paths() const;
};

// The fields `mask` names. Paths: title, theme, vision, priorities,
// workstreams, and projects when `allow_projects`. An unknown path is
// INVALID_ARGUMENT on `field`. An empty mask gives every allowed
// field when `empty_means_all`, none otherwise.
absl::StatusOr<ContentFields> ParseContentMask(const google::protobuf::FieldMask& mask,
                                               const std::string& field, bool allow_projects,
                                               bool empty_means_all);

// Checks each field of `plan` named by `fields` on its own, adding
// violations named "<prefix>.title", "<prefix>.workstreams[2].number", ...
// Whether projects' workstreams exist is CheckProjectWorkstreams' job.
void CheckPlanContent(const v1::Plan& plan, const ContentFields& fields, const std::string& prefix,
                      FieldViolations* v);

// One project, as CreatePlan/UpdatePlan take it (id, title, workstream_number
// required; status optional), named `field` (e.g. "plan.projects[3]").
void CheckProject(const v1::PlanProject& project, const std::string& field, FieldViolations* v);

// Every project of `plan` belongs to one of its workstreams. The violation
// names the project's workstream_number when the request set the projects
// (`fields.projects`), and "<prefix>.workstreams" when it only changed the
// workstreams under existing projects.
void CheckProjectWorkstreams(const v1::Plan& plan, const ContentFields& fields,
                             const std::string& prefix, FieldViolations* v);

// Copies the fields named by `fields` from `from` into `to` (lists whole).
void CopyContent(const v1::Plan& from, const ContentFields& fields, v1::Plan* to);

// Whether the two plans have the same title, theme, vision, priorities,
// workstreams (numbers and titles) and projects.
bool SameContent(const v1::Plan& a, const v1::Plan& b);

// Fills what the service derives: each workstream's name in the workstreams
// service, ACTIVE for projects given no status; orders workstreams by number
// and projects by workstream number, then id.
void NormalizeContent(const std::string& session_span, v1::Plan* plan);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_PLAN_CONTENT_H_
