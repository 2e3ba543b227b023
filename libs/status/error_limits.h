// How large an error sent to a client may be.
//
// A status travels in gRPC trailers (grpc-message, and the field violations
// base64-encoded in grpc-status-details-bin), and clients refuse trailers
// over 8 KiB by default: a bigger error resets the stream and leaves the
// client waiting for its deadline. Messages and violations often echo request
// text, so they are bounded here whatever the input; cut text ends in "…"
// and is valid UTF-8 (libs/text/bounded_text.h).
//
// Thread-safe: constants.
#ifndef WP_LIBS_STATUS_ERROR_LIMITS_H_
#define WP_LIBS_STATUS_ERROR_LIMITS_H_

#include <cstddef>

namespace wp {

// Longest status message a client receives.
inline constexpr size_t kMaxMessageBytes = 1024;
// At most this many field violations are sent; the message says how many more.
inline constexpr size_t kMaxViolations = 50;
// Longest field name, and longest description, of one violation.
inline constexpr size_t kMaxViolationPartBytes = 256;
// Most bytes of field names and descriptions sent over all violations.
inline constexpr size_t kMaxViolationBytes = 2048;

}  // namespace wp

#endif  // WP_LIBS_STATUS_ERROR_LIMITS_H_
