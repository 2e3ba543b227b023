#include "services/learning/statistics/statistics_export.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/csv_export.h"
#include "services/learning/statistics/statistics_csv.h"

namespace wp::learning {
namespace {

// The query's errors name its fields as GetStatisticsRequest's; here they
// sit under `query`.
absl::Status UnderQuery(const absl::Status& status) {
  std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.empty()) return status;
  FieldViolations v;
  for (const FieldViolation& violation : violations) {
    v.Add(absl::StrCat("query.", violation.field), violation.description);
  }
  return v.ToStatus();
}

}  // namespace

absl::StatusOr<v1::ExportStatisticsResponse> ExportStatistics(CachedStatistics& statistics,
                                                              const v1::ExportStatisticsRequest& request,
                                                              absl::CivilDay today) {
  WP_RETURN_IF_ERROR(CheckTableFormat(request.format(), "format"));
  absl::StatusOr<v1::Statistics> figures = statistics.Get(request.query(), today);
  if (!figures.ok()) return UnderQuery(figures.status());
  ExportFile file = WriteExportFile(StatisticsRows(request.query(), *figures), request.format());
  v1::ExportStatisticsResponse response;
  response.set_content(std::move(file.content));
  response.set_content_type(std::move(file.content_type));
  return response;
}

}  // namespace wp::learning
