#include "libs/bus/outbox_relay.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/bus/event_headers.h"
#include "libs/log/log.h"
#include "libs/store/dead_letters.h"
#include "libs/store/outbox.h"

namespace wp::bus {
namespace {

// During a long outage one line per attempt would flood the log.
bool WorthLogging(int64_t consecutive_failures) {
  return consecutive_failures == 1 || consecutive_failures % 30 == 0;
}

// Failures that may heal by themselves (the broker or the stream coming
// back); every other publish failure is about the message itself.
bool IsRetryable(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kAborted:
      return true;
    default:
      return false;
  }
}

}  // namespace

OutboxRelay::OutboxRelay(store::Database& db, Publisher& publisher, OutboxRelayOptions options)
    : db_(db), publisher_(publisher), options_(std::move(options)) {}

OutboxRelay::~OutboxRelay() { Stop(); }

absl::Status OutboxRelay::Start() {
  if (options_.batch_size <= 0)
    return absl::InvalidArgumentError("outbox relay: batch_size must be positive");
  if (options_.publish_timeout <= absl::ZeroDuration() ||
      options_.poll_interval <= absl::ZeroDuration() ||
      options_.min_backoff <= absl::ZeroDuration() || options_.max_backoff < options_.min_backoff) {
    return absl::InvalidArgumentError(
        "outbox relay: durations must be positive, max_backoff >= min_backoff");
  }
  if (options_.dead_letter_after_attempts <= 0) {
    return absl::InvalidArgumentError("outbox relay: dead_letter_after_attempts must be positive");
  }
  if (options_.stream_name.empty() != options_.stream_subjects.empty()) {
    return absl::InvalidArgumentError(
        "outbox relay: give both stream_name and stream_subjects, or neither");
  }
  if (thread_.joinable()) return absl::FailedPreconditionError("outbox relay: already started");
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = false;
    notified_ = true;  // look at the outbox straight away
  }
  thread_ = std::thread([this] { Run(); });
  return absl::OkStatus();
}

void OutboxRelay::Notify() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    notified_ = true;
  }
  cv_.notify_all();
}

void OutboxRelay::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  lease_.reset();  // another replica's relay may publish now
  leading_ = false;
}

bool OutboxRelay::stopping() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stop_;
}

void OutboxRelay::Wait(absl::Duration d, bool wake_on_notify) {
  d = std::min(d, absl::Hours(24));  // keeps the chrono arithmetic from overflowing
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, absl::ToChronoNanoseconds(d),
               [&] { return stop_ || (wake_on_notify && notified_); });
}

bool OutboxRelay::WaitUntilIdle(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    Notify();
    absl::StatusOr<std::vector<store::OutboxMessage>> rows = store::FetchUnsent(db_, 1);
    if (rows.ok() && rows->empty()) return true;
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(10));
  }
}

OutboxRelayStats OutboxRelay::stats() const {
  OutboxRelayStats s;
  s.leading = leading_.load();
  s.published = published_.load();
  s.failures = failures_.load();
  s.dead_lettered = dead_lettered_.load();
  return s;
}

bool OutboxRelay::MaybeDeadLetter(const store::OutboxMessage& row, const absl::Status& error) {
  if (IsRetryable(error)) return false;
  if (failing_seq_ != row.seq) {
    failing_seq_ = row.seq;
    failing_attempts_ = 0;
  }
  if (++failing_attempts_ < options_.dead_letter_after_attempts) return false;
  const std::string reason = absl::StrCat(absl::StatusCodeToString(error.code()), ": ", error.message());
  if (absl::Status s = store::MoveToDeadLetters(db_, row.seq, reason, failing_attempts_); !s.ok()) {
    RecordFailure(s, "move to dead letters");
    return false;
  }
  dead_lettered_.fetch_add(1);
  wp::log::Error("outbox relay: event moved to the dead letters; later events go on",
                 {{"seq", absl::StrCat(row.seq)},
                  {"event_id", row.event_id},
                  {"subject", row.subject},
                  {"bytes", absl::StrCat(row.payload.size())},
                  {"reason", reason},
                  {"attempts", absl::StrCat(failing_attempts_)}});
  failing_seq_ = 0;
  failing_attempts_ = 0;
  return true;
}

void OutboxRelay::RecordFailure(const absl::Status& status, const char* what) {
  failures_.fetch_add(1);
  ++consecutive_failures_;
  if (WorthLogging(consecutive_failures_)) {
    // UNAVAILABLE heals by itself (NATS coming back); anything else (say, an
    // event above the server's max_payload) blocks the outbox until fixed.
    const wp::log::Level level = status.code() == absl::StatusCode::kUnavailable
                                     ? wp::log::Level::kWarn
                                     : wp::log::Level::kError;
    wp::log::Write(level, "outbox relay: will retry",
                   {{"step", what},
                    {"error", std::string(status.message())},
                    {"code", absl::StatusCodeToString(status.code())},
                    {"attempts", absl::StrCat(consecutive_failures_)}});
  }
}

