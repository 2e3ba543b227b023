// Finds stored usage events by key (event_keys.h), the way that is cheap on
// the store's engine.
//
// usage_events is kept in arrival order (its `seq`), so each batch is
// appended at the end of the table. An index by key would put every new
// event on a random page of its b-tree: PostgreSQL logs each such insert as
// a small record and keeps the index (a unique one, so two replicas can
// never store an id twice). SQLite writes every page a commit touched into
// its write-ahead log whole, so there an index by key costs about one 4 kB
// page per event; measured, it cut ingestion five-fold at 1.5 million events.
// On SQLite, then, the keys live in memory instead: a map from key to seq,
// filled from the table when the service starts (about 16 bytes per event)
// and brought up to date at the start of every write that needs it, inside
// SQLite's single-writer transaction, so it sees every committed event,
// whichever process wrote it.
//
// Thread-safe.
#ifndef WP_SERVICES_WESTOS_INGEST_EVENT_LOCATOR_H_
#define WP_SERVICES_WESTOS_INGEST_EVENT_LOCATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "libs/store/database.h"

namespace wp::westos {

// What deduplication and retraction need to know of a stored event.
struct KnownEvent {
  int64_t seq = 0;
  int64_t key = 0;
  std::string event_id;
  int64_t digest = 0;
  int32_t day = 0;
  bool retracted = false;
  // Its figures were folded into the day's rollups (privacy/usage_privacy.h):
  // it can no longer be retracted on its own.
  bool purged = false;
};

class EventLocator {
 public:
  explicit EventLocator(store::StoreEngine engine) : in_memory_(engine == store::StoreEngine::kSqlite) {}

  // Reads every stored key into memory (SQLite), so that the first batch
  // after a start does not wait for it. Call before serving.
  absl::Status Warm(store::Database& db);

  // Inside a write transaction. The stored events whose keys are among `keys`.
  absl::StatusOr<std::vector<KnownEvent>> FindByKeys(store::Transaction& tx, const std::vector<int64_t>& keys);
  // The stored events with keys in [key, key + kKeyProbes): where an id
  // whose own key is taken by another id was put.
  absl::StatusOr<std::vector<KnownEvent>> FindNearKey(store::Transaction& tx, int64_t key);

  // The seq for the first event a write appends, or nullopt when the
  // database assigns them (PostgreSQL, where replicas append at once). Valid
  // after a Find in the same transaction.
  std::optional<int64_t> FirstNewSeq() const;

  // After a write that appended events numbered by FirstNewSeq has
  // committed: their (key, seq), so that the next write need not read them
  // back. Anything another process appended before them is still read by
  // the next catch-up.
  void Learn(const std::vector<std::pair<int64_t, int64_t>>& key_seqs);

  // Keys held in memory (0 on PostgreSQL).
  size_t keys_in_memory() const;

 private:
  // Reads the events appended since the last catch-up into the map.
  absl::Status CatchUp(store::Transaction& tx) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::vector<KnownEvent>> SeqsOf(store::Transaction& tx, const std::vector<int64_t>& keys);

  const bool in_memory_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<int64_t, int64_t> seq_of_key_ ABSL_GUARDED_BY(mu_);
  int64_t last_seq_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_EVENT_LOCATOR_H_
