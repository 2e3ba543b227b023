// Bounding text that may echo caller input before it is sent or logged: a
// status message, a field violation, a log value. The result is valid UTF-8
// (bytes that are not become U+FFFD) and at most `max_bytes` long, cut on a
// character boundary with "…" after it, so a huge or malformed input can
// neither bloat a gRPC trailer nor break a client's UTF-8 decoder.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_TEXT_BOUNDED_TEXT_H_
#define WP_LIBS_TEXT_BOUNDED_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "libs/text/utf8.h"

namespace wp::text {

// U+2026, appended where text was cut.
inline constexpr absl::string_view kEllipsis = "\xE2\x80\xA6";

// `text` as valid UTF-8, cut to at most `max_bytes` (ellipsis included).
// `max_bytes` below the ellipsis's 3 bytes yields "".
std::string Bounded(absl::string_view text, size_t max_bytes);

}  // namespace wp::text

#endif  // WP_LIBS_TEXT_BOUNDED_TEXT_H_
