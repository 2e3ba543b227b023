// Cache-aside reads over Redis: look the key up, and on a miss compute the
// value once (concurrent callers for the same key share one computation),
// store it with a TTL and return it.
//
// Redis is an accelerator, never a dependency: when it is down, slow or
// failing, GetOrCompute still computes and returns the value (slower, by at
// most about one Redis timeout), never an error because of Redis. Errors from the computation are returned (to every caller that
// shared it) and are not cached.
//
// Thread-safety: all methods may be called concurrently from any number of
// threads. The RedisClient must outlive the CacheAside.
#ifndef WP_LIBS_CACHE_CACHE_ASIDE_H_
#define WP_LIBS_CACHE_CACHE_ASIDE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/cache/cache_key.h"
#include "libs/cache/near_cache.h"
#include "libs/cache/redis_client.h"

namespace wp::cache {

// Counters since construction, for tests, benchmarks and metrics. A call
// either does its own lookup (counted in hits, misses or redis_errors) or
// shares one in progress (counted in shared).
struct CacheStats {
  int64_t hits = 0;          // Redis GET found the key
  int64_t misses = 0;        // Redis GET answered: no such key
  int64_t computations = 0;  // calls of `compute`
  int64_t redis_errors = 0;  // failed Redis GETs and SETs (outage, timeout, error reply)
  int64_t shared = 0;        // calls that waited for another caller's lookup
  int64_t near_hits = 0;     // answered from the in-process copy, no Redis call
};

class CacheAside {
 public:
  // `redis` is not owned. nullptr disables caching (every call computes, with
  // single flight still applied). With `near_entries` > 0, up to that many
  // values are also kept in process (near_cache.h) and read before Redis.
  explicit CacheAside(RedisClient* redis, size_t near_entries = 0);
  CacheAside(const CacheAside&) = delete;
  CacheAside& operator=(const CacheAside&) = delete;

  // Returns the cached value of `key`, or computes, stores (SET with expiry
  // `ttl`, which must be positive) and returns it. Build `key` with CacheKey()
  // so that it carries the data generation.
  //
  // Single flight: per key and process, one caller at a time does the lookup
  // (and the computation on a miss); callers arriving meanwhile wait and
  // share its result. Because the value is stored before the flight ends, a
  // caller arriving just after it finds the value in Redis instead of
  // computing again. `compute` runs on the calling thread and must not throw.
  absl::StatusOr<std::string> GetOrCompute(const std::string& key, absl::Duration ttl,
                                           absl::FunctionRef<absl::StatusOr<std::string>()> compute);

  CacheStats stats() const;

 private:
  // One lookup (and computation) in progress, shared by the callers that
  // wait for it.
  struct Flight;

  absl::StatusOr<std::string> LookupOrCompute(const std::string& key, absl::Duration ttl,
                                              absl::FunctionRef<absl::StatusOr<std::string>()> compute);

  RedisClient* const redis_;
  NearCache near_;

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<Flight>> flights_ ABSL_GUARDED_BY(mu_);

  std::atomic<int64_t> hits_{0};
  std::atomic<int64_t> misses_{0};
  std::atomic<int64_t> computations_{0};
  std::atomic<int64_t> redis_errors_{0};
  std::atomic<int64_t> shared_{0};
  std::atomic<int64_t> near_hits_{0};
};

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_CACHE_ASIDE_H_
