// The one check every request of every service passes before its handler
// runs: the limits declared on its fields (wp.common.v1.limits in
// proto/wp/common/v1/field_limits.proto), defined enum values, and
// well-formed UTF-8, at any depth.
//
// authz::Serve (libs/authz/serve.h) runs it for every unary call once the
// caller is admitted; a streaming handler runs it on each message it reads.
// A field without declared limits still gets the defaults below, so nothing
// is unbounded (the proto limits test fails the build of a service whose
// request fields declare none).
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_VALIDATION_REQUEST_CHECK_H_
#define WP_LIBS_VALIDATION_REQUEST_CHECK_H_

#include <cstdint>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace wp::validation {

// Limits of fields that declare none (well-known types such as FieldMask).
inline constexpr int64_t kDefaultMaxBytes = 1024;
inline constexpr int kDefaultMaxItems = 100;
// Violations reported at most; the rest are summed up in one.
inline constexpr int kMaxReportedViolations = 20;

// OK, or INVALID_ARGUMENT with one field violation per fault, each naming the
// field by its path ("plan_item.progress_notes[3].text") and saying why.
absl::Status CheckRequest(const google::protobuf::Message& request);

}  // namespace wp::validation

#endif  // WP_LIBS_VALIDATION_REQUEST_CHECK_H_
