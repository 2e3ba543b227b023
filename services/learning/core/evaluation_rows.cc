#include "services/learning/core/evaluation_rows.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

v1::Evaluation EvaluationOfRow(const store::Row& row) {
  v1::Evaluation e;
  const auto stage = static_cast<v1::Stage>(row.Int(2));
  e.set_name(EvaluationName(row.Text(0), row.Text(1), stage));
  e.set_event(EventName(row.Text(0)));
  e.set_practitioner(PractitionerName(row.Text(1)));
  e.set_stage(stage);
  e.set_knowledge(static_cast<int32_t>(row.Int(3)));
  e.set_understanding(static_cast<int32_t>(row.Int(4)));
  e.set_confidence(static_cast<int32_t>(row.Int(5)));
  e.set_overall_rating(static_cast<int32_t>(row.Int(6)));
  e.set_expected_impact(static_cast<int32_t>(row.Int(7)));
  e.set_comment(row.Text(8));
  calendar::SetTimestamp(row.Int(9), e.mutable_submit_time());
  e.set_replaced(static_cast<int32_t>(row.Int(10)));
  return e;
}

}  // namespace

absl::StatusOr<std::vector<v1::Evaluation>> SelectEvaluations(store::Transaction& tx, const std::string& where,
                                                               const std::vector<store::Value>& params,
                                                               const std::string& order_and_limit) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kEvaluationColumns, " FROM evaluations WHERE ", where, " ",
                                                       order_and_limit),
                                          params));
  std::vector<v1::Evaluation> out;
  out.reserve(rows.size());
  for (const store::Row& row : rows) out.push_back(EvaluationOfRow(row));
  return out;
}

}  // namespace wp::learning
