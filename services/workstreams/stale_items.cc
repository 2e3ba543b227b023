#include "services/workstreams/stale_items.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/tracker_store.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

int64_t StaleRule::StaleBeforeUs(absl::Time now) const {
  return calendar::Micros(now - absl::Hours(24) * after_days);
}

int64_t StaleRule::StaleBeforeUs(absl::CivilDay day) const {
  return StaleBeforeUs(absl::FromCivil(day + 1, absl::UTCTimeZone()));
}

absl::StatusOr<int> StaleItems::MarkNewlyStale(const server::Caller& caller, absl::Time now) {
  return store::WriteValue<int>(db_, [&](store::Transaction& tx) -> absl::StatusOr<int> {
    WP_ASSIGN_OR_RETURN(
        std::vector<store::Row> rows,
        tx.Query(absl::StrCat("SELECT plan_period, ref FROM plan_items WHERE stale_since_us = 0 AND "
                              "last_activity_us < ?", OpenAndNotOnHold(),
                              " ORDER BY plan_period, workstream_number, task_number"),
                 {rule_.StaleBeforeUs(now)}));
    for (const store::Row& row : rows) {
      const std::string period = row.Text(0);
      const std::string ref = row.Text(1);
      WP_RETURN_IF_ERROR(tx.Execute("UPDATE plan_items SET stale_since_us = ? WHERE plan_period = ? AND ref = ?",
                                    {calendar::Micros(now), period, ref})
                             .status());
      WP_ASSIGN_OR_RETURN(v1::PlanItem item, LoadPlanItem(tx, period, ref));
      v1::PlanItemWentStale event;
      event.set_plan_item(item.name());
      event.set_workstream(item.workstream());
      event.set_ref(item.ref());
      event.set_lead(item.lead());
      event.set_status(item.status());
      *event.mutable_last_activity_time() = item.last_activity_time();
      event.set_stale_after_days(rule_.after_days);
      *event.mutable_stale_since() = item.stale_since();
      WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "plan_item", "went_stale", item.name(), event).status());
    }
    return static_cast<int>(rows.size());
  });
}

}  // namespace wp::workstreams
