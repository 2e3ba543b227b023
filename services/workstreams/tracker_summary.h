// The tracker summary dashboard: counts per status per workstream, overdue
// counts and share complete for a plan period as of a date.
//
// Computed by the database (one GROUP BY), cached in Redis under a key that
// carries the data generation, so any committed change is reflected at once.
// When Redis is down the summary is computed from the store: slower, never
// an error. Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_SUMMARY_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_SUMMARY_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/cache/cache_aside.h"
#include "libs/store/database.h"
#include "services/workstreams/stale_items.h"
#include "services/workstreams/tracker_store.h"
#include "libs/cache/data_generation.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

// Adds one row of CountByStatus (tracker_store.h) to `counts`.
void AddStatusCounts(v1::StatusCounts* counts, const StatusCountRow& row);
// Sets share_complete from the counts.
void SetShareComplete(v1::StatusCounts* counts);

// Straight from the store, no cache.
absl::StatusOr<v1::TrackerSummary> ComputeTrackerSummary(store::Database& db,
                                                         const std::string& period,
                                                         const wp::common::v1::Date& as_of,
                                                         const StaleRule& stale_rule = {});

class TrackerSummaries {
 public:
  // `cache` may be null (no caching). `store_id` (store::StoreIdentity) goes
  // into cache keys so stacks sharing a Redis keep apart.
  TrackerSummaries(store::Database& db, cache::CacheAside* cache, const cache::DataGeneration& generation,
                   std::string store_id = "", StaleRule stale_rule = {})
      : db_(db), cache_(cache), generation_(generation), store_id_(std::move(store_id)), stale_rule_(stale_rule) {}

  absl::StatusOr<v1::TrackerSummary> Get(const v1::GetTrackerSummaryRequest& request);

 private:
  store::Database& db_;
  cache::CacheAside* cache_;
  const cache::DataGeneration& generation_;
  const std::string store_id_;
  const StaleRule stale_rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_SUMMARY_H_
