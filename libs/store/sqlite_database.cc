#include "libs/store/sqlite_database.h"

#include <sqlite3.h>

#include <atomic>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/store/platform_migrations.h"
#include "libs/store/schema_migrations.h"
#include "libs/store/transaction_timer.h"

namespace wp::store {
namespace {

absl::Status ErrorFrom(sqlite3* db, int rc, absl::string_view what) {
  const std::string message = absl::StrCat(what, ": ", sqlite3_errmsg(db));
  const int extended = sqlite3_extended_errcode(db);
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return absl::AlreadyExistsError(message);
  }
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return absl::FailedPreconditionError(message);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

// One sqlite3 handle with its prepared-statement cache. Used by one thread at a time.
class Connection : public Transaction {
 public:
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  absl::Status Exec(absl::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      absl::Status status = ErrorFrom(db_, rc, "exec");
      sqlite3_free(error);
      return status;
    }
    return absl::OkStatus();
  }

  sqlite3* handle() const { return db_; }

  absl::StatusOr<int64_t> Execute(absl::string_view sql, const std::vector<Value>& params) override {
    absl::StatusOr<sqlite3_stmt*> stmt = Prepare(sql, params);
    if (!stmt.ok()) return stmt.status();
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return ErrorFrom(db_, rc, sql);
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  absl::StatusOr<std::vector<Row>> Query(absl::string_view sql, const std::vector<Value>& params) override {
    absl::StatusOr<sqlite3_stmt*> stmt = Prepare(sql, params);
    if (!stmt.ok()) return stmt.status();
    std::vector<Row> rows;
    int rc;
    const int columns = sqlite3_column_count(*stmt);
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(ColumnValue(*stmt, c));
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return ErrorFrom(db_, rc, sql);
    return rows;
  }

 private:
  absl::StatusOr<sqlite3_stmt*> Prepare(absl::string_view sql, const std::vector<Value>& params) {
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(sql);  // no copy of the text on a hit
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
      if (rc != SQLITE_OK) return ErrorFrom(db_, rc, absl::StrCat("prepare ", sql));
      statements_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return absl::InternalError(absl::StrCat("statement wants ", sqlite3_bind_parameter_count(stmt),
                                              " parameters, got ", params.size(), ": ", sql));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob(stmt, index, b->bytes.data(), static_cast<int>(b->bytes.size()),
                               SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return ErrorFrom(db_, rc, "bind");
    }
    return stmt;
  }

  static Value ColumnValue(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER: return Value(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
      case SQLITE_FLOAT: return Value(sqlite3_column_double(stmt, c));
      case SQLITE_TEXT:
        return Value(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                 sqlite3_column_bytes(stmt, c)));
      case SQLITE_BLOB: {
        const char* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        return Value(Blob{std::string(data ? data : "", sqlite3_column_bytes(stmt, c))});
      }
      default: return Value();
    }
  }

