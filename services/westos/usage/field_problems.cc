#include "services/westos/usage/field_problems.h"

#include <vector>

namespace wp::westos {

void FieldProblems::Add(absl::string_view field, absl::string_view reason) {
  fields_.emplace(field);
  violations_.Add(field, reason);
}

void FieldProblems::AddParseError(const absl::Status& status, absl::string_view field) {
  if (status.ok()) return;
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  // A parser's error without violations still names the record's field.
  if (violations.empty()) Add(field.empty() ? "record" : field, status.message());
  for (const FieldViolation& v : violations) {
    Add(field.empty() ? absl::string_view(v.field) : field, v.description);
  }
}

void FieldProblems::AddRuleErrors(const absl::Status& status,
                                  const std::function<std::string(absl::string_view)>& rename) {
  for (const FieldViolation& v : FieldViolationsOf(status)) {
    const std::string field = rename(v.field);
    if (fields_.count(field) == 0) Add(field, v.description);
  }
}

}  // namespace wp::westos
