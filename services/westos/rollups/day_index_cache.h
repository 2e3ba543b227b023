// Day indexes kept in memory while their day stands still. Each stored day
// has a version (usage_days) that every change to its events moves on, in
// the same transaction; a query reads the versions of its days and rebuilds
// only the days whose version moved, inside its own read transaction, so
// what it counts is one consistent snapshot. Replicas sharing a database
// each keep their own cache and see each other's changes the same way.
//
// Thread-safety: thread-safe. Two queries may rebuild the same day at once;
// both results are equal and the later replaces the earlier.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_CACHE_H_
#define WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_CACHE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "libs/store/database.h"
#include "services/westos/rollups/day_index.h"

namespace wp::westos {

class DayIndexCache {
 public:
  // Keeps at most about `max_bytes` of indexes, dropping the least recently used.
  explicit DayIndexCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The indexes of the days in [from, to] that have events, in day order.
  absl::StatusOr<std::vector<IndexedDay>> Days(store::Transaction& tx, int32_t from, int32_t to);

  struct Stats {
    int64_t builds = 0;  // days built from their events
    int64_t hits = 0;    // days served as built before
    int64_t evictions = 0;  // days dropped to stay within the budget
    size_t bytes = 0;
    size_t days = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    int64_t version = 0;
    std::shared_ptr<const DayIndex> index;
    uint64_t last_used = 0;
  };

  void Put(int32_t day, int64_t version, std::shared_ptr<const DayIndex> index);

  const size_t max_bytes_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<int32_t, Entry> entries_ ABSL_GUARDED_BY(mu_);
  size_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t clock_ ABSL_GUARDED_BY(mu_) = 0;
  Stats stats_ ABSL_GUARDED_BY(mu_);
};

// A day's events that count (not retracted), read from the store: its raw
// events and, for a purged day, its rollups (day_rollups.h).
absl::StatusOr<std::vector<ActivityRow>> LoadDayActivity(store::Transaction& tx, int32_t day);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_CACHE_H_
