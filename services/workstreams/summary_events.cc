#include "services/workstreams/summary_events.h"

#include "absl/strings/match.h"

namespace wp::workstreams {

bool ChangesTrackerSummary(const wp::common::v1::Event& event) {
  return absl::StartsWith(event.type(), "wp.workstreams.plan_item.") ||
         absl::StartsWith(event.type(), "wp.workstreams.workstream.") ||
         absl::StartsWith(event.type(), "wp.workstreams.project.");
}

}  // namespace wp::workstreams
