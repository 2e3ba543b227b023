#include "libs/store/postgres_database.h"

#include <atomic>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "libs/store/platform_migrations.h"
#include "libs/store/postgres_connection.h"
#include "libs/store/postgres_dialect.h"
#include "libs/store/schema_migrations.h"
#include "libs/store/transaction_timer.h"

namespace wp::store {
namespace {

// Taken by every migration transaction, so that replicas starting together
// apply each migration once, one after the other ("wp-mig" in ASCII).
constexpr int64_t kMigrationLock = 0x77702d6d6967;

// Connections shared by reads and writes. A connection found broken is
// reconnected when it is handed out, so a server restart heals by itself.
class Pool {
 public:
  explicit Pool(std::vector<std::unique_ptr<PostgresConnection>> connections)
      : idle_(std::move(connections)) {}

  absl::StatusOr<std::unique_ptr<PostgresConnection>> Take() {
    std::unique_ptr<PostgresConnection> connection;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](std::vector<std::unique_ptr<PostgresConnection>>* idle) { return !idle->empty(); }, &idle_));
      connection = std::move(idle_.back());
      idle_.pop_back();
    }
    if (connection->broken()) {
      if (absl::Status s = connection->Reconnect(); !s.ok()) {
        Give(std::move(connection));  // tried again by the next taker
        return s;
      }
    }
    return connection;
  }

  void Give(std::unique_ptr<PostgresConnection> connection) {
    absl::MutexLock lock(&mu_);
    idle_.push_back(std::move(connection));
  }

 private:
  absl::Mutex mu_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_ ABSL_GUARDED_BY(mu_);
};

// Starts a transaction. A connection the server dropped while it sat idle
// (a restart, a failover) is only found out now; nothing has run on it
// yet, so it is safe to reconnect and begin again.
absl::Status Begin(PostgresConnection& tx, absl::string_view begin) {
  absl::Status s = tx.Exec(begin);
  if (s.ok() || !tx.broken()) return s;
  if (absl::Status reconnected = tx.Reconnect(); !reconnected.ok()) return reconnected;
  return tx.Exec(begin);
}

class PostgresDatabase : public Database {
 public:
  PostgresDatabase(std::vector<std::unique_ptr<PostgresConnection>> connections, const PostgresOptions& options)
      : pool_(std::move(connections)),
        max_write_attempts_(std::max(1, options.max_write_attempts)),
        url_(options.url),
        connect_timeout_(options.connect_timeout) {}

  absl::Status Write(const TransactionBody& body) override {
    return WriteAt(body, "BEGIN ISOLATION LEVEL SERIALIZABLE");
  }

  // Each statement stands alone (database.h), so READ COMMITTED: it takes no
  // part in serializable conflict checks and never aborts, or is aborted by,
  // the service's writes. Deadlocks are still re-run.
  absl::Status WriteIndependent(const TransactionBody& body) override {
    return WriteAt(body, "BEGIN ISOLATION LEVEL READ COMMITTED");
  }

  absl::Status WriteAt(const TransactionBody& body, absl::string_view begin) {
    const TransactionTimer timer(observer_.load(std::memory_order_acquire), true);
    absl::Status s;
    for (int attempt = 1;; ++attempt) {
      bool lost_conflict = false;
      {
        // A re-run goes alone among this process's writers: otherwise a
        // writer in a tight loop can make another lose every attempt.
        const GateLock gate(write_gate_, /*alone=*/attempt > 1);
        absl::StatusOr<std::unique_ptr<PostgresConnection>> connection = pool_.Take();
        if (!connection.ok()) return connection.status();
        s = WriteOnce(**connection, body, begin, &lost_conflict);
        pool_.Give(std::move(*connection));
      }
      if (s.ok() || !lost_conflict) break;
      if (attempt >= max_write_attempts_) {
        s = absl::AbortedError(absl::StrCat("gave up after ", attempt,
                                            " attempts that each lost a serialization conflict: ", s.message()));
        break;
      }
      Backoff(attempt);
    }
    timer.Done();
    if (!s.ok()) return s;
    std::function<void()> listener;
    {
      absl::MutexLock lock(&listener_mu_);
      listener = commit_listener_;
    }
    if (listener) listener();
    return absl::OkStatus();
  }

