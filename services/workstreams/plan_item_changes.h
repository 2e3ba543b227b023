// Writes a plan-item change together with its history and events, the same
// way whether it comes from an RPC or from a tracker import: the item row,
// the status history and the events (created; updated then status_changed;
// progress_noted) all in the caller's transaction.
//
// Each function returns the outbox position of the last event it wrote (the
// new data generation). Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_PLAN_ITEM_CHANGES_H_
#define WP_SERVICES_WORKSTREAMS_PLAN_ITEM_CHANGES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

// Names of the fields whose value differs, in a fixed order.
std::vector<std::string> ChangedFields(const v1::PlanItem& before, const v1::PlanItem& after);

// Inserts a validated new item (and its notes), its first history entry and
// plan_item.created. Returns the item as read back.
absl::StatusOr<v1::PlanItem> RecordCreated(store::Transaction& tx, const server::Caller& caller,
                                           const v1::PlanItem& item, const std::string& reason,
                                           absl::Time now);

// Saves `after` over `before` (checked by the caller), then writes
// plan_item.updated and, when the status moved, the history entry and
// plan_item.status_changed. Returns the item as read back.
absl::StatusOr<v1::PlanItem> RecordUpdated(store::Transaction& tx, const server::Caller& caller,
                                           const v1::PlanItem& before, const v1::PlanItem& after,
                                           const std::string& reason, absl::Time now);

// Adds a note and writes plan_item.progress_noted with the note as stored.
absl::Status RecordNote(store::Transaction& tx, const server::Caller& caller,
                        const v1::PlanItem& item, const v1::ProgressNote& note, absl::Time now);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PLAN_ITEM_CHANGES_H_
