// Statistics read through the Redis cache (libs/cache/cached_message.h):
// the key is the request's digest and the data generation, which the
// runtime moves on every commit, so an answer is never older than the
// last change and concurrent misses compute once. No cache (nullptr):
// every call computes.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_LEARNING_STATISTICS_CACHED_STATISTICS_H_
#define WP_SERVICES_LEARNING_STATISTICS_CACHED_STATISTICS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/cache/cache_aside.h"
#include "libs/cache/data_generation.h"
#include "services/learning/statistics/learning_statistics.h"

namespace wp::learning {

class CachedStatistics {
 public:
  CachedStatistics(LearningStatistics& statistics, cache::CacheAside* cache, const cache::DataGeneration& generation,
                   std::string store_id)
      : statistics_(statistics), cache_(cache), generation_(generation), store_id_(std::move(store_id)) {}

  absl::StatusOr<v1::Statistics> Get(const v1::GetStatisticsRequest& request, absl::CivilDay today);

 private:
  LearningStatistics& statistics_;
  cache::CacheAside* cache_;
  const cache::DataGeneration& generation_;
  const std::string store_id_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_CACHED_STATISTICS_H_
