// The transactional outbox: an event is written in the same transaction as
// the change it reports, so either both are committed or neither is. The
// outbox relay (libs/bus/outbox_relay.h) later publishes unsent rows in order.
//
// Also the consumer side of exactly-once effects: MarkHandled records an
// event id in the same transaction as the consumer's effect.
//
// Thread-safety: functions taking a Transaction run inside the caller's
// transaction; the others take a Database and are thread-safe.
#ifndef WP_LIBS_STORE_OUTBOX_H_
#define WP_LIBS_STORE_OUTBOX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::store {

struct OutboxMessage {
  int64_t seq = 0;
  std::string event_id;
  std::string subject;
  std::string payload;
};

// Reserves the next outbox position for `event_id` and returns it; the
// payload is stored with SetOutboxPayload (it may embed the position).
absl::StatusOr<int64_t> ReserveOutboxRow(Transaction& tx, const std::string& event_id,
                                         const std::string& subject);
absl::Status SetOutboxPayload(Transaction& tx, int64_t seq, const std::string& payload);

// Oldest unsent messages first, at most `limit`.
absl::StatusOr<std::vector<OutboxMessage>> FetchUnsent(Database& db, int limit);
absl::Status MarkSent(Database& db, const std::vector<int64_t>& seqs);
// The highest outbox position written so far (0 when empty).
absl::StatusOr<int64_t> LastOutboxSeq(Database& db);
// What waits to be published: the unsent rows and when the oldest of them
// was committed (metrics and the status screen; one indexed query).
struct OutboxBacklog {
  int64_t unsent = 0;
  absl::Time oldest_unsent = absl::InfiniteFuture();  // InfiniteFuture when none
};
absl::StatusOr<OutboxBacklog> ReadOutboxBacklog(Database& db);
// Deletes sent rows older than the newest `keep_last` positions
// (housekeeping), but never a row after the oldest unsent one: what is held
// is always every position from the oldest held to the newest, so the change
// feed (libs/changes) can tell a pruned position from one never written.
absl::Status PruneSent(Database& db, int64_t keep_last);

// The oldest and newest positions held (both 0 when the outbox is empty).
struct OutboxBounds {
  int64_t oldest = 0;
  int64_t newest = 0;
};
absl::StatusOr<OutboxBounds> ReadOutboxBounds(Transaction& tx);

// Rows after position `after_seq`, oldest first, at most `limit`, sent or
// not. When `subject_prefixes` is not empty, only rows whose subject starts
// with one of them (e.g. "wp.workstreams.plan_item.").
absl::StatusOr<std::vector<OutboxMessage>> ReadOutboxAfter(
    Transaction& tx, int64_t after_seq, const std::vector<std::string>& subject_prefixes, int limit);

// A random id given to this database when it was first opened. Cache keys
// carry it, so that two stacks sharing one Redis never read each other's
// values. Created on first call.
absl::StatusOr<std::string> StoreIdentity(Database& db);

// Records that `consumer` handled `event_id`. Returns false when it already
// had: the caller then skips the effect (its transaction commits nothing new).
absl::StatusOr<bool> MarkHandled(Transaction& tx, const std::string& consumer,
                                 const std::string& event_id);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_OUTBOX_H_
