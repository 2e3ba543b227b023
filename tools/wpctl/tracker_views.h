// The tracker as text: the summary dashboard table and the lines an import
// prints (progress, rejected rows, the closing counts).
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_TRACKER_VIEWS_H_
#define WP_TOOLS_WPCTL_TRACKER_VIEWS_H_

#include <string>

#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

// A heading line, then one row per workstream (title cut to 40 characters)
// and a totals row under a rule.
std::string SummaryText(const v1::TrackerSummary& summary);

// "42%"; "-" when nothing is countable (every item superseded, or none).
std::string PercentComplete(const v1::StatusCounts& counts);

// "imported 120/500 rows" (no newline).
std::string ProgressText(const v1::ImportTrackerProgress& progress);
// "line 14 (ref 3.x): reason", or "line 14: reason" without a ref (no newline).
std::string RejectionText(const v1::ImportRowResult& result);
// "created N, updated N, unchanged N, rejected N" (no newline).
std::string ImportCountsText(const v1::ImportTrackerProgress& progress);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TRACKER_VIEWS_H_
