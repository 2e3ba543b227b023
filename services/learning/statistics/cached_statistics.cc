#include "services/learning/statistics/cached_statistics.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/cache/cache_key.h"
#include "libs/cache/cached_message.h"
#include "libs/cache/request_digest.h"

namespace wp::learning {
namespace {

// Old generations expire on their own so Redis does not fill up.
constexpr absl::Duration kStatisticsTtl = absl::Minutes(10);

}  // namespace

absl::StatusOr<v1::Statistics> CachedStatistics::Get(const v1::GetStatisticsRequest& request, absl::CivilDay today) {
  // Read the generation before computing: a change committed meanwhile moves
  // it on, so figures computed from older data are stored under an old key.
  // The day is in the key: without `to`, the population's session is today's.
  const int64_t generation = generation_.current();
  const std::string key = cache::CacheKey(
      "learning",
      absl::StrCat("statistics:", store_id_, ":", absl::FormatCivilTime(today), ":", cache::RequestDigest(request)),
      generation);
  return cache::CachedMessage<v1::Statistics>(cache_, key, kStatisticsTtl,
                                              [&] { return statistics_.Get(request, today); });
}

}  // namespace wp::learning
