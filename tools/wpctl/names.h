// Resource names from what people type. A full name is passed through as
// given (the service judges it); a short one is expanded:
//   workstream  "3"    + --period 2018-21 -> planPeriods/2018-21/workstreams/3
//   plan item   "3.1"  + --period 2018-21 -> planPeriods/2018-21/planItems/3.1
//   network     "maths-leads"             -> networks/maths-leads
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_NAMES_H_
#define WP_TOOLS_WPCTL_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::wpctl {

// `period` may be empty; a short name without one is a usage error.
absl::StatusOr<std::string> WorkstreamName(absl::string_view text, absl::string_view period);
absl::StatusOr<std::string> PlanItemName(absl::string_view text, absl::string_view period);
absl::StatusOr<std::string> NetworkName(absl::string_view text);
// "executive-coaching" with --period 2020-23 -> planPeriods/2020-23/projects/executive-coaching.
absl::StatusOr<std::string> ProjectName(absl::string_view text, absl::string_view period);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_NAMES_H_
