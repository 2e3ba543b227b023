#include "services/learning/evaluations/evaluation_csv.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/text/bounded_text.h"
#include "services/learning/core/csv_import.h"
#include "services/learning/evaluations/evaluation_rules.h"

namespace wp::learning {
namespace {

constexpr const char* kScoreColumns[] = {"knowledge", "understanding", "confidence", "overall_rating",
                                         "expected_impact"};

// A score cell: "" is 0 (not given; CheckEvaluation says whether it must
// be), a whole number as it is, anything else nullopt.
std::optional<int32_t> ParseScore(absl::string_view cell) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(cell);
  if (trimmed.empty()) return 0;
  int32_t value = 0;
  if (!absl::SimpleAtoi(trimmed, &value)) return std::nullopt;
  return value;
}

void SetScore(v1::Evaluation& e, const std::string& column, int32_t value) {
  if (column == "knowledge") e.set_knowledge(value);
  if (column == "understanding") e.set_understanding(value);
  if (column == "confidence") e.set_confidence(value);
  if (column == "overall_rating") e.set_overall_rating(value);
  if (column == "expected_impact") e.set_expected_impact(value);
}

void Reject(EvaluationCsvRow& row, const std::string& field, absl::string_view reason) {
  row.field = field;
  row.reason = text::Bounded(reason, kMaxImportReasonBytes);
}

EvaluationCsvRow ReadRow(const CsvImport& file, const table::TableRow& row, const std::string& event,
                         v1::Stage stage) {
  EvaluationCsvRow out;
  out.line = row.line;
  v1::Evaluation& e = out.evaluation;
  e.set_event(event);
  e.set_stage(stage);
  e.set_practitioner(text::Bounded(PractitionerNameOfCell(file.Cell(row, "practitioner")), 200));
  if (!row.over_limit.empty()) {
    Reject(out, "content", row.over_limit);
    return out;
  }
  if (e.practitioner().empty()) {
    Reject(out, "practitioner", "is required");
    return out;
  }
  for (const char* column : kScoreColumns) {
    const std::string cell = file.Cell(row, column);
    const std::optional<int32_t> score = ParseScore(cell);
    if (!score.has_value()) {
      Reject(out, column, absl::StrCat(EchoCell(cell), " is not a whole number 1 to 5"));
      return out;
    }
    SetScore(e, column, *score);
  }
  // Kept as written (CheckEvaluation bounds it); the comment of a PRE file too.
  e.set_comment(file.Cell(row, "comment"));
  const std::vector<FieldViolation> violations = FieldViolationsOf(CheckEvaluation(e, ""));
  if (violations.empty()) return out;
  const FieldViolation& first = violations.front();
  // An empty score cell reads as 0; say it is missing rather than "not 0".
  const bool empty_score = std::find(std::begin(kScoreColumns), std::end(kScoreColumns), first.field) !=
                               std::end(kScoreColumns) &&
                           absl::StripAsciiWhitespace(file.Cell(row, first.field)).empty();
  Reject(out, first.field, empty_score ? "is required: 1 to 5" : first.description);
  return out;
}

}  // namespace

std::vector<std::string> RequiredEvaluationColumns(v1::Stage stage) {
  std::vector<std::string> columns = {"practitioner", "knowledge", "understanding", "confidence"};
  if (stage == v1::POST) {
    columns.push_back("overall_rating");
    columns.push_back("expected_impact");
  }
  return columns;
}

absl::StatusOr<std::vector<EvaluationCsvRow>> ReadEvaluationCsv(absl::string_view content, const std::string& event,
                                                                v1::Stage stage) {
  WP_ASSIGN_OR_RETURN(CsvImport file, ReadCsvImport(content,
                                                    {"practitioner", "knowledge", "understanding", "confidence",
                                                     "overall_rating", "expected_impact", "comment"},
                                                    RequiredEvaluationColumns(stage)));
  std::vector<EvaluationCsvRow> rows;
  rows.reserve(file.rows.size());
  // One response per practitioner: a second row would replace the first.
  std::map<std::string, int> first_line;
  for (const table::TableRow& row : file.rows) {
    EvaluationCsvRow out = ReadRow(file, row, event, stage);
    if (out.ok()) {
      auto [it, inserted] = first_line.emplace(out.evaluation.practitioner(), out.line);
      if (!inserted) Reject(out, "practitioner", absl::StrCat("repeats line ", it->second));
    }
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace wp::learning
