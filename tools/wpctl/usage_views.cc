#include "tools/wpctl/usage_views.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

std::string Normal(absl::string_view text) {
  std::string word = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  for (char& c : word) {
    if (c == '-' || c == ' ') c = '_';
  }
  return word;
}

std::string Figure(const usage::UsageFigures& f, int64_t value) {
  return f.suppressed() ? "<5" : GroupedNumber(value);
}

std::vector<std::string> FigureCells(const usage::UsageFigures& f) {
  return {Figure(f, f.distinct_users()), Figure(f, f.views()), Figure(f, f.plays()), Figure(f, f.completions()),
          Figure(f, f.ratings()), f.suppressed() ? "<5" : absl::StrFormat("%.0f", f.minutes())};
}

}  // namespace

absl::StatusOr<std::vector<usage::Dimension>> ParseDimensions(absl::string_view text, absl::string_view option) {
  std::vector<usage::Dimension> dims;
  for (absl::string_view part : absl::StrSplit(text, ',')) {
    usage::Dimension dim;
    if (!usage::Dimension_Parse(absl::AsciiStrToUpper(Normal(part)), &dim) || dim == usage::DIMENSION_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", option, ": \"", part, "\" is not one of authority, sector, role, subject, level, content, simd"));
    }
    dims.push_back(dim);
  }
  return dims;
}

absl::StatusOr<usage::Period> ParsePeriod(absl::string_view text) {
  const std::string word = Normal(text);
  if (word == "day") return usage::DAY;
  if (word == "week") return usage::ISO_WEEK;
  if (word == "fortnight") return usage::FORTNIGHT;
  if (word == "month") return usage::MONTH;
  return absl::InvalidArgumentError(absl::StrCat("--period: \"", text, "\" is not day, week, fortnight or month"));
}

absl::StatusOr<usage::UserRole> ParseUserRole(absl::string_view text) {
  const std::string word = Normal(text);
  if (word == "learner") return usage::LEARNER;
  if (word == "teacher") return usage::TEACHER;
  if (word == "other") return usage::OTHER_ROLE;
  return absl::InvalidArgumentError(absl::StrCat("--role: \"", text, "\" is not learner, teacher or other"));
}

absl::StatusOr<usage::Sector> ParseSectorWord(absl::string_view text) {
  const std::string word = Normal(text);
  if (word == "early_years") return usage::EARLY_YEARS;
  if (word == "primary") return usage::PRIMARY;
  if (word == "secondary") return usage::SECONDARY;
  if (word == "asn" || word == "special") return usage::ASN;
  return absl::InvalidArgumentError(
      absl::StrCat("--sector: \"", text, "\" is not early_years, primary, secondary or asn"));
}

std::string UsageReportText(const usage::UsageReport& report, const std::vector<usage::Dimension>& group_by,
                            bool has_period) {
  std::vector<Column> columns;
  if (has_period) columns.push_back({"from"});
  for (usage::Dimension dim : group_by) columns.push_back({absl::AsciiStrToLower(usage::Dimension_Name(dim))});
  for (const char* figure : {"people", "views", "plays", "completions", "ratings", "minutes"}) {
    columns.push_back({figure, Align::kRight});
  }
  Table table(columns);
  for (const usage::UsageRow& row : report.rows()) {
    std::vector<std::string> cells;
    if (has_period) cells.push_back(DateText(row.period_start()));
    for (const std::string& key : row.keys()) cells.push_back(key.empty() ? "-" : key);
    for (std::string& cell : FigureCells(row.figures())) cells.push_back(std::move(cell));
    table.AddRow(std::move(cells));
  }
  if (!table.empty()) table.AddRule();
  std::vector<std::string> total(columns.size() - 6, "");
  if (!total.empty()) total[0] = "total";
  for (std::string& cell : FigureCells(report.total())) total.push_back(std::move(cell));
  table.AddRow(std::move(total));
  std::string text = table.Render();
  if (report.total().suppressed() || std::any_of(report.rows().begin(), report.rows().end(), [](const auto& r) {
        return r.figures().suppressed();
      })) {
    text += "<5: fewer than 5 people across authorities; figures withheld\n";
  }
  return text;
}

std::string CsvProgressText(const usage::ImportUsageCsvProgress& p, double seconds) {
  const usage::IngestTotals& t = p.totals();
  std::string text = absl::StrCat("read ", GroupedNumber(p.rows()), " rows: accepted ", GroupedNumber(t.accepted()),
                                  ", duplicates ", GroupedNumber(t.duplicates()), ", conflicts ",
                                  GroupedNumber(t.conflicts()), ", rejected ", GroupedNumber(t.rejected()));
  if (seconds > 0) {
    absl::StrAppend(&text, " (", GroupedNumber(static_cast<int64_t>(p.rows() / seconds)), " rows/s)");
  }
  return text;
}

std::string CsvProblemText(const usage::CsvRowProblem& problem) {
  std::string text = absl::StrCat("line ", problem.line());
  if (!problem.event_id().empty()) absl::StrAppend(&text, " (event ", problem.event_id(), ")");
  absl::StrAppend(&text, ": ", problem.outcome() == usage::CONFLICT ? "conflict" : "rejected", ": ");
  if (!problem.field().empty()) absl::StrAppend(&text, problem.field(), ": ");
  absl::StrAppend(&text, OneLine(problem.reason()));
  return text;
}

std::string StatementResultText(const usage::StatementResult& result) {
  std::string text = absl::StrCat("statement ", result.index());
  if (!result.statement_id().empty()) absl::StrAppend(&text, " (", OneLine(result.statement_id()), ")");
  const char* outcome = result.outcome() == usage::ACCEPTED    ? "accepted"
                        : result.outcome() == usage::DUPLICATE ? "duplicate"
                        : result.outcome() == usage::CONFLICT  ? "conflict"
                                                               : "rejected";
  absl::StrAppend(&text, ": ", outcome);
  if (!result.field().empty()) absl::StrAppend(&text, ": ", result.field());
  if (!result.reason().empty()) absl::StrAppend(&text, ": ", OneLine(result.reason()));
  return text;
}

std::string StatementTotalsText(const usage::SendStatementsResponse& response) {
  const usage::IngestTotals& t = response.totals();
  return absl::StrCat("statements: accepted ", GroupedNumber(t.accepted()), ", duplicates ",
                      GroupedNumber(t.duplicates()), ", conflicts ", GroupedNumber(t.conflicts()), ", rejected ",
                      GroupedNumber(t.rejected()), " (unknown verbs ", GroupedNumber(response.unknown_verbs()),
                      "); voided ", GroupedNumber(response.voided()));
}

std::string PurgeText(const usage::PurgeEventsResponse& response) {
  if (response.days() == 0) return "nothing to purge\n";
  return absl::StrCat(response.dry_run() ? "would purge " : "purged ", GroupedNumber(response.events()),
                      " events of ", GroupedNumber(response.users()), " people on ", GroupedNumber(response.days()),
                      " days (", calendar::ToIsoText(response.first_day()), " to ",
                      calendar::ToIsoText(response.last_day()), "); figures ",
                      response.dry_run() ? "would not change" : "unchanged", "\n");
}

}  // namespace wp::wpctl
