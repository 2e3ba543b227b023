// One connection to NATS (cnats natsConnection plus its JetStream context),
// configured so a service never has to care whether NATS is up:
//   - Connect() returns at once even when no server answers yet, and keeps
//     trying in the background (a service may start before nats-server);
//   - reconnects forever, a short wait apart, after any disconnect;
//   - logs connect, disconnect, reconnect and close (never credentials).
// Operations made while disconnected fail with UNAVAILABLE (or time out),
// and succeed again once the connection is back.
//
// Thread-safety: thread-safe. cnats connections and JetStream contexts may be
// used from many threads at once. Destroy every Publisher, OutboxRelay and
// DurableConsumer that uses a connection before the connection itself.
#ifndef WP_LIBS_BUS_NATS_CONNECTION_H_
#define WP_LIBS_BUS_NATS_CONNECTION_H_

#include <nats/nats.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace wp::bus {

namespace internal {
struct NatsCallbackState;
}  // namespace internal

struct NatsOptions {
  // One URL or a comma-separated list (a cluster), e.g. "nats://127.0.0.1:4222".
  std::string url = "nats://127.0.0.1:4222";
  // Shown by the server's monitoring (connz), e.g. the service name.
  std::string name;
  // Optional credentials: user and password, or a token. Never logged.
  std::string user;
  std::string password;
  std::string token;
  // Between two attempts to (re)connect to the same server.
  absl::Duration reconnect_wait = absl::Milliseconds(250);
  // TCP connect plus handshake, per attempt.
  absl::Duration connect_timeout = absl::Seconds(2);
  // Default wait for JetStream API requests (stream and consumer management).
  absl::Duration jetstream_timeout = absl::Seconds(5);
};

// How an event stream is stored. The defaults suit one stream per service:
// file storage, keep everything, drop re-published ids for two minutes.
struct StreamOptions {
  absl::Duration max_age = absl::ZeroDuration();  // zero: keep forever
  int64_t max_bytes = -1;                         // -1: unlimited
  // Window in which the broker drops a publish whose Nats-Msg-Id it has seen.
  absl::Duration duplicate_window = absl::Minutes(2);
  int replicas = 1;  // more than 1 needs a NATS cluster
};

class NatsConnection {
 public:
  // Returns OK as soon as the options are valid, connected or not; the
  // connection comes up in the background. INVALID_ARGUMENT for bad options.
  static absl::StatusOr<std::unique_ptr<NatsConnection>> Connect(const NatsOptions& options);

  ~NatsConnection();  // Closes the connection; waits (bounded) for cnats' callbacks.
  NatsConnection(const NatsConnection&) = delete;
  NatsConnection& operator=(const NatsConnection&) = delete;

  bool IsConnected() const;
  // Waits until connected; UNAVAILABLE after `timeout`. For start-up checks and tests.
  absl::Status WaitUntilConnected(absl::Duration timeout) const;

  // Creates the stream when missing, with file storage. An existing stream is
  // left as it is (a different configuration only logs a warning), so every
  // publisher and consumer of a stream may call this at start-up.
  absl::Status EnsureStream(const std::string& name, const std::vector<std::string>& subjects,
                            const StreamOptions& options = {});

  // For the bus classes and tests; owned by this object.
  natsConnection* raw() const { return nc_; }
  jsCtx* jetstream() const { return js_; }
  const std::string& name() const { return name_; }

 private:
  NatsConnection(natsConnection* nc, jsCtx* js, internal::NatsCallbackState* state,
                 std::string name);

  natsConnection* nc_;
  jsCtx* js_;
  internal::NatsCallbackState* state_;  // outlives cnats' callbacks (see destructor)
  std::string name_;
};

// Releases cnats' global resources (its internal threads). Call once at the
// very end of main, after every NatsConnection is destroyed; no NATS call may
// follow. Optional: the process exiting does the same, less tidily.
absl::Status ShutdownNatsLibrary(absl::Duration timeout = absl::Seconds(5));

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_NATS_CONNECTION_H_
