// QueryUsage through Redis: dashboards ask the same questions again and
// again, so a report is kept under a key that names the request, the
// caller's scope and the service's data generation. Every change to usage,
// content or privacy publishes an event, and the generation is the outbox
// position of the latest one, so a cached report is never older than the
// last committed change. A miss, or Redis down, computes from the day
// indexes (usage_query.h) as before.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_CACHED_USAGE_QUERIES_H_
#define WP_SERVICES_WESTOS_ROLLUPS_CACHED_USAGE_QUERIES_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/cache/cache_aside.h"
#include "libs/cache/data_generation.h"
#include "libs/server/request_context.h"
#include "services/westos/rollups/usage_query.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {

class CachedUsageQueries {
 public:
  // `cache` may be nullptr (always computed). `store_id` keeps two stores
  // sharing one Redis apart.
  CachedUsageQueries(UsageQueries& queries, cache::CacheAside* cache, const cache::DataGeneration& generation,
                     std::string store_id)
      : queries_(queries), cache_(cache), generation_(generation), store_id_(std::move(store_id)) {}

  absl::StatusOr<v1::UsageReport> Query(const server::Caller& caller, const v1::QueryUsageRequest& request);

 private:
  UsageQueries& queries_;
  cache::CacheAside* const cache_;
  const cache::DataGeneration& generation_;
  const std::string store_id_;
};

// The part of a cache key that names the request and what of the caller
// shapes its answer (an authority officer sees only their authorities).
std::string UsageReportQueryKey(const server::Caller& caller, const v1::QueryUsageRequest& request);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_CACHED_USAGE_QUERIES_H_