  absl::Status Read(const TransactionBody& body) override {
    const TransactionTimer timer(observer_.load(std::memory_order_acquire), false);
    absl::StatusOr<std::unique_ptr<PostgresConnection>> connection = pool_.Take();
    if (!connection.ok()) return connection.status();
    PostgresConnection& tx = **connection;
    absl::Status s = Begin(tx, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (s.ok()) {
      s = body(tx);
      tx.Exec(s.ok() ? "COMMIT" : "ROLLBACK").IgnoreError();
    }
    pool_.Give(std::move(*connection));
    return s;
  }

  void SetCommitListener(std::function<void()> listener) override {
    absl::MutexLock lock(&listener_mu_);
    commit_listener_ = std::move(listener);
  }

  void SetTransactionObserver(TransactionObserver* observer) override {
    observer_.store(observer, std::memory_order_release);
  }

  // A session-level advisory lock on a connection of the lease's own: the
  // server releases it when that connection ends, a crash of this process
  // included, so another replica can take over at once.
  StoreEngine engine() const override { return StoreEngine::kPostgres; }

  absl::StatusOr<std::unique_ptr<Lease>> TryLease(absl::string_view name) override {
    absl::StatusOr<std::unique_ptr<PostgresConnection>> connection =
        PostgresConnection::Connect(url_, connect_timeout_);
    if (!connection.ok()) return connection.status();
    // Keyed by the schema too: stores sharing a database do not compete.
    absl::StatusOr<std::vector<Row>> taken = (*connection)->Query(
        "SELECT pg_try_advisory_lock(hashtextextended(? || ':' || current_schema(), 0))",
        {absl::StrCat("wp-lease:", name)});
    if (!taken.ok()) return taken.status();
    if (taken->empty() || taken->front().Int(0) == 0) return std::unique_ptr<Lease>();
    return std::unique_ptr<Lease>(new SessionLease(std::move(*connection)));
  }

 private:
  // One run of `body`; `lost_conflict` tells whether running it again may succeed.
  static absl::Status WriteOnce(PostgresConnection& tx, const TransactionBody& body, absl::string_view begin,
                                bool* lost_conflict) {
    tx.StartTransaction();
    absl::Status s = Begin(tx, begin);
    if (s.ok()) s = body(tx);
    if (s.ok()) {
      s = tx.Commit();
      if (!s.ok() && tx.broken()) {
        s = absl::UnavailableError(absl::StrCat(s.message(), " (whether the commit happened is unknown)"));
      }
    }
    if (!s.ok() && !tx.broken()) tx.Exec("ROLLBACK").IgnoreError();
    *lost_conflict = tx.lost_conflict() && !tx.broken();
    return s;
  }

  // Randomised, so that two writers that collided do not collide again.
  void Backoff(int attempt) {
    const int64_t ceiling_us = std::min<int64_t>(int64_t{500} << std::min(attempt, 7), 50000);
    int64_t wait_us;
    {
      absl::MutexLock lock(&random_mu_);
      wait_us = absl::Uniform<int64_t>(random_, 0, ceiling_us);
    }
    absl::SleepFor(absl::Microseconds(wait_us));
  }

  // Held shared by first attempts and exclusively by re-runs.
  class GateLock {
   public:
    GateLock(absl::Mutex& gate, bool alone) : gate_(gate), alone_(alone) {
      if (alone_) {
        gate_.WriterLock();
      } else {
        gate_.ReaderLock();
      }
    }
    ~GateLock() {
      if (alone_) {
        gate_.WriterUnlock();
      } else {
        gate_.ReaderUnlock();
      }
    }
    GateLock(const GateLock&) = delete;
    GateLock& operator=(const GateLock&) = delete;

   private:
    absl::Mutex& gate_;
    const bool alone_;
  };

  class SessionLease : public Lease {
   public:
    explicit SessionLease(std::unique_ptr<PostgresConnection> connection) : connection_(std::move(connection)) {}
    // Asks the server: a connection that broke took the lock with it.
    bool Held() override { return !connection_->broken() && connection_->Exec("SELECT 1").ok(); }

   private:
    std::unique_ptr<PostgresConnection> connection_;
  };

  Pool pool_;
  absl::Mutex write_gate_;
  const int max_write_attempts_;
  const std::string url_;
  const absl::Duration connect_timeout_;
  std::atomic<TransactionObserver*> observer_{nullptr};
  absl::Mutex listener_mu_;
  std::function<void()> commit_listener_ ABSL_GUARDED_BY(listener_mu_);
  absl::Mutex random_mu_;
  absl::BitGen random_ ABSL_GUARDED_BY(random_mu_);
};

// Runs `step` in a transaction holding the migration lock.
absl::Status UnderMigrationLock(PostgresConnection& db, const std::function<absl::Status()>& step) {
  absl::Status s = db.Exec("BEGIN");
  if (s.ok()) s = db.Exec(absl::StrCat("SELECT pg_advisory_xact_lock(", kMigrationLock, ")"));
  if (s.ok()) s = step();
  if (s.ok()) s = db.Commit();
  if (!s.ok() && !db.broken()) db.Exec("ROLLBACK").IgnoreError();
  return s;
}

absl::Status ApplyMigrations(PostgresConnection& db, absl::string_view component,
                             const std::vector<Migration>& migrations) {
  absl::Status s = UnderMigrationLock(db, [&] { return CheckSchemaNotNewer(db, component, migrations); });
  if (!s.ok()) return s;
  for (const Migration& m : migrations) {
    s = UnderMigrationLock(db, [&]() -> absl::Status {
      absl::StatusOr<bool> applied = IsApplied(db, component, m.version);
      if (!applied.ok()) return applied.status();
      if (*applied) return absl::OkStatus();
      if (absl::Status run = db.Exec(ToPostgresDdl(m.sql)); !run.ok()) return run;
      if (!m.postgres_sql.empty()) {
        if (absl::Status run = db.Exec(ToPostgresDdl(m.postgres_sql)); !run.ok()) return run;
      }
      return RecordApplied(db, component, m);
    });
    if (!s.ok()) {
      return absl::Status(s.code(), absl::StrCat("migration ", MigrationName(component, m), ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options,
                                                       const std::vector<Migration>& migrations) {
  std::vector<std::unique_ptr<PostgresConnection>> connections;
  for (int i = 0; i < std::max(1, options.pool_connections); ++i) {
    absl::StatusOr<std::unique_ptr<PostgresConnection>> connection =
        PostgresConnection::Connect(options.url, options.connect_timeout);
    if (!connection.ok()) return connection.status();
    connections.push_back(std::move(*connection));
  }
  PostgresConnection& first = *connections.front();
  absl::Status s = UnderMigrationLock(first, [&] { return first.Exec(ToPostgresDdl(kCreateSchemaMigrations)); });
  if (s.ok()) s = ApplyMigrations(first, "platform", PlatformMigrations());
  if (s.ok()) s = ApplyMigrations(first, "service", migrations);
  if (!s.ok()) return s;
  return std::unique_ptr<Database>(new PostgresDatabase(std::move(connections), options));
}

}  // namespace wp::store
