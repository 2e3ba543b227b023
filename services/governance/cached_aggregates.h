// The governance aggregates dashboards and members read most: the meeting
// pack and the budget summary, served from Redis (libs/cache) under keys
// that carry the data generation. Every change in this service publishes an
// event, and the generation is the outbox position of the latest one, so a
// cached answer is never older than the last committed change.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_CACHED_AGGREGATES_H_
#define WP_SERVICES_GOVERNANCE_CACHED_AGGREGATES_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/cache/cache_aside.h"
#include "libs/cache/data_generation.h"
#include "libs/server/request_context.h"
#include "services/governance/budgets/budget_summary.h"
#include "services/governance/meetings/meetings.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

class CachedAggregates {
 public:
  // `cache` may be nullptr (always computed). `store_id` keeps two stores
  // sharing one Redis apart.
  CachedAggregates(Meetings& meetings, BudgetSummaries& summaries, cache::CacheAside* cache,
                   const cache::DataGeneration& generation, std::string store_id)
      : meetings_(meetings),
        summaries_(summaries),
        cache_(cache),
        generation_(generation),
        store_id_(std::move(store_id)) {}

  absl::StatusOr<v1::MeetingPack> GetMeetingPack(const server::Caller& caller,
                                                 const v1::GetMeetingPackRequest& request);
  absl::StatusOr<v1::BudgetSummary> GetBudgetSummary(const server::Caller& caller,
                                                     const v1::GetBudgetSummaryRequest& request);

 private:
  Meetings& meetings_;
  BudgetSummaries& summaries_;
  cache::CacheAside* cache_;
  const cache::DataGeneration& generation_;
  const std::string store_id_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_CACHED_AGGREGATES_H_
