// A service's data generation: a number that grows with every committed
// change a cached aggregate depends on (it is the outbox position of the
// change's event). Cache keys carry it, so a change makes every older cached
// aggregate unreachable at once, and a Redis outage cannot make a stale value
// reachable again: the generation lives here, not in Redis.
//
// Advanced by this process right after its own commits (read-your-writes),
// and by the consumer of the service's own events, so that other replicas'
// changes invalidate too. Thread-safe.
#ifndef WP_LIBS_CACHE_DATA_GENERATION_H_
#define WP_LIBS_CACHE_DATA_GENERATION_H_

#include <atomic>
#include <cstdint>

namespace wp::cache {

class DataGeneration {
 public:
  explicit DataGeneration(int64_t start = 0) : value_(start) {}
  int64_t current() const { return value_.load(std::memory_order_acquire); }
  // Moves forward to `to`; never backwards (events may arrive late or twice).
  void AdvanceTo(int64_t to) {
    int64_t seen = value_.load(std::memory_order_relaxed);
    while (seen < to && !value_.compare_exchange_weak(seen, to, std::memory_order_acq_rel)) {
    }
  }

 private:
  std::atomic<int64_t> value_;
};

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_DATA_GENERATION_H_
