// Fuzzes the learning service's CSV imports: ReadAttendanceCsv (the
// check-in list ImportAttendance takes) and ReadEvaluationCsv for PRE and
// POST (ImportEvaluations), on the same text. Checks what their headers
// promise: a refused file is INVALID_ARGUMENT with one violation on
// "content" and a bounded UTF-8 message; otherwise at most 5000 rows in file
// order, each either usable (an attendance entry naming practitioners/...,
// or an evaluation that passes CheckEvaluation, one per practitioner) or
// rejected naming a column with a bounded UTF-8 reason that echoes no
// control character (cells may hold line breaks).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "libs/status/error_limits.h"
#include "libs/status/field_errors.h"
#include "services/learning/core/csv_import.h"
#include "services/learning/evaluations/evaluation_csv.h"
#include "services/learning/evaluations/evaluation_rules.h"
#include "services/learning/registrations/attendance_csv.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

constexpr char kEvent[] = "events/ioc-1";

void CheckRefused(const absl::Status& status) {
  FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  const std::vector<wp::FieldViolation> violations = wp::FieldViolationsOf(status);
  FUZZ_CHECK(violations.size() == 1 && violations[0].field == "content");
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(status.message()));
  FUZZ_CHECK(status.message().size() <= wp::kMaxMessageBytes);
}

void CheckRejected(const std::string& field, const std::string& reason, const std::vector<std::string>& columns) {
  FUZZ_CHECK(field == "content" || absl::c_linear_search(columns, field));
  FUZZ_CHECK(!reason.empty() && reason.size() <= wp::learning::kMaxImportReasonBytes);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(reason) && !wp::fuzz::HasControlCharacter(reason));
}

void CheckAttendance(absl::string_view text) {
  absl::StatusOr<std::vector<wp::learning::AttendanceCsvRow>> rows = wp::learning::ReadAttendanceCsv(text);
  if (!rows.ok()) {
    CheckRefused(rows.status());
    return;
  }
  FUZZ_CHECK(rows->size() <= static_cast<size_t>(wp::learning::kMaxImportRows));
  int line = 1;  // the header's
  for (const wp::learning::AttendanceCsvRow& row : *rows) {
    FUZZ_CHECK(row.line > line);
    line = row.line;
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.entry.practitioner()) && row.entry.practitioner().size() <= 200);
    if (row.ok()) {
      FUZZ_CHECK(absl::StartsWith(row.entry.practitioner(), "practitioners/"));
    } else {
      CheckRejected(row.field, row.reason, {"practitioner", "attended"});
    }
  }
}

void CheckEvaluations(absl::string_view text, wp::learning::v1::Stage stage) {
  absl::StatusOr<std::vector<wp::learning::EvaluationCsvRow>> rows =
      wp::learning::ReadEvaluationCsv(text, kEvent, stage);
  if (!rows.ok()) {
    CheckRefused(rows.status());
    return;
  }
  FUZZ_CHECK(rows->size() <= static_cast<size_t>(wp::learning::kMaxImportRows));
  std::set<std::string> accepted;
  int line = 1;
  for (const wp::learning::EvaluationCsvRow& row : *rows) {
    FUZZ_CHECK(row.line > line);
    line = row.line;
    FUZZ_CHECK(row.evaluation.event() == kEvent && row.evaluation.stage() == stage);
    if (row.ok()) {
      FUZZ_CHECK(wp::learning::CheckEvaluation(row.evaluation, "").ok());
      FUZZ_CHECK(accepted.insert(row.evaluation.practitioner()).second);
    } else {
      CheckRejected(row.field, row.reason,
                    {"practitioner", "knowledge", "understanding", "confidence", "overall_rating", "expected_impact",
                     "comment"});
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  CheckAttendance(text);
  CheckEvaluations(text, wp::learning::v1::PRE);
  CheckEvaluations(text, wp::learning::v1::POST);
  return 0;
}
