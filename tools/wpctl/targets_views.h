// Reach, baselines and targets (westos UsageTargetService) as text: the
// reach table of `usage reach`, the lists of `usage baseline list` and
// `usage target list`, and the status table of `usage target status`.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_TARGETS_VIEWS_H_
#define WP_TOOLS_WPCTL_TARGETS_VIEWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::wpctl {

namespace targets = ::wp::westos::v1;

// "growth", "reach", "positive-ratings" (or positive_ratings).
absl::StatusOr<targets::TargetKind> ParseTargetKind(absl::string_view text);

// One row per authority and a region row under a rule: users, population,
// reach; "no figure" where the population is missing, "<5" when suppressed.
std::string ReachText(const targets::ReachReport& report);
std::string BaselinesText(const std::vector<targets::Baseline>& baselines);
std::string TargetsText(const std::vector<targets::Target>& list);
// One row per status: current, expected, progress, RAG; then each reason.
std::string TargetStatusText(const std::vector<targets::TargetStatus>& statuses);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TARGETS_VIEWS_H_
