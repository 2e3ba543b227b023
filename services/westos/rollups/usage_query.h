// Answers QueryUsage: figures and exact distinct people over a date range,
// filtered by any dimensions and split by period and up to two dimensions,
// from the day indexes (day_index_cache.h) in one read transaction.
//
// Rows that span more than one authority hide every figure when fewer than
// 5 people are in them (suppressed), so no one can be picked out of a
// cross-authority split. An authority officer sees only the authorities of
// their token.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_USAGE_QUERY_H_
#define WP_SERVICES_WESTOS_ROLLUPS_USAGE_QUERY_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/rollups/day_index_cache.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {

// A report of more rows than this is refused: narrow the range or the split.
inline constexpr size_t kMaxReportRows = 50000;
// The longest range a query may cover.
inline constexpr int kMaxQueryDays = 3660;

class UsageQueries {
 public:
  UsageQueries(store::Database& db, DayIndexCache& days) : db_(db), days_(days) {}

  absl::StatusOr<v1::UsageReport> Query(const server::Caller& caller, const v1::QueryUsageRequest& request);

 private:
  store::Database& db_;
  DayIndexCache& days_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_USAGE_QUERY_H_
