// Usage of the online school as text: the report table of `usage query`,
// and the lines `usage import` prints (progress with its rate, problem rows,
// closing counts). Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_USAGE_VIEWS_H_
#define WP_TOOLS_WPCTL_USAGE_VIEWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/westos/v1/privacy.pb.h"
#include "wp/westos/v1/statements.pb.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::wpctl {

namespace usage = ::wp::westos::v1;

// "authority,role" -> dimensions; a usage error naming `option` otherwise.
absl::StatusOr<std::vector<usage::Dimension>> ParseDimensions(absl::string_view text, absl::string_view option);
// "day", "week", "fortnight", "month".
absl::StatusOr<usage::Period> ParsePeriod(absl::string_view text);
absl::StatusOr<usage::UserRole> ParseUserRole(absl::string_view text);
absl::StatusOr<usage::Sector> ParseSectorWord(absl::string_view text);

// One row per report row (period, keys, then the figures) and a total row
// under a rule; suppressed figures show as "<5".
std::string UsageReportText(const usage::UsageReport& report, const std::vector<usage::Dimension>& group_by,
                            bool has_period);

// "read 120,000 rows: accepted 119,500, duplicates 400, conflicts 0, rejected 100 (52,310 rows/s)".
std::string CsvProgressText(const usage::ImportUsageCsvProgress& progress, double seconds);
// "line 14 (event ev-9): REJECTED role: ..." (no newline).
std::string CsvProblemText(const usage::CsvRowProblem& problem);

// "statement 3 (6690e6c9-...): rejected: verb.id: unknown verb ..." (no newline).
std::string StatementResultText(const usage::StatementResult& result);
// "statements: accepted 2, duplicates 0, conflicts 0, rejected 1 (unknown verbs 1); voided 0" (no newline).
std::string StatementTotalsText(const usage::SendStatementsResponse& response);
// "purged 1,200 events of 40 people on 5 days (2021-01-14 to 2021-01-18); figures unchanged\n",
// "would purge ..." on a dry run, "nothing to purge\n" when none.
std::string PurgeText(const usage::PurgeEventsResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_USAGE_VIEWS_H_
