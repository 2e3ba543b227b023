#include "libs/cache/redis_client.h"

#include <hiredis/hiredis.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/log/log.h"

namespace wp::cache {
namespace {

// hiredis sends with write(2), which raises SIGPIPE once Redis has gone away;
// the default action would kill the process. Block SIGPIPE on this thread for
// the duration of one command and discard one that the command caused.
class ScopedSigpipeBlock {
 public:
  ScopedSigpipeBlock() {
    sigemptyset(&sigpipe_);
    sigaddset(&sigpipe_, SIGPIPE);
    // A SIGPIPE already pending is not ours (and is therefore already
    // blocked): leave it, and the mask, alone.
    already_pending_ = IsPending();
    if (!already_pending_) pthread_sigmask(SIG_BLOCK, &sigpipe_, &old_mask_);
  }
  ~ScopedSigpipeBlock() {
    if (already_pending_) return;
    if (IsPending()) {
      const timespec no_wait{0, 0};
      sigtimedwait(&sigpipe_, nullptr, &no_wait);
    }
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  ScopedSigpipeBlock(const ScopedSigpipeBlock&) = delete;
  ScopedSigpipeBlock& operator=(const ScopedSigpipeBlock&) = delete;

 private:
  static bool IsPending() {
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    return sigismember(&pending, SIGPIPE) == 1;
  }

  sigset_t sigpipe_;
  sigset_t old_mask_;
  bool already_pending_ = false;
};

// Sends one command (binary-safe arguments) and reads its reply. Null on an
// I/O error or timeout; context->errstr then says why.
redisReply* RunCommand(redisContext* context, const std::vector<absl::string_view>& args) {
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  argv.reserve(args.size());
  lengths.reserve(args.size());
  for (absl::string_view arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  ScopedSigpipeBlock no_sigpipe;
  return static_cast<redisReply*>(
      redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
}

absl::Status ErrorReplyStatus(absl::string_view message) {
  // These mean Redis is alive but cannot serve for now.
  for (absl::string_view transient : {"LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN"}) {
    if (absl::StartsWith(message, transient)) {
      return absl::UnavailableError(absl::StrCat("redis: ", message));
    }
  }
  return absl::InternalError(absl::StrCat("redis: ", message));
}

absl::Status UnexpectedReply(absl::string_view command, int type) {
  return absl::InternalError(absl::StrCat("redis: unexpected reply type ", type, " to ", command));
}

}  // namespace

void RedisClient::ContextDeleter::operator()(redisContext* context) const { redisFree(context); }
void RedisClient::ReplyDeleter::operator()(redisReply* reply) const { freeReplyObject(reply); }

RedisClient::RedisClient(RedisOptions options) : options_(std::move(options)) {
  absl::MutexLock lock(&mu_);
  idle_.resize(static_cast<size_t>(std::max(1, options_.pool_size)));
}

RedisClient::~RedisClient() = default;

void RedisClient::SetReconnectCallback(std::function<void()> callback) {
  absl::MutexLock lock(&callback_mu_);
  on_reconnect_ = std::move(callback);
}

absl::StatusOr<std::optional<std::string>> RedisClient::Get(absl::string_view key) {
  absl::StatusOr<ReplyPtr> reply = Execute({"GET", key});
  if (!reply.ok()) return reply.status();
  const redisReply& r = **reply;
  if (r.type == REDIS_REPLY_NIL) return std::optional<std::string>();
  if (r.type != REDIS_REPLY_STRING) return UnexpectedReply("GET", r.type);
  return std::optional<std::string>(std::string(r.str, r.len));
}

absl::Status RedisClient::Set(absl::string_view key, absl::string_view value, absl::Duration ttl) {
  if (ttl <= absl::ZeroDuration()) return absl::InvalidArgumentError("redis: SET ttl must be positive");
  absl::StatusOr<ReplyPtr> reply;
  if (ttl == absl::InfiniteDuration()) {
    reply = Execute({"SET", key, value});
  } else {
    // At least 1 ms: PX 0 is an error.
    const std::string ms = std::to_string(std::max<int64_t>(1, absl::ToInt64Milliseconds(ttl)));
    reply = Execute({"SET", key, value, "PX", ms});
  }
  return reply.status();
}

absl::Status RedisClient::Delete(absl::string_view key) { return Execute({"DEL", key}).status(); }

absl::StatusOr<int64_t> RedisClient::Incr(absl::string_view key) {
  absl::StatusOr<ReplyPtr> reply = Execute({"INCR", key});
  if (!reply.ok()) return reply.status();
  if ((*reply)->type != REDIS_REPLY_INTEGER) return UnexpectedReply("INCR", (*reply)->type);
  return static_cast<int64_t>((*reply)->integer);
}

absl::Status RedisClient::Ping() { return Execute({"PING"}).status(); }

absl::StatusOr<RedisClient::ReplyPtr> RedisClient::Execute(const std::vector<absl::string_view>& args) {
  std::optional<Connection> connection = Acquire();
  if (!connection) return absl::UnavailableError("redis: all pooled connections busy");
  bool recovered = false;
  absl::StatusOr<ReplyPtr> reply = ExecuteOn(*connection, args, &recovered);
  Release(std::move(*connection));
  // After releasing the connection, so the callback may use the client even
  // with a pool of one.
  if (recovered) {
    std::function<void()> callback;
    {
      absl::MutexLock lock(&callback_mu_);
      callback = on_reconnect_;
    }
    if (callback) callback();
  }
  return reply;
}

absl::StatusOr<RedisClient::ReplyPtr> RedisClient::ExecuteOn(
    Connection& connection, const std::vector<absl::string_view>& args, bool* recovered) {
  const bool fresh = connection.context == nullptr;
  if (fresh) {
    uint64_t epoch = 0;
    if (!ClaimConnectAttempt(&epoch)) {
      return absl::UnavailableError("redis: unavailable, waiting before the next reconnect attempt");
    }
    absl::StatusOr<ContextPtr> context = Connect();
    if (!context.ok()) {
      MarkDown(context.status());
      return context.status();
    }
    connection.context = std::move(*context);
    connection.epoch = epoch;
  }
  ReplyPtr reply(RunCommand(connection.context.get(), args));
  if (reply == nullptr) {
    // errstr reads "Resource temporarily unavailable" on a timeout.
    absl::Status error =
        absl::UnavailableError(absl::StrCat("redis: ", args[0], ": ", connection.context->errstr));
    // After an I/O error or timeout the stream is out of step (a late reply
    // may still arrive), so the connection cannot be reused.
    connection.context.reset();
    MarkDown(error);
    return error;
  }
  // Redis is back only once it answers, not merely accepts connections, so a
  // stalled server does not make the state (and the callback) flap.
  if (fresh) *recovered = MarkUp();
  if (reply->type == REDIS_REPLY_ERROR) return ErrorReplyStatus(absl::string_view(reply->str, reply->len));
  return reply;
}

absl::StatusOr<RedisClient::ContextPtr> RedisClient::Connect() {
  ContextPtr context(redisConnectWithTimeout(options_.host.c_str(), options_.port,
                                             absl::ToTimeval(options_.connect_timeout)));
  if (context == nullptr) return absl::UnavailableError("redis: cannot allocate a connection");
  if (context->err != 0) return absl::UnavailableError(absl::StrCat("redis: connect: ", context->errstr));
  // Bounds every later read and write, so a stalled Redis cannot hang callers.
  if (redisSetTimeout(context.get(), absl::ToTimeval(options_.command_timeout)) != REDIS_OK) {
    return absl::UnavailableError(absl::StrCat("redis: set timeout: ", context->errstr));
  }
  if (!options_.password.empty()) {
    ReplyPtr reply(RunCommand(context.get(), {"AUTH", options_.password}));
    if (reply == nullptr) return absl::UnavailableError(absl::StrCat("redis: AUTH: ", context->errstr));
    // Redis' error text never contains the password we sent.
    if (reply->type == REDIS_REPLY_ERROR) {
      return absl::UnavailableError(
          absl::StrCat("redis: AUTH failed: ", absl::string_view(reply->str, reply->len)));
    }
  }
  return context;
}

std::optional<RedisClient::Connection> RedisClient::Acquire() {
  absl::MutexLock lock(&mu_);
  // Bounded wait: with every connection busy, failing is better than queueing.
  if (!mu_.AwaitWithTimeout(absl::Condition(this, &RedisClient::HasIdle), options_.command_timeout)) {
    return std::nullopt;
  }
  // Prefer a live connection opened since the latest failure.
  auto it = std::find_if(idle_.begin(), idle_.end(), [this](const Connection& c) {
    mu_.AssertHeld();
    return c.context != nullptr && c.epoch == epoch_;
  });
  if (it == idle_.end()) it = idle_.begin();
  Connection connection = std::move(*it);
  idle_.erase(it);
  // Opened before the latest failure: most likely broken too.
  if (connection.epoch != epoch_) connection.context.reset();
  return connection;
}

void RedisClient::Release(Connection connection) {
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(connection));
}

bool RedisClient::ClaimConnectAttempt(uint64_t* epoch) {
  absl::MutexLock lock(&mu_);
  *epoch = epoch_;
  if (!down_) return true;
  const absl::Time now = absl::Now();
  if (now < next_connect_) return false;
  // This caller makes the one attempt of this interval; others fail fast.
  next_connect_ = now + options_.reconnect_interval;
  return true;
}

void RedisClient::MarkDown(const absl::Status& error) {
  bool outage_started = false;
  {
    absl::MutexLock lock(&mu_);
    ++epoch_;
    next_connect_ = absl::Now() + options_.reconnect_interval;
    outage_started = !down_;
    down_ = true;
  }
  // Once per outage, not once per failed call.
  if (outage_started) {
    log::Warn("redis unavailable, bypassing cache until it is back",
              {{"host", options_.host},
               {"port", std::to_string(options_.port)},
               {"error", std::string(error.message())}});
  }
}

bool RedisClient::MarkUp() {
  bool outage_ended = false;
  {
    absl::MutexLock lock(&mu_);
    outage_ended = down_;
    down_ = false;
  }
  if (outage_ended) {
    log::Info("redis reachable again", {{"host", options_.host}, {"port", std::to_string(options_.port)}});
  }
  return outage_ended;
}

}  // namespace wp::cache
