// The statistics (statistics.proto) as the rows of a spreadsheet, for
// ExportStatistics: a header row naming each figure in words, the row "All"
// (the totals), then one row per split key in key order. A suppressed split
// keeps its key, its figure cells empty and "suppressed" in the Note column.
// The scope (what was asked, the population's session) repeats on every row
// so a row copied elsewhere still says what it counts. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_STATISTICS_STATISTICS_CSV_H_
#define WP_SERVICES_LEARNING_STATISTICS_STATISTICS_CSV_H_

#include <string>
#include <vector>

#include "wp/learning/v1/statistics.pb.h"

namespace wp::learning {

// The words heading each figure of v1::Figures, in field order.
const std::vector<std::string>& FigureHeadings();

// `statistics`, the answer to `query`, as rows of cells (the header first).
std::vector<std::vector<std::string>> StatisticsRows(const v1::GetStatisticsRequest& query,
                                                     const v1::Statistics& statistics);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_STATISTICS_CSV_H_
