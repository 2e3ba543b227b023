// Text from an upload quoted in an error message: a row's error is sent back
// to the client and logged, so what it echoes must be short, valid UTF-8 and
// free of control characters that could forge a log line.
//
// Thread-safe: pure function.
#ifndef WP_SERVICES_WESTOS_USAGE_QUOTED_TEXT_H_
#define WP_SERVICES_WESTOS_USAGE_QUOTED_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wp::westos {

// How much of the outside text a message quotes, before escaping.
inline constexpr size_t kMaxQuotedBytes = 64;

// `text` in double quotes: cut to `max_bytes` with "…" (libs/text's
// Bounded, which also replaces bytes that are not UTF-8 with U+FFFD), then
// quotes, backslashes and control characters C-escaped.
std::string Quoted(absl::string_view text, size_t max_bytes = kMaxQuotedBytes);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_USAGE_QUOTED_TEXT_H_
