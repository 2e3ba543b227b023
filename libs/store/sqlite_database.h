// The SQLite engine of the store: WAL mode, synchronous=FULL (an acknowledged
// commit survives a crash), one serialised writer connection and a small pool
// of reader connections, prepared statements cached per connection.
//
// Thread-safe (see database.h).
#ifndef WP_LIBS_STORE_SQLITE_DATABASE_H_
#define WP_LIBS_STORE_SQLITE_DATABASE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

struct sqlite3;

namespace wp::store {

struct SqliteOptions {
  std::string path;
  int reader_connections = 4;
};

// Opens (creating if needed) the database, applies the platform migrations
// (outbox, handled events) and then `migrations` that are not applied yet.
absl::StatusOr<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options,
                                                     const std::vector<Migration>& migrations);

// The SQLite connection running `tx` when `tx` is a transaction of this
// engine, else nullptr. For the online backup (backup.h), which copies the
// snapshot of a Read() transaction page by page; use it only inside the body.
sqlite3* SqliteHandleOf(Transaction& tx);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_SQLITE_DATABASE_H_
