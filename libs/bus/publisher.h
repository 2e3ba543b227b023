// Publishes one message to JetStream and waits for the broker's
// acknowledgement (PubAck): OK means the stream stored it. The message id
// travels in the Nats-Msg-Id header, so a re-publish of the same id within
// the stream's duplicate window is acknowledged but not stored twice.
//
// Errors: UNAVAILABLE is retryable (not connected, timed out, no responders,
// i.e. no stream or JetStream still starting); other codes are not expected
// to heal by retrying (see nats_status.h). While the connection is down it
// fails at once instead of queueing the message in cnats' reconnect buffer:
// callers retry anyway, and a queued copy would only arrive later as a
// duplicate. A message must fit the server's max_payload (1 MB by default):
// a larger one fails at once with INVALID_ARGUMENT.
//
// Headers besides Nats-Msg-Id travel with the message (the relay sets
// `traceparent`, see event_headers.h); a key or value with CR, LF or NUL,
// or an empty key, is INVALID_ARGUMENT (it would break the header block).
//
// Thread-safety: thread-safe; many threads may publish at once.
#ifndef WP_LIBS_BUS_PUBLISHER_H_
#define WP_LIBS_BUS_PUBLISHER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/bus/nats_connection.h"

namespace wp::bus {

struct PubAck {
  std::string stream;
  uint64_t sequence = 0;   // position in the stream
  bool duplicate = false;  // the broker already had this msg id
};

// Message headers, in order: key, value.
using MessageHeaders = std::vector<std::pair<std::string, std::string>>;

class Publisher {
 public:
  explicit Publisher(NatsConnection& connection) : connection_(connection) {}

  absl::StatusOr<PubAck> Publish(absl::string_view subject, absl::string_view msg_id,
                                 absl::string_view bytes,
                                 absl::Duration timeout = absl::Seconds(5),
                                 const MessageHeaders& headers = {});

  NatsConnection& connection() const { return connection_; }

 private:
  NatsConnection& connection_;
};

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_PUBLISHER_H_
