#include "libs/bus/nats_connection.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "libs/bus/nats_status.h"
#include "libs/log/log.h"

namespace wp::bus {

namespace internal {

// Lives on the heap for cnats' callbacks, which run on cnats' own thread and
// may still be queued when the connection is closed.
struct NatsCallbackState {
  std::string name;
  std::string redacted_url;
  std::mutex mu;
  std::condition_variable cv;
  bool closed = false;  // guarded by mu
};

}  // namespace internal

namespace {

// "nats://user:secret@host:4222" -> "nats://host:4222": credentials in a URL
// must never reach the logs.
std::string RedactUrl(absl::string_view url) {
  std::vector<std::string> out;
  for (absl::string_view one : absl::StrSplit(url, ',', absl::SkipWhitespace())) {
    one = absl::StripAsciiWhitespace(one);
    size_t scheme = one.find("://");
    size_t start = scheme == absl::string_view::npos ? 0 : scheme + 3;
    size_t at = one.find('@', start);
    if (at == absl::string_view::npos) {
      out.emplace_back(one);
    } else {
      out.push_back(absl::StrCat(one.substr(0, start), one.substr(at + 1)));
    }
  }
  return absl::StrJoin(out, ",");
}

std::string ConnectedUrl(natsConnection* nc) {
  char buffer[256] = {0};
  if (natsConnection_GetConnectedUrl(nc, buffer, sizeof(buffer)) != NATS_OK) return "";
  return RedactUrl(buffer);
}

void OnConnected(natsConnection* nc, void* closure) {
  auto* state = static_cast<internal::NatsCallbackState*>(closure);
  wp::log::Info("nats connected", {{"conn", state->name}, {"url", ConnectedUrl(nc)}});
}

void OnDisconnected(natsConnection* nc, void* closure) {
  auto* state = static_cast<internal::NatsCallbackState*>(closure);
  if (natsConnection_IsClosed(nc)) return;  // our own Close(): the closed callback says so
  wp::log::Warn("nats disconnected; reconnecting",
                {{"conn", state->name}, {"url", state->redacted_url}});
}

void OnReconnected(natsConnection* nc, void* closure) {
  auto* state = static_cast<internal::NatsCallbackState*>(closure);
  wp::log::Info("nats reconnected", {{"conn", state->name}, {"url", ConnectedUrl(nc)}});
}

void OnClosed(natsConnection* nc, void* closure) {
  auto* state = static_cast<internal::NatsCallbackState*>(closure);
  wp::log::Info("nats connection closed", {{"conn", state->name}});
  std::lock_guard<std::mutex> lock(state->mu);
  state->closed = true;
  state->cv.notify_all();  // under the lock: the waiter may free `state` right after
}

void OnAsyncError(natsConnection* nc, natsSubscription* sub, natsStatus err, void* closure) {
  auto* state = static_cast<internal::NatsCallbackState*>(closure);
  wp::log::Warn("nats asynchronous error",
                {{"conn", state->name}, {"error", natsStatus_GetText(err)}});
}

int64_t Millis(absl::Duration d) { return absl::ToInt64Milliseconds(d); }

}  // namespace

absl::StatusOr<std::unique_ptr<NatsConnection>> NatsConnection::Connect(
    const NatsOptions& options) {
  std::vector<std::string> urls;
  for (absl::string_view u : absl::StrSplit(options.url, ',', absl::SkipWhitespace())) {
    urls.emplace_back(absl::StripAsciiWhitespace(u));
  }
  if (urls.empty()) return absl::InvalidArgumentError("nats url: empty");
  if (!options.token.empty() && (!options.user.empty() || !options.password.empty())) {
    return absl::InvalidArgumentError("nats: give either user/password or a token, not both");
  }
  if (options.reconnect_wait <= absl::ZeroDuration() ||
      options.connect_timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("nats: reconnect_wait and connect_timeout must be positive");
  }

  auto state = std::make_unique<internal::NatsCallbackState>();
  state->name = options.name.empty() ? "wp" : options.name;
  state->redacted_url = RedactUrl(options.url);

  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  if (s != NATS_OK) return FromNats(s, "nats options");
  std::vector<const char*> servers;
  for (const std::string& u : urls) servers.push_back(u.c_str());
  if (s == NATS_OK)
    s = natsOptions_SetServers(opts, servers.data(), static_cast<int>(servers.size()));
  if (s == NATS_OK) s = natsOptions_SetName(opts, state->name.c_str());
  if (s == NATS_OK && !options.user.empty()) {
    s = natsOptions_SetUserInfo(opts, options.user.c_str(), options.password.c_str());
  }
  if (s == NATS_OK && !options.token.empty()) s = natsOptions_SetToken(opts, options.token.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts, Millis(options.connect_timeout));
  if (s == NATS_OK) s = natsOptions_SetAllowReconnect(opts, true);
  // -1: never give up; a service outlives any NATS outage.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, Millis(options.reconnect_wait));
  // A failed first connect is retried in the background like a reconnect, so
  // Connect() does not fail when the service starts before nats-server.
  if (s == NATS_OK) s = natsOptions_SetRetryOnFailedConnect(opts, true, &OnConnected, state.get());
  if (s == NATS_OK) s = natsOptions_SetDisconnectedCB(opts, &OnDisconnected, state.get());
  if (s == NATS_OK) s = natsOptions_SetReconnectedCB(opts, &OnReconnected, state.get());
  if (s == NATS_OK) s = natsOptions_SetClosedCB(opts, &OnClosed, state.get());
  if (s == NATS_OK) s = natsOptions_SetErrorHandler(opts, &OnAsyncError, state.get());
  if (s != NATS_OK) {
    absl::Status status = FromNats(s, "nats options");
    natsOptions_Destroy(opts);
    return status;
  }

  natsConnection* nc = nullptr;
  s = natsConnection_Connect(&nc, opts);
  natsOptions_Destroy(opts);  // the connection keeps its own copy
  if (s == NATS_NOT_YET_CONNECTED) {
    wp::log::Warn("nats not reachable yet; connecting in the background",
                  {{"conn", state->name}, {"url", state->redacted_url}});
  } else if (s != NATS_OK) {
    return FromNats(s, absl::StrCat("nats connect ", state->redacted_url));
  } else {
    wp::log::Info("nats connected", {{"conn", state->name}, {"url", ConnectedUrl(nc)}});
  }

  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = Millis(options.jetstream_timeout);
  jsCtx* js = nullptr;
  s = natsConnection_JetStream(&js, nc, &jo);
  if (s != NATS_OK) {
    absl::Status status = FromNats(s, "nats jetstream context");
    natsConnection_Destroy(nc);  // its closed callback may still run: keep `state`
    state.release();
    return status;
  }
  std::string name = state->name;
  return std::unique_ptr<NatsConnection>(
      new NatsConnection(nc, js, state.release(), std::move(name)));
}

NatsConnection::NatsConnection(natsConnection* nc, jsCtx* js, internal::NatsCallbackState* state,
                               std::string name)
    : nc_(nc), js_(js), state_(state), name_(std::move(name)) {}

NatsConnection::~NatsConnection() {
  jsCtx_Destroy(js_);
  natsConnection_Close(nc_);
  // The closed callback is the last one cnats queues for this connection;
  // once it ran, no callback can touch `state_` any more.
  bool closed = false;
  {
    std::unique_lock<std::mutex> lock(state_->mu);
    closed = state_->cv.wait_for(lock, std::chrono::seconds(5), [this] { return state_->closed; });
  }
  natsConnection_Destroy(nc_);
  if (closed) {
    delete state_;
  } else {
    // Leaking a few bytes beats a callback writing to freed memory.
    wp::log::Warn("nats close callback did not run in time", {{"conn", name_}});
  }
}

bool NatsConnection::IsConnected() const {
  return natsConnection_Status(nc_) == NATS_CONN_STATUS_CONNECTED;
}

absl::Status NatsConnection::WaitUntilConnected(absl::Duration timeout) const {
  const absl::Time deadline = absl::Now() + timeout;
  while (!IsConnected()) {
    if (absl::Now() >= deadline) return absl::UnavailableError("nats: not connected");
    absl::SleepFor(absl::Milliseconds(10));
  }
  return absl::OkStatus();
}

absl::Status NatsConnection::EnsureStream(const std::string& name,
                                          const std::vector<std::string>& subjects,
                                          const StreamOptions& options) {
  if (name.empty() || subjects.empty()) {
    return absl::InvalidArgumentError("stream: name and subjects are required");
  }
  // Fail fast rather than queue a request in the reconnect buffer and time out.
  if (!IsConnected())
    return absl::UnavailableError(absl::StrCat("create stream ", name, ": nats not connected"));
  std::vector<const char*> subject_ptrs;
  for (const std::string& s : subjects) subject_ptrs.push_back(s.c_str());

  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = name.c_str();
  cfg.Subjects = subject_ptrs.data();
  cfg.SubjectsLen = static_cast<int>(subject_ptrs.size());
  cfg.Storage = js_FileStorage;
  cfg.Retention = js_LimitsPolicy;
  cfg.MaxAge = absl::ToInt64Nanoseconds(options.max_age);
  cfg.MaxBytes = options.max_bytes;
  cfg.Duplicates = absl::ToInt64Nanoseconds(options.duplicate_window);
  cfg.Replicas = options.replicas;

  jsStreamInfo* info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_AddStream(&info, js_, &cfg, nullptr, &err);
  jsStreamInfo_Destroy(info);
  if (s == NATS_OK) return absl::OkStatus();  // created, or already there with this config
  if (err == JSStreamNameExistErr) {
    // Someone created it with another configuration (an operator, an older
    // release): use it as it is rather than fight over it.
    wp::log::Warn("stream exists with a different configuration; using it as is",
                  {{"conn", name_}, {"stream", name}});
    return absl::OkStatus();
  }
  return FromNats(s, absl::StrCat("create stream ", name), err);
}

absl::Status ShutdownNatsLibrary(absl::Duration timeout) {
  natsStatus s = nats_CloseAndWait(absl::ToInt64Milliseconds(timeout));
  // Never opened (no connection was made): nothing to release.
  if (s == NATS_NOT_INITIALIZED) return absl::OkStatus();
  return FromNats(s, "nats library shutdown");
}

}  // namespace wp::bus
