// A durable JetStream pull consumer that feeds events to a handler, applying
// each event's effect exactly once:
//
//   - transactional (the default for anything that writes state): for every
//     message the handler runs inside db.Write, after store::MarkHandled
//     recorded the event id for this consumer in the same transaction. An id
//     already recorded skips the handler (a redelivery or a re-publish) but
//     is still acknowledged. The message is acknowledged only after the
//     transaction committed, so a crash in between means a redelivery that
//     MarkHandled turns into a no-op. The events of one fetch share one
//     transaction (one commit instead of one per event), each inside its own
//     SAVEPOINT, so a failing handler undoes only its own event; handlers
//     must therefore not COMMIT or ROLLBACK themselves.
//   - plain (no database effect, e.g. cache invalidation): the handler gets
//     the event with no transaction; delivery is at least once, so the
//     handler must be idempotent.
//
// A handler error rolls the transaction back and asks for a redelivery after
// a delay (growing with the delivery count); a message that is not an Event
// is logged and terminated, never retried, never a crash.
//
// The consumer's position lives in the broker under `durable_name`, so a new
// DurableConsumer with the same name resumes where the last one stopped. It
// keeps working across nats-server restarts and re-creates the JetStream
// consumer (and, if configured, the stream) when the broker lost them.
//
// Tracing: each event is handled with its trace current (libs/trace; from
// the envelope, or the message's `traceparent` header), so the handler's log
// lines and the events it writes continue the publisher's trace; a debug
// line "event handled" names each event.
//
// Order: messages are handled one at a time in stream order; after a handler
// error, that message comes back after later ones. Handlers that care about
// order compare Event.source_sequence or a resource version.
//
// Thread-safety: the handler runs on the consumer's own thread, one event at
// a time. Start() and Stop() are called by the owner; stats() from any thread.
#ifndef WP_LIBS_BUS_DURABLE_CONSUMER_H_
#define WP_LIBS_BUS_DURABLE_CONSUMER_H_

#include <nats/nats.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/bus/nats_connection.h"
#include "libs/store/database.h"
#include "libs/trace/trace_context.h"
#include "wp/common/v1/event.pb.h"

namespace wp::bus {

// Applies the event's effect in `tx`. A non-OK status rolls back and redelivers.
using TransactionalHandler =
    std::function<absl::Status(store::Transaction& tx, const wp::common::v1::Event& event)>;
// For consumers with no database effect. Must be idempotent.
using EventHandler = std::function<absl::Status(const wp::common::v1::Event& event)>;

struct DurableConsumerOptions {
  // The publisher's stream, e.g. StreamNameFor("governance").
  std::string stream;
  // When set (e.g. {StreamSubjectsFor("governance")}), the stream is created
  // if missing, so consumers may start before the publishing service.
  std::vector<std::string> stream_subjects;
  StreamOptions stream_options;
  // JetStream durable consumer name, unique per consuming service and purpose,
  // e.g. "workstreams-governance"; no '.', '*', '>' or spaces.
  std::string durable_name;
  // Only these subjects, e.g. "wp.governance.plan.>"; empty: the whole stream.
  std::string filter_subject;
  // Key in handled_events; defaults to durable_name.
  std::string handled_name;
  // Only when the consumer is first created: start with events published from
  // now on instead of the whole stream (e.g. cache invalidation).
  bool deliver_new_only = false;

