// ExportStatistics: the statistics of a GetStatisticsRequest, computed
// (and cached) as GetStatistics computes them, written as a spreadsheet
// (statistics_csv.h, core/csv_export.h).
//
// Thread-safety: thread-safe (reads only).
#ifndef WP_SERVICES_LEARNING_STATISTICS_STATISTICS_EXPORT_H_
#define WP_SERVICES_LEARNING_STATISTICS_STATISTICS_EXPORT_H_

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/learning/statistics/cached_statistics.h"
#include "wp/learning/v1/statistics.pb.h"

namespace wp::learning {

// INVALID_ARGUMENT on `format`, or as GetStatistics with the query's fields
// named "query.<field>". `today` as CachedStatistics::Get takes it.
absl::StatusOr<v1::ExportStatisticsResponse> ExportStatistics(CachedStatistics& statistics,
                                                              const v1::ExportStatisticsRequest& request,
                                                              absl::CivilDay today);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_STATISTICS_EXPORT_H_
