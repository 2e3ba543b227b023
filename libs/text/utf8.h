// UTF-8 well-formedness, for text that came from outside: the one decoder
// every check, repair and cut in the project uses.
//
// protobuf and gRPC refuse to send a string field holding invalid UTF-8, so
// text stored without this check can make every later read of it fail.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_TEXT_UTF8_H_
#define WP_LIBS_TEXT_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::text {

// Length of the well-formed UTF-8 sequence starting at text[0], or 0 when
// the bytes there are not one (overlong, surrogate, beyond U+10FFFF, cut
// short) or `text` is empty.
size_t Utf8SequenceLength(absl::string_view text);

// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8(absl::string_view text);

// The offset of the first byte that is not part of well-formed UTF-8, or
// text.size() when all of it is.
size_t FirstInvalidUtf8(absl::string_view text);

// U+FFFD, put in place of each byte that is not part of well-formed UTF-8.
inline constexpr absl::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// `text` with each such byte replaced by U+FFFD; valid text comes back as is.
std::string RepairUtf8(absl::string_view text);

}  // namespace wp::text

#endif  // WP_LIBS_TEXT_UTF8_H_
