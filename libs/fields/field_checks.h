// Checks of request fields every service's rules share: one-line text, free
// text, resource ids, and the paths of an update mask. Each adds to a
// FieldViolations, so a request learns every bad field at once.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_FIELDS_FIELD_CHECKS_H_
#define WP_LIBS_FIELDS_FIELD_CHECKS_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/field_mask.pb.h"
#include "libs/status/field_errors.h"

namespace wp::fields {

// "<field>: is required" when blank (libs/text/blank.h); otherwise as
// CheckOptionalLine.
void CheckRequiredLine(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v);
// Empty is fine; otherwise one line (no control characters) of at most
// `max_bytes`.
void CheckOptionalLine(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v);
// Free text: lines, tabs allowed, no other control characters; at most
// `max_bytes`.
void CheckOptionalText(absl::string_view text, const std::string& field, size_t max_bytes, FieldViolations* v);

// A resource id chosen by the caller: 2 to 63 of [a-z0-9-], not starting or
// ending with '-'.
bool IsValidId(absl::string_view id);
// Adds a violation naming the rule when `id` is not valid.
void CheckId(absl::string_view id, const std::string& field, FieldViolations* v);

// The paths an update touches: those of `mask`, or every one of `allowed`
// when it is empty (AIP-134). INVALID_ARGUMENT on "update_mask" for any
// other path.
absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed);

}  // namespace wp::fields

#endif  // WP_LIBS_FIELDS_FIELD_CHECKS_H_