  // Messages per fetch, handled in one transaction (which holds the
  // database's writer for the whole batch: keep handlers short).
  int batch_size = 64;
  // How long one fetch waits for messages; also bounds how stale the idle
  // check below can be.
  absl::Duration fetch_wait = absl::Seconds(1);
  // Redelivery when a message is neither acked nor nak'ed in time (crash, hang).
  absl::Duration ack_wait = absl::Seconds(30);
  // Deliveries before the broker gives up on a message; -1: never (an event
  // must not be silently dropped; a poison event shows in the logs instead).
  int64_t max_deliver = -1;
  // Redelivery delay after a handler error: retry_delay * 2^(deliveries-1),
  // at most max_retry_delay.
  absl::Duration retry_delay = absl::Milliseconds(500);
  absl::Duration max_retry_delay = absl::Minutes(1);
  // Backoff between attempts to (re)create the consumer or after fetch errors.
  absl::Duration min_backoff = absl::Milliseconds(50);
  absl::Duration max_backoff = absl::Seconds(2);
  // While idle, how often to check that the broker still has the consumer.
  absl::Duration consumer_check_interval = absl::Seconds(10);
  // Wait for JetStream management replies (create, bind, info). Short, so a
  // request lost to a restarting server delays recovery only briefly.
  absl::Duration request_timeout = absl::Seconds(2);
};

struct DurableConsumerStats {
  int64_t handled = 0;     // handler succeeded (and, if transactional, committed)
  int64_t duplicates = 0;  // already handled by this consumer: skipped, acked
  int64_t failures = 0;    // handler or store error: redelivery requested
  int64_t rejected = 0;    // not an Event: terminated
  // The consumer's lag: messages of its stream (and filter) not yet delivered
  // to it, as the broker said with the last message fetched (0 after a fetch
  // that found nothing); -1 before the first fetch. For metrics.
  int64_t pending = -1;
  int64_t redeliveries = 0;  // messages delivered more than once
};

class DurableConsumer {
 public:
  // Transactional: `db` and `connection` must outlive the consumer.
  DurableConsumer(NatsConnection& connection, store::Database& db, DurableConsumerOptions options,
                  TransactionalHandler handler);
  // Plain, no database.
  DurableConsumer(NatsConnection& connection, DurableConsumerOptions options, EventHandler handler);
  ~DurableConsumer();  // Stop()
  DurableConsumer(const DurableConsumer&) = delete;
  DurableConsumer& operator=(const DurableConsumer&) = delete;

  // Starts the background thread; the JetStream consumer is created there
  // (retrying until NATS is reachable). INVALID_ARGUMENT for bad options,
  // FAILED_PRECONDITION when already started.
  absl::Status Start();
  // Stops fetching, lets the batch in hand finish (it is one transaction),
  // hands back a batch fetched after the stop, and joins. The broker keeps
  // the position.
  void Stop();

  DurableConsumerStats stats() const;
  const DurableConsumerOptions& options() const { return options_; }

 private:
  void Run();
  absl::Status Subscribe();
  void DropSubscription();
  // One fetched message on its way through the handler.
  struct Item {
    natsMsg* msg = nullptr;  // owned by the fetched list
    wp::common::v1::Event event;
    trace::TraceContext trace;  // current while the event is handled and settled
    bool duplicate = false;
    absl::Status error;
  };
  // Parsed events; terminates (and drops) what does not parse.
  std::vector<Item> Parse(natsMsg** msgs, int count);
  void ProcessBatch(natsMsg** msgs, int count);
  // Reads the lag and redeliveries off the messages' JetStream metadata.
  void NoteDeliveries(natsMsg** msgs, int count);
  // Acks or naks (with delay) one message after its outcome is final.
  void Settle(const Item& item);
  absl::Status ConsumerStillExists();
  void Wait(absl::Duration d);
  jsOptions RequestOptions() const;
  bool stopping() const;

  NatsConnection& connection_;
  store::Database* db_;  // null for plain consumers
  DurableConsumerOptions options_;
  TransactionalHandler tx_handler_;
  EventHandler event_handler_;

  // std primitives rather than absl::Mutex so ThreadSanitizer (which cannot
  // see inside the prebuilt absl library) can check this class.
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // guarded by mu_
  // Guarded by mu_. Created and destroyed by the consumer thread; Stop()
  // unsubscribes it to cut a waiting fetch short.
  natsSubscription* sub_ = nullptr;
  std::thread thread_;

  std::atomic<int64_t> handled_{0};
  std::atomic<int64_t> duplicates_{0};
  std::atomic<int64_t> failures_{0};
  std::atomic<int64_t> rejected_{0};
  std::atomic<int64_t> pending_{-1};
  std::atomic<int64_t> redeliveries_{0};
};

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_DURABLE_CONSUMER_H_
