// Reading evaluation responses saved as CSV (ImportEvaluations): the header
// row, the columns of the stage (practitioner, knowledge, understanding,
// confidence; for POST also overall_rating and expected_impact; comment
// optional), and each row as an evaluation that passes CheckEvaluation or
// the column and reason it does not. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_CSV_H_
#define WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

struct EvaluationCsvRow {
  int line = 0;  // where the row starts in the file
  // The event, stage and the row's cells (practitioner as a name).
  v1::Evaluation evaluation;
  // Set when the row is rejected: the column and the reason.
  std::string field;
  std::string reason;
  bool ok() const { return field.empty(); }
};

// The columns a file of the stage must have.
std::vector<std::string> RequiredEvaluationColumns(v1::Stage stage);

// The rows in file order, each for `event` (events/{id}) and `stage`; a row
// repeating an earlier row's practitioner is rejected. INVALID_ARGUMENT on
// "content" for a malformed file (see ReadCsvImport).
absl::StatusOr<std::vector<EvaluationCsvRow>> ReadEvaluationCsv(absl::string_view content, const std::string& event,
                                                                v1::Stage stage);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_CSV_H_
