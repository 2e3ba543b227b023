// A small synchronous Redis client (hiredis) for cache-aside use: GET, SET
// with expiry, DEL, INCR and PING over a pool of connections.
//
// Redis is treated as optional: when it is down or slow, calls fail fast with
// UNAVAILABLE instead of hanging, and the client reconnects by itself when it
// is back (at most one connect attempt per RedisOptions::reconnect_interval).
// A reconnect callback lets the owner react to a possible loss of
// invalidations during the outage (for instance by bumping a data generation).
//
// Thread-safety: all methods may be called concurrently from any number of
// threads. The destructor must not run while calls are in flight.
#ifndef WP_LIBS_CACHE_REDIS_CLIENT_H_
#define WP_LIBS_CACHE_REDIS_CLIENT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/cache/redis_options.h"

// hiredis types, kept out of this header.
struct redisContext;
struct redisReply;

namespace wp::cache {

class RedisClient {
 public:
  // Does not connect: connections are opened on first use, so a service
  // starts even when Redis is down.
  explicit RedisClient(RedisOptions options);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // The value, or nullopt when the key does not exist.
  absl::StatusOr<std::optional<std::string>> Get(absl::string_view key);
  // SET with a millisecond expiry (PX). `ttl` must be positive;
  // absl::InfiniteDuration() stores without expiry.
  absl::Status Set(absl::string_view key, absl::string_view value, absl::Duration ttl);
  // DEL; deleting a missing key is not an error.
  absl::Status Delete(absl::string_view key);
  // INCR: the value after the increment (a missing key counts as 0).
  absl::StatusOr<int64_t> Incr(absl::string_view key);
  absl::Status Ping();

  // Called once each time Redis answers again after an outage (including
  // when it was unreachable at start-up), on the calling thread
  // that reconnected, after its command finished and with no lock held. It
  // may call this client. Replaces any previous callback; pass nullptr to
  // clear. Keep it short: it delays that one caller.
  void SetReconnectCallback(std::function<void()> callback);

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const;
  };
  struct ReplyDeleter {
    void operator()(redisReply* reply) const;
  };
  using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;
  using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

  // One pool slot. `context` is null while disconnected.
  struct Connection {
    ContextPtr context;
    uint64_t epoch = 0;  // outage epoch the connection was opened in
  };

  // Runs one command on a pooled connection. Error replies from Redis come
  // back as a non-OK status; I/O failures as UNAVAILABLE.
  absl::StatusOr<ReplyPtr> Execute(const std::vector<absl::string_view>& args);
  absl::StatusOr<ReplyPtr> ExecuteOn(Connection& connection,
                                     const std::vector<absl::string_view>& args,
                                     bool* recovered);
  // Opens a connection (and AUTHs). No lock held: it can take connect_timeout.
  absl::StatusOr<ContextPtr> Connect();

  std::optional<Connection> Acquire();
  void Release(Connection connection);
  bool HasIdle() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !idle_.empty(); }

  // Outage bookkeeping.
  bool ClaimConnectAttempt(uint64_t* epoch);
  void MarkDown(const absl::Status& error);
  bool MarkUp();  // true when this ends an outage

  const RedisOptions options_;

  absl::Mutex mu_;
  std::vector<Connection> idle_ ABSL_GUARDED_BY(mu_);
  // An outage starts at the first failure and ends at the next successful
  // connect. Every failure bumps the epoch, so pooled connections opened
  // before it are dropped rather than each failing in turn.
  bool down_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t epoch_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time next_connect_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();

  absl::Mutex callback_mu_;
  std::function<void()> on_reconnect_ ABSL_GUARDED_BY(callback_mu_);
};

}  // namespace wp::cache

#endif  // WP_LIBS_CACHE_REDIS_CLIENT_H_
