// Options of `wpctl tracker import` that need more than a plain value.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_
#define WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

// --workstream-titles "1=Wellbeing for Learning|2=Leadership, Empowerment
// and Improvement": NUMBER=TITLE pairs separated by "|" (titles often hold
// commas). A usage error for a pair without "=" or with a number that is
// not a whole number; the service checks the rest (range, duplicates).
absl::StatusOr<std::vector<workstreams::v1::ImportWorkstreamTitle>> ParseWorkstreamTitles(
    absl::string_view text);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_
