// Workstreams and plan items as text: list tables, one resource in full
// (a plan item with its progress notes), and an item's status history.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_ITEM_VIEWS_H_
#define WP_TOOLS_WPCTL_ITEM_VIEWS_H_

#include <string>

#include "absl/time/civil_time.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

std::string WorkstreamsText(const v1::ListWorkstreamsResponse& response);
std::string WorkstreamText(const v1::Workstream& workstream);

// "ongoing", the expected date, or "-".
std::string ExpectedText(const v1::PlanItem& item);
// Task text is cut to fit a terminal line; `items get` shows it whole.
// An open item's status says "overdue" when its expected date is before
// `today` (as the service judges it) and "stale" while the service has it
// marked stale; a task of a paused or withdrawn project says so instead.
std::string PlanItemsText(const v1::ListPlanItemsResponse& response, absl::CivilDay today);
// With `latest_change` (the item's newest status history entry), also why
// the status is what it is. Progress notes are listed by their date.
std::string PlanItemText(const v1::PlanItem& item, absl::CivilDay today,
                         const v1::StatusChange* latest_change = nullptr);

std::string HistoryText(const v1::ListStatusHistoryResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_ITEM_VIEWS_H_