// Sent rows are only history once the broker has them; keep a window for
// inspection and drop the rest, so the outbox does not grow forever.
void OutboxRelay::PruneIfDue() {
  if (options_.keep_sent_rows < 0 || absl::Now() - last_prune_ < options_.prune_interval) return;
  last_prune_ = absl::Now();
  absl::Status s = store::PruneSent(db_, options_.keep_sent_rows);
  if (!s.ok()) log::Warn("outbox prune failed", {{"error", std::string(s.message())}});
}

void OutboxRelay::Run() {
  absl::Duration backoff = options_.min_backoff;
  bool stream_ready = options_.stream_name.empty();
  while (!stopping()) RunOnce(backoff, stream_ready);
}

bool OutboxRelay::Lead() {
  if (lease_ != nullptr && lease_->Held()) return true;
  if (lease_ != nullptr) {
    lease_.reset();
    leading_ = false;
    wp::log::Warn("outbox relay: lost the lease (its database connection broke); publishing stops here");
  }
  absl::StatusOr<std::unique_ptr<store::Lease>> lease = db_.TryLease("outbox-relay");
  if (!lease.ok()) {
    RecordFailure(lease.status(), "take the lease");
  } else if (*lease != nullptr) {
    lease_ = std::move(*lease);
    leading_ = true;
    wp::log::Info("outbox relay: holds the lease; this replica publishes the outbox");
    return true;
  }
  Wait(options_.poll_interval, /*wake_on_notify=*/false);
  return false;
}

void OutboxRelay::RunOnce(absl::Duration& backoff, bool& stream_ready) {
  auto fail = [&](const absl::Status& status, const char* what) {
    RecordFailure(status, what);
    Wait(backoff, /*wake_on_notify=*/false);  // new rows do not make NATS come back sooner
    backoff = std::min(backoff * 2, options_.max_backoff);
  };

  if (!Lead()) return;

  if (!stream_ready) {
    absl::Status s = publisher_.connection().EnsureStream(
        options_.stream_name, options_.stream_subjects, options_.stream_options);
    if (!s.ok()) return fail(s, "ensure stream");
    stream_ready = true;
  }

  // Clear the flag before reading, so a commit that lands after the read
  // leaves it set and we come straight back.
  {
    std::lock_guard<std::mutex> lock(mu_);
    notified_ = false;
  }
  absl::StatusOr<std::vector<store::OutboxMessage>> rows =
      store::FetchUnsent(db_, options_.batch_size);
  if (!rows.ok()) return fail(rows.status(), "read outbox");
  if (rows->empty()) {
    PruneIfDue();
    Wait(options_.poll_interval, /*wake_on_notify=*/true);
    return;
  }

  // Strictly one after the other: a later row is only sent once every
  // earlier row is acknowledged, which keeps the stream in outbox order even
  // when a publish fails half-way.
  std::vector<int64_t> acked;
  absl::Status publish_error;
  const store::OutboxMessage* failed_row = nullptr;
  for (const store::OutboxMessage& row : *rows) {
    if (stopping()) break;
    absl::StatusOr<PubAck> ack =
        publisher_.Publish(row.subject, row.event_id, row.payload, options_.publish_timeout,
                           HeadersForEnvelope(row.payload));
    if (!ack.ok()) {
      publish_error = ack.status();
      failed_row = &row;
      break;
    }
    acked.push_back(row.seq);
    published_.fetch_add(1);
  }

  // Mark what the broker has, even after a failure, so it is not re-sent.
  // If marking fails the rows are re-published later and dropped by the
  // broker as duplicates (or, past the window, by consumers' handled ids).
  if (!acked.empty()) {
    if (absl::Status s = store::MarkSent(db_, acked); !s.ok()) return fail(s, "mark sent");
  }
  if (!publish_error.ok()) {
    // Moved aside: carry on with the next row straight away.
    if (MaybeDeadLetter(*failed_row, publish_error)) return;
    // The broker may have lost the stream (fresh store): re-create it next time.
    if (!options_.stream_name.empty()) stream_ready = false;
    return fail(publish_error, "publish");
  }
  if (consecutive_failures_ > 0) {
    wp::log::Info("outbox relay: publishing again",
                  {{"after_attempts", absl::StrCat(consecutive_failures_)}});
    consecutive_failures_ = 0;
  }
  backoff = options_.min_backoff;
}

}  // namespace wp::bus
