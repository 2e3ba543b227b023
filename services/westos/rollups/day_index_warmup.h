// Builds the day indexes of the most recent days in the background when the
// service starts, newest first, so that the first dashboards after a restart
// do not wait for days to be read from the store (about 3 s per million
// events on SQLite). Queries meanwhile build what they need themselves.
//
// Thread-safety: Start and Stop from one thread.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_WARMUP_H_
#define WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_WARMUP_H_

#include <atomic>
#include <cstdint>
#include <thread>

#include "libs/store/database.h"
#include "services/westos/rollups/day_index_cache.h"

namespace wp::westos {

class DayIndexWarmup {
 public:
  DayIndexWarmup(store::Database& db, DayIndexCache& cache) : db_(db), cache_(cache) {}
  ~DayIndexWarmup() { Stop(); }

  // Warms the `days` days up to and including the newest day with events, a
  // week at a time, newest first; stops early when the cache is full.
  void Start(int days);
  // Waits for the week being built, and stops.
  void Stop();

 private:
  void Run(int days);

  store::Database& db_;
  DayIndexCache& cache_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_WARMUP_H_
