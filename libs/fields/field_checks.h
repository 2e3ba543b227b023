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

// Text from outside whose bytes are not yet trusted (a CSV cell, an xAPI
// string, a catalogue entry), one line: "is required" when blank and
// `required`; else at most `max_bytes`, UTF-8 (naming the first bad byte
// and its offset), and no control character: C0, DEL or C1 (U+0080..U+009F).
// Empty is fine when not `required`.
void CheckUntrustedLine(absl::string_view text, const std::string& field, size_t max_bytes, bool required,
                        FieldViolations* v);

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
