// A throwaway PostgreSQL 15 server for tests: its own folder under $TMPDIR,
// a free port on 127.0.0.1, user `wp` trusted without a password. Removed
// again by Stop().
//
// PostgreSQL refuses to run as root, and CI runs tests as root: then the
// folder is given to the `postgres` user and the server runs as that user.
//
// Not thread-safe.
#ifndef WP_LIBS_TESTING_POSTGRES_SERVER_H_
#define WP_LIBS_TESTING_POSTGRES_SERVER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wp::testing {

class PostgresServer {
 public:
  // `durable`: fsync on and files on disk, as in production (benchmarks);
  // tests leave it off for speed.
  explicit PostgresServer(bool durable = false);
  ~PostgresServer();  // Stop()
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // initdb and start; returns once the server accepts connections.
  absl::Status Start();
  // Fast shutdown, then removes the folder.
  void Stop();
  int port() const { return port_; }
  // postgres://wp@127.0.0.1:PORT/db
  std::string url(const std::string& db) const;
  // A new empty database (lowercase letters, digits, '_'); returns its url.
  // Takes about half a second (it copies a template).
  absl::StatusOr<std::string> CreateDatabase(const std::string& name);
  // A new database that is a copy of `from` (which nobody may be connected
  // to), file by file: tens of milliseconds, fewer than migrating afresh.
  absl::StatusOr<std::string> CopyDatabase(const std::string& from, const std::string& name);
  // A new empty schema (not starting with "pg_", which PostgreSQL keeps for
  // itself) in one database of the server, and a url whose
  // connections use it for unqualified names: as good as a fresh database
  // for the store, and a hundred times faster to make.
  absl::StatusOr<std::string> CreateSchema(const std::string& name);

 private:
  // Runs a PostgreSQL program (as `postgres` when we are root) and waits.
  absl::Status RunTool(const std::string& program, const std::vector<std::string>& args);
  absl::Status RunSql(const std::string& db, const std::string& sql);

  const bool durable_;
  int port_;
  std::string dir_;
  bool running_ = false;
  bool schemas_db_created_ = false;
};

// One server per test binary, started on first use and stopped at exit, so
// that each test only pays for CreateSchema. An error when it cannot start.
absl::StatusOr<PostgresServer*> SharedPostgres();

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_POSTGRES_SERVER_H_
