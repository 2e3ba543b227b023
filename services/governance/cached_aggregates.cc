#include "services/governance/cached_aggregates.h"

#include "absl/strings/str_cat.h"
#include "libs/cache/cache_key.h"
#include "libs/cache/cached_message.h"
#include "libs/status/status_macros.h"

namespace wp::governance {
namespace {

// Old generations expire on their own so Redis does not fill up.
constexpr absl::Duration kAggregateTtl = absl::Minutes(10);

// Reads `Message` through the cache: `query` identifies the request
// canonically; `compute` answers it from the store.
template <typename Message, typename Compute>
absl::StatusOr<Message> ThroughCache(cache::CacheAside* cache, const std::string& query,
                                     int64_t generation, Compute compute) {
  return cache::CachedMessage<Message>(cache, cache::CacheKey("governance", query, generation), kAggregateTtl,
                                       compute);
}

}  // namespace

absl::StatusOr<v1::MeetingPack> CachedAggregates::GetMeetingPack(
    const server::Caller& caller, const v1::GetMeetingPackRequest& request) {
  // Read the generation before computing: a change committed meanwhile moves
  // it on, so an answer computed from older data is stored under an old key.
  const int64_t generation = generation_.current();
  return ThroughCache<v1::MeetingPack>(
      cache_, absl::StrCat("meeting_pack:", store_id_, ":", request.name()), generation,
      [&] { return meetings_.GetMeetingPack(caller, request); });
}

absl::StatusOr<v1::BudgetSummary> CachedAggregates::GetBudgetSummary(
    const server::Caller& caller, const v1::GetBudgetSummaryRequest& request) {
  const int64_t generation = generation_.current();
  return ThroughCache<v1::BudgetSummary>(
      cache_,
      absl::StrCat("budget_summary:", store_id_, ":", request.plan(), ":", request.financial_year()),
      generation, [&] { return summaries_.GetBudgetSummary(caller, request); });
}

}  // namespace wp::governance
