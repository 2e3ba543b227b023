// Turns day indexes into a usage report: the total and the rows of a split
// by period and dimensions. Pure: the caller reads the days and the content
// catalogue, and resolves the request (usage_query.h).
#ifndef WP_SERVICES_WESTOS_ROLLUPS_REPORT_BUILDER_H_
#define WP_SERVICES_WESTOS_ROLLUPS_REPORT_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "services/westos/rollups/activity.h"
#include "services/westos/rollups/day_index.h"
#include "services/westos/rollups/periods.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {

// Fewer people than this in a row that spans authorities hides its figures.
inline constexpr int64_t kSmallestShownGroup = 5;

struct ContentInfo {
  std::string content_id;
  std::string subject;
  std::string level;
};

// What a report needs to know of content: ids, subjects and levels by number.
using ContentCatalogue = absl::flat_hash_map<uint32_t, ContentInfo>;

struct ReportSpec {
  int32_t from = 0;  // day numbers, inclusive
  int32_t to = 0;
  CodedFilter filter;
  PeriodKind period = PeriodKind::kWhole;
  std::vector<v1::Dimension> group_by;  // at most two, no repeats
};

// INVALID_ARGUMENT when the split would have more than `max_rows` rows.
absl::StatusOr<v1::UsageReport> BuildReport(const ReportSpec& spec, const std::vector<IndexedDay>& days,
                                            const ContentCatalogue& content, size_t max_rows);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_REPORT_BUILDER_H_
