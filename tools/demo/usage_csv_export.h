// Usage events written as the content platform's CSV export (the columns
// and forms services/westos/usage/usage_csv.h reads): for files an operator
// can try `wpctl usage import` with, and for the ingestion benchmark's CSV
// path and its sqlite3 baseline.
#ifndef WP_TOOLS_DEMO_USAGE_CSV_EXPORT_H_
#define WP_TOOLS_DEMO_USAGE_CSV_EXPORT_H_

#include <string>

#include "wp/westos/v1/usage.pb.h"

namespace wp::demo {

// "event_id,occurred_at,...,rating\n", the export's column order.
const std::string& UsageCsvHeader();

// Appends one row: times as ISO 8601 UTC with seconds, enums as the
// export's words ("learner", "secondary", "play"), an empty simd or rating
// when there is none. The generator's text needs no quoting; any cell with a
// comma, quote or line break is quoted all the same.
void AppendUsageCsvRow(const wp::westos::v1::UsageEvent& event, std::string* out);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_USAGE_CSV_EXPORT_H_
