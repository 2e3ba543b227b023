#include "libs/bus/durable_consumer.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/event_headers.h"
#include "libs/bus/nats_status.h"
#include "libs/log/log.h"
#include "libs/store/outbox.h"

namespace wp::bus {
namespace {

bool WorthLogging(int64_t consecutive_failures) {
  return consecutive_failures == 1 || consecutive_failures % 30 == 0;
}

bool IsValidDurableName(absl::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c == '.' || c == '*' || c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
      return false;
  }
  return true;
}

std::string MessageSubject(natsMsg* msg) {
  const char* s = natsMsg_GetSubject(msg);
  return s != nullptr ? s : "";
}

}  // namespace

DurableConsumer::DurableConsumer(NatsConnection& connection, store::Database& db,
                                 DurableConsumerOptions options, TransactionalHandler handler)
    : connection_(connection),
      db_(&db),
      options_(std::move(options)),
      tx_handler_(std::move(handler)) {}

DurableConsumer::DurableConsumer(NatsConnection& connection, DurableConsumerOptions options,
                                 EventHandler handler)
    : connection_(connection),
      db_(nullptr),
      options_(std::move(options)),
      event_handler_(std::move(handler)) {}

DurableConsumer::~DurableConsumer() { Stop(); }

absl::Status DurableConsumer::Start() {
  if (options_.stream.empty())
    return absl::InvalidArgumentError("durable consumer: stream is required");
  if (!IsValidDurableName(options_.durable_name)) {
    return absl::InvalidArgumentError(
        "durable consumer: durable_name is empty or has '.', '*', '>' or spaces");
  }
  if (db_ != nullptr ? !tx_handler_ : !event_handler_) {
    return absl::InvalidArgumentError("durable consumer: handler is required");
  }
  if (options_.batch_size <= 0 || options_.fetch_wait < absl::Milliseconds(1) ||
      options_.ack_wait < absl::Seconds(1) || options_.retry_delay <= absl::ZeroDuration() ||
      options_.max_retry_delay < options_.retry_delay ||
      options_.min_backoff <= absl::ZeroDuration() || options_.max_backoff < options_.min_backoff ||
      options_.request_timeout < absl::Milliseconds(1)) {
    return absl::InvalidArgumentError("durable consumer: invalid batch size or durations");
  }
  if (options_.handled_name.empty()) options_.handled_name = options_.durable_name;
  if (thread_.joinable()) return absl::FailedPreconditionError("durable consumer: already started");
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = false;
  }
  thread_ = std::thread([this] { Run(); });
  return absl::OkStatus();
}

void DurableConsumer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    // Wakes a fetch that is waiting for messages. The consumer was created
    // by us, not by the subscribe call, so unsubscribing does not delete it.
    if (sub_ != nullptr) natsSubscription_Unsubscribe(sub_);
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool DurableConsumer::stopping() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stop_;
}

void DurableConsumer::Wait(absl::Duration d) {
  d = std::min(d, absl::Hours(24));  // keeps the chrono arithmetic from overflowing
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, absl::ToChronoNanoseconds(d), [&] { return stop_; });
}

DurableConsumerStats DurableConsumer::stats() const {
  DurableConsumerStats s;
  s.handled = handled_.load();
  s.duplicates = duplicates_.load();
  s.failures = failures_.load();
  s.rejected = rejected_.load();
  s.pending = pending_.load(std::memory_order_relaxed);
  s.redeliveries = redeliveries_.load(std::memory_order_relaxed);
  return s;
}

jsOptions DurableConsumer::RequestOptions() const {
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = absl::ToInt64Milliseconds(options_.request_timeout);
  return jo;
}

absl::Status DurableConsumer::Subscribe() {
  // A management request made while disconnected would wait out the whole
  // JetStream timeout even if the connection came back a moment later.
  if (!connection_.IsConnected()) return absl::UnavailableError("subscribe: nats not connected");
  if (!options_.stream_subjects.empty()) {
    absl::Status s = connection_.EnsureStream(options_.stream, options_.stream_subjects,
                                              options_.stream_options);
    if (!s.ok()) return s;
  }
  const char* filter = options_.filter_subject.empty() ? nullptr : options_.filter_subject.c_str();

  // Create the consumer ourselves (idempotent for the same configuration)
  // and then bind to it: a consumer the client library created itself would
  // be deleted by an unsubscribe.
  jsOptions jo = RequestOptions();
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = options_.durable_name.c_str();
  cc.FilterSubject = filter;
  cc.AckPolicy = js_AckExplicit;
  cc.DeliverPolicy = options_.deliver_new_only ? js_DeliverNew : js_DeliverAll;
  cc.ReplayPolicy = js_ReplayInstant;
  cc.AckWait = absl::ToInt64Nanoseconds(options_.ack_wait);
  cc.MaxDeliver = options_.max_deliver;
  jsConsumerInfo* info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s =
      js_AddConsumer(&info, connection_.jetstream(), options_.stream.c_str(), &cc, &jo, &err);
  jsConsumerInfo_Destroy(info);
  info = nullptr;
  if (s != NATS_OK) {
    absl::Status status = FromNats(s, absl::StrCat("create consumer ", options_.durable_name), err);
    if (status.code() != absl::StatusCode::kAlreadyExists) return status;
    // Same name, other settings (e.g. a changed ack_wait): try to update,
    // else keep using the existing consumer rather than stop consuming.
    s = js_UpdateConsumer(&info, connection_.jetstream(), options_.stream.c_str(), &cc, &jo, &err);
    jsConsumerInfo_Destroy(info);
    if (s != NATS_OK) {
      wp::log::Warn("durable consumer exists with other settings; using it as is",
                    {{"consumer", options_.durable_name},
                     {"error", std::string(FromNats(s, "update consumer", err).message())}});
    }
  }

  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = options_.stream.c_str();
  so.Consumer = options_.durable_name.c_str();
  natsSubscription* sub = nullptr;
  err = static_cast<jsErrCode>(0);
  s = js_PullSubscribe(&sub, connection_.jetstream(), filter, options_.durable_name.c_str(), &jo,
                       &so, &err);
  if (s != NATS_OK)
    return FromNats(s, absl::StrCat("subscribe consumer ", options_.durable_name), err);

  std::lock_guard<std::mutex> lock(mu_);
  if (stop_) {
    natsSubscription_Destroy(sub);
    return absl::CancelledError("stopping");
  }
  sub_ = sub;
  return absl::OkStatus();
}

