// UTF-8 well-formedness, for text that came from outside.
//
// protobuf and gRPC refuse to send a string field holding invalid UTF-8, so
// text stored without this check can make every later read of it fail.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_VALIDATION_UTF8_H_
#define WP_LIBS_VALIDATION_UTF8_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace wp::validation {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8(absl::string_view text);

// The offset of the first byte that is not part of well-formed UTF-8, or
// text.size() when all of it is.
size_t FirstInvalidUtf8(absl::string_view text);

}  // namespace wp::validation

#endif  // WP_LIBS_VALIDATION_UTF8_H_
