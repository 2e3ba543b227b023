#include "services/westos/rollups/cached_usage_queries.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/cache/cache_key.h"
#include "libs/cache/cached_message.h"
#include "libs/cache/request_digest.h"

namespace wp::westos {
namespace {

// Old generations expire on their own so Redis does not fill up.
constexpr absl::Duration kReportTtl = absl::Minutes(10);

}  // namespace

std::string UsageReportQueryKey(const server::Caller& caller, const v1::QueryUsageRequest& request) {
  std::string scope = "all";
  if (caller.role == "authority_officer") {
    std::vector<std::string> authorities = caller.authorities;
    std::sort(authorities.begin(), authorities.end());
    scope = absl::StrCat("authorities=", absl::StrJoin(authorities, ","));
  }
  return absl::StrCat(scope, ":", cache::RequestDigest(request));
}

absl::StatusOr<v1::UsageReport> CachedUsageQueries::Query(const server::Caller& caller,
                                                          const v1::QueryUsageRequest& request) {
  // Read the generation before computing: a change committed meanwhile moves
  // it on, so a report computed from older data is stored under an old key.
  const int64_t generation = generation_.current();
  const std::string key = cache::CacheKey(
      "westos", absl::StrCat("usage_report:", store_id_, ":", UsageReportQueryKey(caller, request)), generation);
  return cache::CachedMessage<v1::UsageReport>(cache_, key, kReportTtl,
                                               [&] { return queries_.Query(caller, request); });
}

}  // namespace wp::westos
