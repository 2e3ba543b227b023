// One libpq connection of the PostgreSQL engine (internal to
// postgres_database.cc): runs statements with `?` parameters, converts
// values both ways, maps server errors to absl codes and caches prepared
// statements.
//
// Thread-compatible: one thread at a time, as the pool hands it out.
#ifndef WP_LIBS_STORE_POSTGRES_CONNECTION_H_
#define WP_LIBS_STORE_POSTGRES_CONNECTION_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

struct pg_conn;
struct pg_result;

namespace wp::store {

// Set on a status that lost a serialization conflict or a deadlock: the
// transaction was rolled back and running it again may succeed.
inline constexpr absl::string_view kRetryableConflict = "wp.store/postgres-retryable-conflict";

// "host:port/db" of a libpq URL, for messages: never the password.
std::string DescribePostgresUrl(const std::string& url);

class PostgresConnection : public Transaction {
 public:
  // UNAVAILABLE naming the server when it cannot be reached.
  static absl::StatusOr<std::unique_ptr<PostgresConnection>> Connect(const std::string& url,
                                                                    absl::Duration timeout);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  absl::StatusOr<int64_t> Execute(absl::string_view sql, const std::vector<Value>& params) override;
  absl::StatusOr<std::vector<Row>> Query(absl::string_view sql, const std::vector<Value>& params) override;
  // A transaction-scoped advisory lock, one per schema.
  absl::Status LockOutboxAppends() override;

  // Runs parameterless SQL, possibly several statements (migrations,
  // BEGIN/COMMIT).
  absl::Status Exec(absl::string_view sql);
  // COMMIT, which PostgreSQL answers with ROLLBACK when the transaction
  // failed earlier and the body went on regardless: an error here.
  absl::Status Commit();
  // Forgets the conflict seen by the last transaction; call at BEGIN.
  void StartTransaction() { lost_conflict_ = false; }
  // True when a statement of this transaction lost a serialization conflict
  // or a deadlock (even if the body swallowed that error).
  bool lost_conflict() const { return lost_conflict_; }
  bool broken() const;
  // Reconnects a broken connection; prepared statements are gone with it.
  absl::Status Reconnect();

 private:
  struct Prepared {
    std::string name;
    int parameters;
  };
  PostgresConnection(pg_conn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
  // The result of running `sql`, checked; `rows` may be null.
  absl::StatusOr<int64_t> Run(absl::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows);
  absl::StatusOr<const Prepared*> Prepare(absl::string_view sql, const std::vector<Value>& params);
  absl::Status ErrorOf(const pg_result* result, absl::string_view what);

  pg_conn* conn_;
  const std::string where_;  // host:port/db
  bool lost_conflict_ = false;
  // Keyed by SQL text and parameter types: a type is fixed at PREPARE.
  std::unordered_map<std::string, Prepared> statements_;
};

}  // namespace wp::store

#endif  // WP_LIBS_STORE_POSTGRES_CONNECTION_H_
