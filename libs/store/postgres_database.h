// The PostgreSQL engine of the store: the same Database interface and the
// same migrations as the SQLite engine, for services that outgrow one file.
//
// Built on libpq, the reference C client, rather than libpqxx: it reports
// errors as codes instead of throwing, which fits the store's absl::Status
// style and the no-exceptions rule.
//
// Writes run at SERIALIZABLE isolation, so service code keeps the
// guarantee SQLite's single writer gave it (read-then-write checks of etags
// and request ids stay correct), and a write that loses a conflict is re-run
// from scratch (see Database::Write). A re-run waits until no other write of
// this process is running and keeps them waiting, so that a busy writer
// cannot starve it; only writers in other processes can still conflict. Reads run on a REPEATABLE READ READ ONLY
// snapshot. Commits are durable when acknowledged (synchronous_commit is
// left at its default, on). Migrations are rewritten from SQLite DDL
// (postgres_dialect.h) and applied under an advisory lock, so replicas may
// start together.
//
// Thread-safe (see database.h).
#ifndef WP_LIBS_STORE_POSTGRES_DATABASE_H_
#define WP_LIBS_STORE_POSTGRES_DATABASE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::store {

struct PostgresOptions {
  std::string url;  // postgres://user[:password]@host:port/db
  // Connections shared by reads and writes; a transaction waits for one.
  int pool_connections = 8;
  absl::Duration connect_timeout = absl::Seconds(10);
  // How often one Write body may run when it keeps losing serialization
  // conflicts before Write gives up with ABORTED.
  int max_write_attempts = 10;
};

// Connects, applies the platform migrations and then `migrations` that are
// not applied yet. UNAVAILABLE when the server cannot be reached;
// FAILED_PRECONDITION when the database's schema is newer than `migrations`.
absl::StatusOr<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options,
                                                       const std::vector<Migration>& migrations);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_POSTGRES_DATABASE_H_
