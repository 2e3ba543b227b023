// Evaluation rows read back as API messages, for the areas that read them
// (evaluations; privacy's export).
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CORE_EVALUATION_ROWS_H_
#define WP_SERVICES_LEARNING_CORE_EVALUATION_ROWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

// The evaluations table's columns in the order SelectEvaluations reads them
// (and an insert may write them).
inline constexpr char kEvaluationColumns[] =
    "event_id, practitioner_id, stage, knowledge, understanding, confidence, overall_rating, expected_impact, "
    "comment, submit_us, replaced";

// Evaluations matching `where` (SQL over the evaluations table, with
// `params`), then `order_and_limit`, its parameters last in `params`.
absl::StatusOr<std::vector<v1::Evaluation>> SelectEvaluations(store::Transaction& tx, const std::string& where,
                                                               const std::vector<store::Value>& params,
                                                               const std::string& order_and_limit);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_EVALUATION_ROWS_H_
