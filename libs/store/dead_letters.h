// Outbox events the bus refused for good, moved aside so the rest flow.
//
// The outbox relay publishes strictly in order, so one event the broker can
// never accept (too large for its max_payload, a subject it refuses) would
// hold back every later event. The relay moves such an event here with the
// reason; an operator lists it (OutboxAdmin, `wpctl outbox dead-letters`)
// and, once the cause is fixed, re-drives it: it goes back into the outbox,
// behind what was written meanwhile, with the same event id, so the broker
// and consumers still see it at most once.
//
// Thread-safety: functions take a Database and are thread-safe.
#ifndef WP_LIBS_STORE_DEAD_LETTERS_H_
#define WP_LIBS_STORE_DEAD_LETTERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::store {

struct DeadLetter {
  int64_t seq = 0;  // the event's outbox position when it was written
  std::string event_id;
  std::string subject;
  int64_t payload_bytes = 0;
  std::string created_at;  // when the change was committed (RFC 3339, UTC)
  std::string failed_at;   // when it was moved aside
  std::string reason;      // the broker's last answer
  int64_t attempts = 0;    // publishes tried before it was moved aside
};

// Moves outbox row `seq` aside in one transaction: copies it with `reason`
// and marks the outbox row handled, so the relay goes on with the next.
// NOT_FOUND when no unsent row has that position.
absl::Status MoveToDeadLetters(Database& db, int64_t seq, const std::string& reason,
                               int64_t attempts);

// Dead letters after position `after_seq`, oldest first, at most `limit`.
absl::StatusOr<std::vector<DeadLetter>> ListDeadLetters(Database& db, int64_t after_seq, int limit);

// How many dead letters wait (for metrics and the status screen).
absl::StatusOr<int64_t> CountDeadLetters(Database& db);

// Puts dead letter `seq` back into the outbox as a new unsent row (a new
// position, the same event id and bytes) and removes it from the dead
// letters, in the caller's transaction (which may audit it); returns the new
// outbox position. NOT_FOUND when there is none.
absl::StatusOr<int64_t> RedriveDeadLetter(Transaction& tx, int64_t seq);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_DEAD_LETTERS_H_
