// The outbox relay: a background thread that publishes the service's outbox
// (rows written by EmitEvent) to JetStream, oldest first, and marks each row
// sent once the broker acknowledged it.
//
// Guarantees: every committed event is published at least once, in outbox
// order; the broker drops re-publishes (Nats-Msg-Id = event id), so within the
// stream's duplicate window each event is stored once. On failure (NATS down,
// stream missing, timeout) the relay stops the batch and retries from the
// first unsent row with exponential backoff, so it keeps working across
// nats-server restarts and a service may start before NATS is up.
//
// It wakes on Notify() (wire it to Database::SetCommitListener) and also
// polls every poll_interval in case a notification was missed.
//
// One relay per database publishes: replicas sharing one database each run
// a relay, but only the holder of the database's "outbox-relay" lease
// (store::Database::TryLease) publishes; the others try to take the lease
// every poll_interval, so one of them carries on within about that long
// after the holder stops or dies.
//
// Thread-safety: Notify(), WaitUntilIdle() and stats() are thread-safe and may
// be called from any thread, including from the commit listener. Start() and
// Stop() are called by the owner, not concurrently with each other.
#ifndef WP_LIBS_BUS_OUTBOX_RELAY_H_
#define WP_LIBS_BUS_OUTBOX_RELAY_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/bus/nats_connection.h"
#include "libs/bus/publisher.h"
#include "libs/store/database.h"
#include "libs/store/outbox.h"

namespace wp::bus {

struct OutboxRelayOptions {
  int batch_size = 256;
  // Per publish; a publish made while disconnected waits at most this long.
  absl::Duration publish_timeout = absl::Seconds(5);
  // Safety net when a Notify() was missed (e.g. a row written by another process).
  absl::Duration poll_interval = absl::Seconds(1);
  // Retry delays after a failure: min_backoff, doubling up to max_backoff.
  absl::Duration min_backoff = absl::Milliseconds(50);
  absl::Duration max_backoff = absl::Seconds(2);
  // The stream this service publishes to, e.g. StreamNameFor("workstreams")
  // and {StreamSubjectsFor("workstreams")}. When set, the relay creates it
  // before publishing and again after any failure (cheap, idempotent), so a
  // broker that started empty or lost its state heals without an operator.
  // Sent rows older than the newest `keep_sent_rows` are deleted every
  // `prune_interval` while the relay is idle; -1 keeps every row.
  int64_t keep_sent_rows = 100000;
  // Consecutive non-retryable failures of one row before it is moved aside.
  int dead_letter_after_attempts = 5;
  absl::Duration prune_interval = absl::Hours(1);
  std::string stream_name;
  std::vector<std::string> stream_subjects;
  StreamOptions stream_options;
};

struct OutboxRelayStats {
  bool leading = false;   // this relay holds the lease and publishes
  int64_t published = 0;  // rows acknowledged by the broker (re-publishes included)
  int64_t failures = 0;   // failed attempts (publish, read or mark), each followed by a backoff
  int64_t dead_lettered = 0;  // rows moved aside (see above)
};

class OutboxRelay {
 public:
  // `db` and `publisher` must outlive the relay.
  OutboxRelay(store::Database& db, Publisher& publisher, OutboxRelayOptions options = {});
  ~OutboxRelay();  // Stop()
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // Starts the background thread. INVALID_ARGUMENT for bad options,
  // FAILED_PRECONDITION when already started.
  absl::Status Start();
  // Wakes the relay now (new rows were committed). Cheap, never blocks.
  void Notify();
  // Stops and joins the thread. A publish in flight finishes (at most
  // publish_timeout) and what was acknowledged is marked sent; unsent rows
  // stay for the next start. For a graceful drain call WaitUntilIdle first.
  void Stop();
  // True once no unsent row remains (checked against the database), false
  // after `timeout`. For graceful shutdown and tests.
  bool WaitUntilIdle(absl::Duration timeout);

  OutboxRelayStats stats() const;

 private:
  void Run();
  // True when this relay holds the lease (taking it if free); false after
  // waiting a poll_interval when another replica's relay holds it.
  bool Lead();
  void PruneIfDue();
  void RunOnce(absl::Duration& backoff, bool& stream_ready);
  // Sleeps up to `d`; returns early on Stop() (and, if `wake_on_notify`, on Notify()).
  void Wait(absl::Duration d, bool wake_on_notify);
  bool stopping() const;
  void RecordFailure(const absl::Status& status, const char* what);
  // Counts a non-retryable publish failure of `row`; moves it aside once it
  // has failed dead_letter_after_attempts times. True when it was moved.
  bool MaybeDeadLetter(const store::OutboxMessage& row, const absl::Status& error);

  store::Database& db_;
  Publisher& publisher_;
  const OutboxRelayOptions options_;

  // std primitives rather than absl::Mutex so ThreadSanitizer (which cannot
  // see inside the prebuilt absl library) can check this class.
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;      // guarded by mu_
  bool notified_ = false;  // guarded by mu_
  std::thread thread_;

  std::atomic<int64_t> published_{0};
  std::atomic<int64_t> failures_{0};
  std::atomic<int64_t> dead_lettered_{0};
  std::unique_ptr<store::Lease> lease_;  // relay thread only (and Stop() after the join)
  std::atomic<bool> leading_{false};
  int64_t failing_seq_ = 0;       // relay thread only: the row that keeps failing
  int64_t failing_attempts_ = 0;  // relay thread only
  int64_t consecutive_failures_ = 0;  // relay thread only
  absl::Time last_prune_ = absl::Now();  // relay thread only
};

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_OUTBOX_RELAY_H_