void DurableConsumer::DropSubscription() {
  std::lock_guard<std::mutex> lock(mu_);
  if (sub_ == nullptr) return;
  natsSubscription_Destroy(sub_);  // frees memory only; the consumer stays
  sub_ = nullptr;
}

absl::Status DurableConsumer::ConsumerStillExists() {
  if (!connection_.IsConnected())
    return absl::UnavailableError("consumer info: nats not connected");
  jsOptions jo = RequestOptions();
  jsConsumerInfo* info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&info, connection_.jetstream(), options_.stream.c_str(),
                                    options_.durable_name.c_str(), &jo, &err);
  jsConsumerInfo_Destroy(info);
  return FromNats(s, absl::StrCat("consumer info ", options_.durable_name), err);
}

void DurableConsumer::Run() {
  absl::Duration backoff = options_.min_backoff;
  int64_t consecutive_failures = 0;
  absl::Time last_activity = absl::Now();
  auto fail = [&](const absl::Status& status, const char* what) {
    ++consecutive_failures;
    if (WorthLogging(consecutive_failures)) {
      wp::log::Warn("durable consumer: will retry",
                    {{"consumer", options_.durable_name},
                     {"step", what},
                     {"error", std::string(status.message())},
                     {"attempts", absl::StrCat(consecutive_failures)}});
    }
    Wait(backoff);
    backoff = std::min(backoff * 2, options_.max_backoff);
  };

  while (!stopping()) {
    natsSubscription* sub = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      sub = sub_;
    }
    if (sub == nullptr) {
      absl::Status s = Subscribe();
      if (!s.ok()) {
        if (!stopping()) fail(s, "subscribe");
        continue;
      }
      if (consecutive_failures > 0) {
        wp::log::Info("durable consumer: consuming again", {{"consumer", options_.durable_name}});
      }
      consecutive_failures = 0;
      backoff = options_.min_backoff;
      last_activity = absl::Now();
      continue;
    }

    natsMsgList list;
    jsErrCode err = static_cast<jsErrCode>(0);
    natsStatus s = natsSubscription_Fetch(&list, sub, options_.batch_size,
                                          absl::ToInt64Milliseconds(options_.fetch_wait), &err);
    if (s == NATS_TIMEOUT) {
      pending_.store(0, std::memory_order_relaxed);  // nothing was waiting
      // Nothing to do. Now and then make sure the broker still has our
      // consumer: one that restarted with an empty store would otherwise
      // leave us waiting forever.
      if (absl::Now() - last_activity >= options_.consumer_check_interval) {
        last_activity = absl::Now();
        absl::Status exists = ConsumerStillExists();
        if (exists.code() == absl::StatusCode::kNotFound) {
          wp::log::Warn("durable consumer: consumer gone from the broker; re-creating",
                        {{"consumer", options_.durable_name}});
          DropSubscription();
        }
      }
      continue;
    }
    if (s != NATS_OK) {
      if (stopping()) break;
      absl::Status status = FromNats(s, "fetch", err);
      DropSubscription();  // re-create on the next round
      fail(status, "fetch");
      continue;
    }
    last_activity = absl::Now();
    if (stopping()) {
      // Hand the batch back at once rather than after ack_wait.
      for (int i = 0; i < list.Count; ++i) natsMsg_Nak(list.Msgs[i], nullptr);
    } else {
      ProcessBatch(list.Msgs, list.Count);
    }
    natsMsgList_Destroy(&list);
  }
  DropSubscription();
}

