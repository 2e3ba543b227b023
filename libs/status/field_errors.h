// Status helpers: errors that name the request field at fault.
//
// Inside the services every fallible function returns absl::Status or
// absl::StatusOr. An INVALID_ARGUMENT made with InvalidField() carries a
// google.rpc.BadRequest payload, which ToGrpcStatus() (grpc_status.h) sends
// to the client as a rich error detail. Thread-safe: pure functions.
#ifndef WP_LIBS_STATUS_FIELD_ERRORS_H_
#define WP_LIBS_STATUS_FIELD_ERRORS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace wp {

// Type URL under which field violations ride in an absl::Status payload.
inline constexpr absl::string_view kBadRequestTypeUrl =
    "type.googleapis.com/google.rpc.BadRequest";

struct FieldViolation {
  std::string field;
  std::string description;
};

// INVALID_ARGUMENT "field: description" with one field violation attached.
absl::Status InvalidField(absl::string_view field, absl::string_view description);

// Collects every violation of a request so the caller learns them all at once.
class FieldViolations {
 public:
  void Add(absl::string_view field, absl::string_view description);
  bool empty() const { return violations_.empty(); }
  // OK when nothing was added; INVALID_ARGUMENT listing all violations otherwise.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> violations_;
};

// Field violations carried by `status`, empty when it has none.
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);

// Adds the field violations `status` carries to `v`, so that one request's
// checks can report every bad field at once. A failed status that carries
// none is added under `field_if_none` (the request field it was about).
void AddViolationsOf(const absl::Status& status, FieldViolations* v,
                     absl::string_view field_if_none = "");

}  // namespace wp

#endif  // WP_LIBS_STATUS_FIELD_ERRORS_H_
