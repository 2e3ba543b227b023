// Turns cnats results into absl::Status, the one place that decides which
// NATS failures are worth retrying.
//
//   UNAVAILABLE         retryable: no connection yet, disconnected, timed out,
//                       no responders (no stream or JetStream not ready yet)
//   NOT_FOUND           stream or consumer does not exist
//   ALREADY_EXISTS      stream or consumer name in use with another config
//   INVALID_ARGUMENT    bad subject, name or argument (a bug, not transient)
//   PERMISSION_DENIED   authentication or authorisation failed
//   RESOURCE_EXHAUSTED  message too large, stream limits reached
//   INTERNAL            anything else
//
// Thread-safe: reads cnats' per-thread last error text only.
#ifndef WP_LIBS_BUS_NATS_STATUS_H_
#define WP_LIBS_BUS_NATS_STATUS_H_

#include <nats/nats.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace wp::bus {

// `what` names the operation ("publish wp.x.y.z"); `js_error` is the
// JetStream error code the call reported (0 when none).
absl::Status FromNats(natsStatus s, absl::string_view what,
                      jsErrCode js_error = static_cast<jsErrCode>(0));

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_NATS_STATUS_H_
