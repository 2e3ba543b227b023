// Stores batches of usage events: deduplicated by event id for good, each
// event answered on its own (accepted, duplicate, conflict, rejected), one
// transaction per batch, so a result is only ever given for a committed
// batch. Also retracts events by id.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_INGEST_USAGE_INGEST_H_
#define WP_SERVICES_WESTOS_INGEST_USAGE_INGEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/ingest/event_locator.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {

// One item of a batch: an event that passed the field rules, or why not.
struct IngestItem {
  std::string event_id;  // as sent, echoed in the result
  std::optional<UsageEvent> event;
  std::string field;  // when `event` is empty
  std::string reason;
};

enum class Outcome { kAccepted = 1, kDuplicate = 2, kConflict = 3, kRejected = 4 };

struct ItemResult {
  std::string event_id;
  Outcome outcome = Outcome::kRejected;
  std::string field;
  std::string reason;
};

struct IngestTotals {
  int64_t accepted = 0;
  int64_t duplicates = 0;
  int64_t conflicts = 0;
  int64_t rejected = 0;
  void Add(const IngestTotals& o);
};

struct BatchResult {
  std::vector<ItemResult> results;  // one per item, in order
  IngestTotals totals;
};

// An erased person's event is kAlreadyRetracted (it counts no more); a
// purged one is kPurged: it counts, in its day's rollups, but not on its own.
enum class RetractionState { kRetracted = 1, kAlreadyRetracted = 2, kNotFound = 3, kPurged = 4 };

struct RetractionResult {
  std::vector<RetractionState> states;  // one per id, in order
  int64_t retracted = 0;
};

class UsageIngest {
 public:
  // `locator` finds stored events by key; shared with whatever else writes
  // usage_events in this process.
  UsageIngest(store::Database& db, EventLocator& locator) : db_(db), locator_(locator) {}

  // An event of the batch that is neither rejected nor repeated in the batch.
  struct Candidate {
    size_t index;
    int64_t key;
    int64_t digest;
  };
  // A batch checked, hashed and settled within itself: the part of
  // ingesting that needs no store.
  struct PreparedBatch {
    BatchResult batch;  // rejections and repeats within the batch answered
    std::vector<Candidate> unique;
  };

  absl::StatusOr<BatchResult> Ingest(const server::Caller& caller, const std::vector<IngestItem>& items) {
    return Ingest(caller, items, Prepare(items));
  }

  // The same in two steps, so that a caller can prepare one batch on its
  // own thread while the one before is stored.
  static PreparedBatch Prepare(const std::vector<IngestItem>& items);
  absl::StatusOr<BatchResult> Ingest(const server::Caller& caller, const std::vector<IngestItem>& items,
                                     const PreparedBatch& prepared);

  absl::StatusOr<RetractionResult> Retract(const server::Caller& caller, const std::vector<std::string>& event_ids,
                                           const std::string& reason);

  // The same within the caller's transaction, for a write that must commit
  // with the batch (xAPI statements are stored with their events). Results
  // are rebuilt on each call, so a retried transaction answers afresh.
  absl::StatusOr<BatchResult> IngestIn(store::Transaction& tx, const server::Caller& caller,
                                       const std::vector<IngestItem>& items);
  absl::StatusOr<RetractionResult> RetractIn(store::Transaction& tx, const server::Caller& caller,
                                             const std::vector<std::string>& event_ids, const std::string& reason);

  EventLocator& locator() { return locator_; }

 private:
  // Settles `prepared` against the store and appends its new events;
  // `added` gets the (key, seq) of each when the locator numbers them.
  absl::Status StoreIn(store::Transaction& tx, const server::Caller& caller, const std::vector<IngestItem>& items,
                       PreparedBatch& prepared, std::vector<std::pair<int64_t, int64_t>>* added);
  static BatchResult Finish(PreparedBatch prepared);

  store::Database& db_;
  EventLocator& locator_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_USAGE_INGEST_H_
