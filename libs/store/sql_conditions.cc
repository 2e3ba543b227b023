#include "libs/store/sql_conditions.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace wp::store {

void SqlConditions::Add(absl::string_view condition, std::vector<Value> params) {
  conditions_.emplace_back(condition);
  params_.insert(params_.end(), std::make_move_iterator(params.begin()), std::make_move_iterator(params.end()));
}

void SqlConditions::AddIn(absl::string_view column, const std::vector<Value>& values) {
  if (values.empty()) return;
  std::vector<std::string> marks(values.size(), "?");
  Add(absl::StrCat(column, " IN (", absl::StrJoin(marks, ", "), ")"), values);
}

void SqlConditions::AddIn(absl::string_view column, const std::vector<int64_t>& values) {
  std::vector<Value> params;
  params.reserve(values.size());
  for (int64_t v : values) params.emplace_back(v);
  AddIn(column, params);
}

std::string SqlConditions::Sql() const {
  return conditions_.empty() ? "1 = 1" : absl::StrJoin(conditions_, " AND ");
}

std::vector<Value> SqlConditions::ParamsThen(std::initializer_list<Value> more) const {
  std::vector<Value> all = params_;
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

}  // namespace wp::store
