// Outbox rows as change-feed entries (wp.common.v1.Change): the entity type
// and verb read from the event type, and the tombstone of a deletion.
//
// A deletion is an event whose payload is wp.common.v1.ResourceDeleted
// (by convention typed wp.<service>.<entity>.deleted); its tombstone
// carries the payload's resource name and natural key.
//
// Thread-safety: pure functions.
#ifndef WP_LIBS_CHANGES_CHANGE_ROWS_H_
#define WP_LIBS_CHANGES_CHANGE_ROWS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/store/outbox.h"
#include "wp/common/v1/changes.pb.h"

namespace wp::changes {

// "plan_item" from "wp.workstreams.plan_item.created"; empty when `type` is
// not wp.<service>.<entity>.<verb>.
std::string EntityTypeOf(absl::string_view type);

// True for a well-formed entity type: a lower-case letter, then lower-case
// letters, digits and underscores, at most 64 bytes.
bool IsEntityTypeName(absl::string_view name);

// The change an outbox row records. DATA_LOSS naming the position when the
// stored envelope does not parse.
absl::StatusOr<wp::common::v1::Change> ChangeOf(const store::OutboxMessage& row);

}  // namespace wp::changes

#endif  // WP_LIBS_CHANGES_CHANGE_ROWS_H_
