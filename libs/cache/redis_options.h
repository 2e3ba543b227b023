// Connection settings for RedisClient, and parsing them from a "redis://" URL
// (the form flags and config files carry).
//
// Thread-safety: plain value type; ParseRedisUrl is a pure function.
#ifndef WP_LIBS_CACHE_REDIS_OPTIONS_H_
#define WP_LIBS_CACHE_REDIS_OPTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace wp::cache {

struct RedisOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  // Sent with AUTH after each connect when not empty. Never logged.
  std::string password;
  // Short timeouts: Redis is an accelerator, a slow answer is worth less than
  // going straight to the store.
  absl::Duration connect_timeout = absl::Milliseconds(200);
  absl::Duration command_timeout = absl::Milliseconds(300);
  // Connections shared by all calling threads.
  int pool_size = 4;
  // After a failure, at most one connect attempt per interval; calls in
  // between fail fast with UNAVAILABLE.
  absl::Duration reconnect_interval = absl::Milliseconds(500);
};

// Parses "redis://[:password@]host[:port]" (port defaults to 6379) into
// options with the default timeouts and pool size. A trailing "/0" is accepted;
// other database numbers, user names and query strings are rejected.
absl::StatusOr<RedisOptions> ParseRedisUrl(absl::string_view url);

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_REDIS_OPTIONS_H_