  sqlite3* db_;
  absl::flat_hash_map<std::string, sqlite3_stmt*> statements_;
};

absl::StatusOr<std::unique_ptr<Connection>> OpenConnection(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  const int flags = read_only ? SQLITE_OPEN_READONLY
                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = absl::UnavailableError(
        absl::StrCat("cannot open ", path, ": ", db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return status;
  }
  auto connection = std::make_unique<Connection>(db);
  sqlite3_busy_timeout(db, 5000);
  // FULL: a commit is on disk before Write() returns, even in WAL mode.
  absl::Status s = connection->Exec(read_only ? "PRAGMA foreign_keys=ON"
                                              : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                                "PRAGMA foreign_keys=ON");
  if (!s.ok()) return s;
  return connection;
}

class SqliteDatabase : public Database {
 public:
  SqliteDatabase(std::unique_ptr<Connection> writer, std::vector<std::unique_ptr<Connection>> readers)
      : writer_(std::move(writer)) {
    for (auto& r : readers) idle_readers_.push_back(std::move(r));
  }

  absl::Status Write(const TransactionBody& body) override {
    const TransactionTimer timer(observer_.load(std::memory_order_acquire), true);
    std::function<void()> listener;
    {
      absl::MutexLock lock(&write_mu_);
      absl::Status s = writer_->Exec("BEGIN IMMEDIATE");
      if (!s.ok()) return s;
      s = body(*writer_);
      if (s.ok()) s = writer_->Exec("COMMIT");
      if (!s.ok()) {
        writer_->Exec("ROLLBACK").IgnoreError();
        return s;
      }
      listener = commit_listener_;
    }
    timer.Done();
    if (listener) listener();
    return absl::OkStatus();
  }

  absl::Status Read(const TransactionBody& body) override {
    const TransactionTimer timer(observer_.load(std::memory_order_acquire), false);
    std::unique_ptr<Connection> reader = TakeReader();
    absl::Status s = reader->Exec("BEGIN");
    if (s.ok()) {
      s = body(*reader);
      reader->Exec("COMMIT").IgnoreError();
    }
    ReturnReader(std::move(reader));
    timer.Done();
    return s;
  }

  void SetCommitListener(std::function<void()> listener) override {
    absl::MutexLock lock(&write_mu_);
    commit_listener_ = std::move(listener);
  }

  void SetTransactionObserver(TransactionObserver* observer) override {
    observer_.store(observer, std::memory_order_release);
  }

  // One process owns a SQLite file, so it holds every lease.
  StoreEngine engine() const override { return StoreEngine::kSqlite; }

  absl::StatusOr<std::unique_ptr<Lease>> TryLease(absl::string_view) override {
    struct SoleHolder : Lease {
      bool Held() override { return true; }
    };
    return std::unique_ptr<Lease>(new SoleHolder());
  }

 private:
  std::unique_ptr<Connection> TakeReader() {
    absl::MutexLock lock(&read_mu_);
    read_mu_.Await(absl::Condition(
        +[](std::vector<std::unique_ptr<Connection>>* idle) { return !idle->empty(); },
        &idle_readers_));
    std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
    idle_readers_.pop_back();
    return reader;
  }

  void ReturnReader(std::unique_ptr<Connection> reader) {
    absl::MutexLock lock(&read_mu_);
    idle_readers_.push_back(std::move(reader));
  }

  std::atomic<TransactionObserver*> observer_{nullptr};
  absl::Mutex write_mu_;
  std::unique_ptr<Connection> writer_ ABSL_GUARDED_BY(write_mu_);
  std::function<void()> commit_listener_ ABSL_GUARDED_BY(write_mu_);
  absl::Mutex read_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_ ABSL_GUARDED_BY(read_mu_);
};

absl::Status ApplyMigrations(Connection& db, absl::string_view component,
                             const std::vector<Migration>& migrations) {
  if (absl::Status s = CheckSchemaNotNewer(db, component, migrations); !s.ok()) return s;
  for (const Migration& m : migrations) {
    absl::StatusOr<bool> applied = IsApplied(db, component, m.version);
    if (!applied.ok()) return applied.status();
    if (*applied) continue;
    absl::Status s = db.Exec("BEGIN IMMEDIATE");
    if (s.ok()) s = db.Exec(m.sql);
    if (s.ok()) s = RecordApplied(db, component, m);
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      db.Exec("ROLLBACK").IgnoreError();
      return absl::Status(s.code(), absl::StrCat("migration ", MigrationName(component, m), ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

sqlite3* SqliteHandleOf(Transaction& tx) {
  auto* connection = dynamic_cast<Connection*>(&tx);
  return connection == nullptr ? nullptr : connection->handle();
}

absl::StatusOr<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options,
                                                     const std::vector<Migration>& migrations) {
  absl::StatusOr<std::unique_ptr<Connection>> writer = OpenConnection(options.path, false);
  if (!writer.ok()) return writer.status();
  absl::Status s = (*writer)->Exec(kCreateSchemaMigrations);
  if (s.ok()) s = ApplyMigrations(**writer, "platform", PlatformMigrations());
  if (s.ok()) s = ApplyMigrations(**writer, "service", migrations);
  if (!s.ok()) return s;

  std::vector<std::unique_ptr<Connection>> readers;
  for (int i = 0; i < std::max(1, options.reader_connections); ++i) {
    absl::StatusOr<std::unique_ptr<Connection>> reader = OpenConnection(options.path, true);
    if (!reader.ok()) return reader.status();
    readers.push_back(std::move(*reader));
  }
  return std::unique_ptr<Database>(new SqliteDatabase(std::move(*writer), std::move(readers)));
}

}  // namespace wp::store
