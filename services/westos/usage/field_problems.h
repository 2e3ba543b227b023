// The problems of one record read from outside (a CSV row, an xAPI
// statement), gathered so the source learns them all at once: first what
// failed to parse, then the rules of the event (ValidateUsageEvent) for the
// fields that did parse, so that no field is blamed twice.
//
// Thread-compatible: one record, one thread.
#ifndef WP_SERVICES_WESTOS_USAGE_FIELD_PROBLEMS_H_
#define WP_SERVICES_WESTOS_USAGE_FIELD_PROBLEMS_H_

#include <functional>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "libs/status/field_errors.h"

namespace wp::westos {

class FieldProblems {
 public:
  void Add(absl::string_view field, absl::string_view reason);
  // The violations of a parser's error, each under `field` when it is given
  // (the record's name for what the parser calls otherwise).
  void AddParseError(const absl::Status& status, absl::string_view field = "");
  // The violations of ValidateUsageEvent, their event field names turned
  // into the record's by `rename`, except for fields already at fault.
  void AddRuleErrors(const absl::Status& status,
                     const std::function<std::string(absl::string_view)>& rename);

  bool empty() const { return fields_.empty(); }
  bool Has(absl::string_view field) const { return fields_.count(field) > 0; }
  // OK, or INVALID_ARGUMENT "field: reason; ..." (bounded, valid UTF-8).
  absl::Status ToStatus() const { return violations_.ToStatus(); }

 private:
  FieldViolations violations_;
  std::set<std::string, std::less<>> fields_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_USAGE_FIELD_PROBLEMS_H_
