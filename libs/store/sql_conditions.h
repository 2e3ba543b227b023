// The WHERE of a query built from optional filters. Each condition is added
// together with the values of its placeholders, so the two cannot drift
// apart as filters come and go:
//
//   store::SqlConditions where;
//   where.Add("plan_period = ?", {period});
//   if (number != 0) where.Add("workstream_number = ?", {int64_t{number}});
//   where.AddIn("status", statuses);  // status IN (?, ?) for two statuses
//   tx.Query(absl::StrCat("SELECT ... WHERE ", where.Sql(), " ORDER BY id LIMIT ?"),
//            where.ParamsThen({int64_t{limit}}));
//
// Conditions are joined with AND. Only fixed SQL text is ever added: values
// always go in as parameters.
//
// Thread-safety: not thread-safe; build one per query.
#ifndef WP_LIBS_STORE_SQL_CONDITIONS_H_
#define WP_LIBS_STORE_SQL_CONDITIONS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/store/value.h"

namespace wp::store {

class SqlConditions {
 public:
  // `condition` with one "?" per value of `params`, in order.
  void Add(absl::string_view condition, std::vector<Value> params = {});
  // "column IN (?, ...)" with one placeholder per value; nothing when
  // `values` is empty (no filter, rather than a condition nothing meets).
  void AddIn(absl::string_view column, const std::vector<Value>& values);
  // The same for numbers (enum values, say).
  void AddIn(absl::string_view column, const std::vector<int64_t>& values);

  // The conditions joined with AND; "1 = 1" when there are none.
  std::string Sql() const;
  const std::vector<Value>& params() const { return params_; }
  // The parameters followed by `more` (the LIMIT's, say).
  std::vector<Value> ParamsThen(std::initializer_list<Value> more) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> params_;
};

}  // namespace wp::store

#endif  // WP_LIBS_STORE_SQL_CONDITIONS_H_
