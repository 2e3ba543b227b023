// The rules of one evaluation response, checked before it is stored. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_RULES_H_
#define WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "wp/learning/v1/evaluations.pb.h"

namespace wp::learning {

inline constexpr size_t kMaxCommentBytes = 4000;

// Every broken rule at once, as INVALID_ARGUMENT on `prefix` + field:
// event and practitioner names, a stage, the three self-ratings 1 to 5,
// and on POST only (required there) the overall rating and expected
// impact 1 to 5; free text within its limit.
absl::Status CheckEvaluation(const v1::Evaluation& evaluation, const std::string& prefix);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_EVALUATIONS_EVALUATION_RULES_H_
