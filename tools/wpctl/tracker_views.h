// The tracker as text: the summary dashboard table and the lines an import
// prints (progress, rejected rows, the closing counts).
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_TRACKER_VIEWS_H_
#define WP_TOOLS_WPCTL_TRACKER_VIEWS_H_

#include <map>
#include <string>
#include <vector>

#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

// A heading line, then one row per workstream (title cut to 40 characters)
// and a totals row under a rule.
std::string SummaryText(const v1::TrackerSummary& summary);

// "42%"; "-" when nothing is countable (every item superseded, or none).
std::string PercentComplete(const v1::StatusCounts& counts);

// "processed 120/500 rows" (no newline).
std::string ProgressText(const v1::ImportTrackerProgress& progress);
// "line 14 (ref 3.x): reason", or "line 14: reason" without a ref (no newline).
std::string RejectionText(const v1::ImportRowResult& result);
// "processed 50 rows: 3 created, 2 updated, 45 unchanged, 0 rejected", and
// for a dry run " (dry run: nothing was changed)" after it (no newline).
std::string ImportCountsText(const v1::ImportTrackerProgress& progress);
// "updated 1.2: status On track -> Complete; expected date 2019-06-30 ->
// 2019-08-31" ("would update" in a dry run; an empty value as "(none)").
std::string UpdateText(const v1::ImportRowResult& result, bool dry_run);
// "created workstream 3 "Workstream 3" (lead Neil Cowan)" ("would create"
// in a dry run; "no lead" when it has none).
std::string CreatedWorkstreamText(const v1::Workstream& workstream, bool dry_run);

// Rejected rows grouped by their reason, so fifty rows rejected for one
// reason make one line. Keeps at most kMaxLinesShown line numbers per reason.
class RejectionGroups {
 public:
  static constexpr size_t kMaxLinesShown = 10;

  void Add(const v1::ImportRowResult& result);
  // In order of each reason's first row: a reason of one row as
  // RejectionText; of several, "rejected 12 rows (lines 4, 5, 9, ...): reason".
  std::vector<std::string> Lines() const;

 private:
  struct Group {
    std::string reason;
    v1::ImportRowResult first;
    int rows = 0;
    std::vector<int> lines;  // the first kMaxLinesShown
  };
  std::vector<Group> groups_;
  std::map<std::string, size_t> by_reason_;  // reason -> index in groups_
};

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TRACKER_VIEWS_H_
