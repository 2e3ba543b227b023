// Quoting caller-supplied text (claim values, role names) for status messages:
// escaped so control bytes cannot forge log lines, and bounded so a huge claim
// cannot bloat a message. Internal to libs/auth.
//
// Thread-safe: pure function.
#ifndef WP_LIBS_AUTH_UNTRUSTED_TEXT_H_
#define WP_LIBS_AUTH_UNTRUSTED_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace wp::auth {

// `text` in double quotes, C-escaped, cut to 64 bytes with "..." after it.
std::string QuoteUntrusted(absl::string_view text);

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_UNTRUSTED_TEXT_H_
