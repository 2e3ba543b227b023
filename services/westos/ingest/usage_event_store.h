// The SQL of stored usage events. Free functions on the caller's
// transaction; batches are read and written with multi-row statements of a
// fixed width, so both engines reuse a few prepared statements.
#ifndef WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_STORE_H_
#define WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::westos {

// A usage event as stored: dimensions coded (see migrations.cc).
struct StoredEvent {
  int64_t key = 0;
  std::string event_id;
  int64_t digest = 0;
  int32_t day = 0;
  int64_t occurred_us = 0;
  int64_t user_num = 0;
  int role = 0;
  int authority = 0;
  int64_t establishment_num = 0;
  int sector = 0;
  int simd = 0;
  int64_t content_num = 0;
  int action = 0;
  int64_t seconds = 0;
  int rating = 0;
};

// What deduplication needs to know of an event already stored.
struct KnownEvent {
  int64_t key = 0;
  std::string event_id;
  int64_t digest = 0;
  int32_t day = 0;
  bool retracted = false;
  // Its figures were folded into the day's rollups (privacy/usage_privacy.h):
  // it can no longer be retracted on its own.
  bool purged = false;
};

// The stored events whose keys are among `keys`.
absl::StatusOr<std::vector<KnownEvent>> FindEventsByKeys(store::Transaction& tx,
                                                         const std::vector<int64_t>& keys);
// The stored events with keys in [key, key + kKeyProbes): where an id whose
// own key is taken by another id was put.
absl::StatusOr<std::vector<KnownEvent>> FindEventsNearKey(store::Transaction& tx, int64_t key);

absl::Status InsertEvents(store::Transaction& tx, const std::vector<StoredEvent>& events);

// Marks the event retracted; false when it already was.
absl::StatusOr<bool> MarkRetracted(store::Transaction& tx, int64_t key);

// A table giving texts dense numbers (people, establishments, content).
struct NumberedTable {
  const char* table;
  const char* number_column;
  const char* text_column;
};
inline constexpr NumberedTable kUsers{"usage_users", "user_num", "user_id"};
inline constexpr NumberedTable kEstablishments{"establishments", "establishment_num", "code"};
inline constexpr NumberedTable kContent{"content_items", "content_num", "content_id"};

// The number of each text, adding the texts not yet numbered.
absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> NumberTexts(store::Transaction& tx,
                                                                       const NumberedTable& table,
                                                                       const std::vector<std::string>& texts);

// Adds `delta` events to each day and moves its version on, so that cached
// indexes of those days are rebuilt.
absl::Status RecordDayChanges(store::Transaction& tx, const absl::flat_hash_map<int32_t, int64_t>& deltas);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_STORE_H_