std::vector<DurableConsumer::Item> DurableConsumer::Parse(natsMsg** msgs, int count) {
  std::vector<Item> items;
  items.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    natsMsg* msg = msgs[i];
    Item item;
    item.msg = msg;
    const int length = natsMsg_GetDataLength(msg);
    if (!item.event.ParseFromArray(natsMsg_GetData(msg), length) || item.event.id().empty()) {
      // Retrying cannot make these bytes parse: terminate so it is never redelivered.
      rejected_.fetch_add(1);
      wp::log::Error("durable consumer: not an event; dropped",
                     {{"consumer", options_.durable_name},
                      {"subject", MessageSubject(msg)},
                      {"bytes", absl::StrCat(length)}});
      natsMsg_Term(msg, nullptr);
      continue;
    }
    const char* header = nullptr;
    if (natsMsgHeader_Get(msg, kTraceparentHeader, &header) != NATS_OK) header = nullptr;
    item.trace = TraceForDelivery(item.event, header != nullptr ? header : "");
    items.push_back(std::move(item));
  }
  return items;
}

void DurableConsumer::NoteDeliveries(natsMsg** msgs, int count) {
  for (int i = 0; i < count; ++i) {
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msgs[i]) != NATS_OK || meta == nullptr) continue;
    if (meta->NumDelivered > 1) redeliveries_.fetch_add(1, std::memory_order_relaxed);
    pending_.store(static_cast<int64_t>(meta->NumPending), std::memory_order_relaxed);
    jsMsgMetaData_Destroy(meta);
  }
}

void DurableConsumer::ProcessBatch(natsMsg** msgs, int count) {
  NoteDeliveries(msgs, count);
  std::vector<Item> items = Parse(msgs, count);
  if (items.empty()) return;

  if (db_ == nullptr) {
    for (Item& item : items) {
      trace::Scope trace(item.trace);
      item.error = event_handler_(item.event);
      Settle(item);
    }
    return;
  }

  // One transaction for the whole batch (one commit, not one per event),
  // with a savepoint per event so a failing handler undoes only its own
  // event. Savepoints are plain SQL in both SQLite and PostgreSQL.
  absl::Status batch = db_->Write([&](store::Transaction& tx) -> absl::Status {
    for (Item& item : items) {
      trace::Scope trace(item.trace);
      item.duplicate = false;
      item.error = absl::OkStatus();
      absl::StatusOr<int64_t> sp = tx.Execute("SAVEPOINT wp_bus_event");
      if (!sp.ok()) return sp.status();
      absl::StatusOr<bool> first = store::MarkHandled(tx, options_.handled_name, item.event.id());
      if (!first.ok()) {
        item.error = first.status();
      } else if (!*first) {
        item.duplicate = true;  // handled before: skip the effect, still ack
      } else {
        item.error = tx_handler_(tx, item.event);
      }
      if (!item.error.ok()) {
        absl::StatusOr<int64_t> undo = tx.Execute("ROLLBACK TO SAVEPOINT wp_bus_event");
        if (!undo.ok()) return undo.status();
      }
      absl::StatusOr<int64_t> release = tx.Execute("RELEASE SAVEPOINT wp_bus_event");
      if (!release.ok()) return release.status();
    }
    return absl::OkStatus();
  });
  if (!batch.ok()) {
    // Nothing was committed: every event of the batch comes back.
    for (Item& item : items) {
      item.duplicate = false;
      item.error = batch;
    }
  }
  // Only now, after the commit, is any effect durable enough to ack.
  for (Item& item : items) Settle(item);
}

void DurableConsumer::Settle(const Item& item) {
  trace::Scope trace(item.trace);
  if (item.error.ok()) {
    wp::log::Debug("event handled", {{"consumer", options_.durable_name},
                                     {"event", item.event.id()},
                                     {"type", item.event.type()},
                                     {"duplicate", item.duplicate ? "true" : "false"}});
    // A lost ack means a redelivery, which MarkHandled (or the plain
    // handler's idempotence) absorbs.
    natsStatus a = natsMsg_Ack(item.msg, nullptr);
    if (a != NATS_OK) {
      wp::log::Debug("durable consumer: ack not sent; expect a redelivery",
                     {{"consumer", options_.durable_name}, {"event", item.event.id()}});
    }
    (item.duplicate ? duplicates_ : handled_).fetch_add(1);
    return;
  }

  failures_.fetch_add(1);
  uint64_t delivered = 1;
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, item.msg) == NATS_OK && meta != nullptr) {
    delivered = std::max<uint64_t>(1, meta->NumDelivered);
  }
  jsMsgMetaData_Destroy(meta);
  absl::Duration delay = options_.retry_delay;
  for (uint64_t i = 1; i < delivered && delay < options_.max_retry_delay; ++i) delay *= 2;
  delay = std::min(delay, options_.max_retry_delay);
  wp::log::Warn("durable consumer: handler failed; will be redelivered",
                {{"consumer", options_.durable_name},
                 {"event", item.event.id()},
                 {"type", item.event.type()},
                 {"delivery", absl::StrCat(delivered)},
                 {"retry_in", absl::FormatDuration(delay)},
                 {"error", item.error.ToString()}});
  natsMsg_NakWithDelay(item.msg, absl::ToInt64Milliseconds(delay), nullptr);
}

}  // namespace wp::bus
