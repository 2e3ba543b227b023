// The store interface every service writes against.
//
// SQL is written once, portably: `?` placeholders, ON CONFLICT, RETURNING, no
// engine-specific functions. The SQLite engine (sqlite_database.h) is the
// embedded default; the PostgreSQL engine (postgres_database.h) implements
// the same interface.
//
// Thread-safety: Database is thread-safe. Write() calls behave as if
// serialised (one writer at a time on SQLite; SERIALIZABLE transactions on
// PostgreSQL); Read() calls run concurrently on their own connections and
// see a consistent snapshot. A Transaction belongs to the thread running the
// callback and must not escape it.
#ifndef WP_LIBS_STORE_DATABASE_H_
#define WP_LIBS_STORE_DATABASE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/store/value.h"

namespace wp::store {

class Transaction {
 public:
  virtual ~Transaction() = default;
  // Runs a statement that returns no rows; returns the number of rows changed.
  virtual absl::StatusOr<int64_t> Execute(absl::string_view sql,
                                          const std::vector<Value>& params = {}) = 0;
  virtual absl::StatusOr<std::vector<Row>> Query(absl::string_view sql,
                                                 const std::vector<Value>& params = {}) = 0;
  // The first row, or NOT_FOUND when there is none.
  absl::StatusOr<Row> QueryOne(absl::string_view sql, const std::vector<Value>& params = {});
  // Called before the transaction appends to the outbox (outbox.h): from
  // here until it commits, other transactions' appends wait, so positions
  // are handed out in commit order and a reader of "after position P" never
  // misses a row committed later with a smaller position. SQLite's single
  // writer gives this already.
  virtual absl::Status LockOutboxAppends() { return absl::OkStatus(); }
};

// Held by at most one of the processes sharing a database (replicas of a
// service on one PostgreSQL), e.g. to let one replica publish the outbox.
// Released when destroyed, or when its process dies.
class Lease {
 public:
  virtual ~Lease() = default;
  // False once the lease is lost (its connection to the database broke):
  // the holder must stop acting as one at once. May ask the database.
  virtual bool Held() = 0;
};

using TransactionBody = std::function<absl::Status(Transaction&)>;

// One versioned schema change. Versions start at 1 and never change once released.
struct Migration {
  int version;
  std::string description;
  std::string sql;  // may hold several statements separated by ';'
  // Run after `sql` on PostgreSQL only: for what one engine needs and the
  // other must not have (e.g. an index that PostgreSQL keeps cheaply and
  // that would cost SQLite a page write per row).
  std::string postgres_sql = "";
};

// Which engine a database runs on (open_store.h chooses it).
enum class StoreEngine { kSqlite, kPostgres };

// Told how long each transaction took, for metrics. An interface rather than
// Prometheus types so that the store depends on no metrics library: the
// service runtime adapts it (libs/metrics/store_metrics.h). Called on the
// transaction's thread once it has committed or rolled back (a write's time
// includes waiting for the writer or a connection, and on PostgreSQL every
// re-run after a conflict); must be thread-safe and cheap.
class TransactionObserver {
 public:
  virtual ~TransactionObserver() = default;
  virtual void OnTransaction(bool write, absl::Duration elapsed) = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // Runs `body` in a read-write transaction; commits when it returns OK and
  // the commit is durable when Write returns OK. Rolls back otherwise and
  // returns body's error. Constraint violations surface as ALREADY_EXISTS
  // (unique keys) or FAILED_PRECONDITION (other constraints).
  //
  // `body` may run more than once: on PostgreSQL a write that loses a
  // serialization conflict with a concurrent one is rolled back and run
  // again from scratch (ABORTED once the attempts run out). So a body must
  // have no effect outside its transaction other than assigning its result.
  virtual absl::Status Write(const TransactionBody& body) = 0;
  // Write() for a body whose statements are each right on their own, whatever
  // commits beside them (e.g. marking given outbox rows sent: an idempotent
  // update of rows the service's writes never change that way). On
  // PostgreSQL it skips the serializable checks, so it neither aborts nor is
  // aborted by the service's writes; on SQLite it is Write().
  virtual absl::Status WriteIndependent(const TransactionBody& body) { return Write(body); }
  // Runs `body` in a read-only snapshot.
  virtual absl::Status Read(const TransactionBody& body) = 0;
  // Called after every committed Write (e.g. to wake the outbox relay).
  virtual void SetCommitListener(std::function<void()> listener) = 0;
  // Tells `observer` (not owned; nullptr for none) about every transaction
  // from now on. It must outlive the database or be unset first.
  virtual void SetTransactionObserver(TransactionObserver* observer) = 0;
  // The lease `name` when no other process holds it, nullptr when one does.
  // SQLite: always granted (one process owns the file).
  virtual absl::StatusOr<std::unique_ptr<Lease>> TryLease(absl::string_view name) = 0;
  // For the few choices that differ by engine in cost, never in meaning
  // (e.g. where a service keeps an index).
  virtual StoreEngine engine() const = 0;
};

// Runs `body` in a read snapshot and returns the value it produced.
template <typename T>
absl::StatusOr<T> ReadValue(Database& db, const std::function<absl::StatusOr<T>(Transaction&)>& body) {
  absl::StatusOr<T> result = absl::InternalError("no result");
  absl::Status s = db.Read([&](Transaction& tx) -> absl::Status {
    result = body(tx);
    return result.status();
  });
  if (!s.ok()) return s;
  return result;
}

// Runs `body` in a write transaction (committed when it returns a value) and
// returns the value it produced.
template <typename T>
absl::StatusOr<T> WriteValue(Database& db, const std::function<absl::StatusOr<T>(Transaction&)>& body) {
  absl::StatusOr<T> result = absl::InternalError("no result");
  absl::Status s = db.Write([&](Transaction& tx) -> absl::Status {
    result = body(tx);
    return result.status();
  });
  if (!s.ok()) return s;
  return result;
}

}  // namespace wp::store

#endif  // WP_LIBS_STORE_DATABASE_H_
