#include "services/learning/evaluations/evaluation_rules.h"

#include "absl/strings/str_cat.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

void CheckScale(int value, const std::string& field, FieldViolations* v) {
  if (value < 1 || value > 5) v->Add(field, absl::StrCat("must be 1 to 5, not ", value));
}

}  // namespace

absl::Status CheckEvaluation(const v1::Evaluation& evaluation, const std::string& prefix) {
  FieldViolations v;
  AddViolationsOf(EventIdOf(evaluation.event(), prefix + "event").status(), &v);
  AddViolationsOf(PractitionerIdOf(evaluation.practitioner(), prefix + "practitioner").status(), &v);
  if (evaluation.stage() == v1::STAGE_UNSPECIFIED) v.Add(prefix + "stage", "is required: PRE or POST");
  CheckScale(evaluation.knowledge(), prefix + "knowledge", &v);
  CheckScale(evaluation.understanding(), prefix + "understanding", &v);
  CheckScale(evaluation.confidence(), prefix + "confidence", &v);
  if (evaluation.stage() == v1::POST) {
    CheckScale(evaluation.overall_rating(), prefix + "overall_rating", &v);
    CheckScale(evaluation.expected_impact(), prefix + "expected_impact", &v);
  } else if (evaluation.stage() == v1::PRE) {
    if (evaluation.overall_rating() != 0) v.Add(prefix + "overall_rating", "is for POST responses only");
    if (evaluation.expected_impact() != 0) v.Add(prefix + "expected_impact", "is for POST responses only");
  }
  fields::CheckOptionalText(evaluation.comment(), prefix + "comment", kMaxCommentBytes, &v);
  return v.ToStatus();
}

}  // namespace wp::learning
