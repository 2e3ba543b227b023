// Where a service keeps its data, from one setting (--store_url, WP_STORE_URL), and
// opening it with the engine that setting names:
//
//   ""                                   SQLite at the default path (<data_dir>/<service>.db)
//   "sqlite:PATH" or "PATH"              SQLite at PATH
//   "postgres://user[:password]@host[:port]/db[?param=value...]"  PostgreSQL
//                                        (also postgresql://; libpq's URI form)
//
// Service code sees only store::Database: which engine runs is decided here.
#ifndef WP_LIBS_STORE_OPEN_STORE_H_
#define WP_LIBS_STORE_OPEN_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/store/database.h"

namespace wp::store {

struct StoreLocation {
  StoreEngine engine = StoreEngine::kSqlite;
  std::string sqlite_path;   // kSqlite
  std::string postgres_url;  // kPostgres (may hold a password: never log it)
};

// INVALID_ARGUMENT naming the setting when it is neither form, e.g. a
// PostgreSQL url libpq cannot parse or one that names no database.
absl::StatusOr<StoreLocation> ParseStoreLocation(absl::string_view setting,
                                                 const std::string& default_sqlite_path);

// For logs and errors: "sqlite:PATH" or "postgres://host:port/db" (no user
// or password).
std::string DescribeStore(const StoreLocation& location);

// Opens the store and applies the platform migrations and `migrations`.
absl::StatusOr<std::unique_ptr<Database>> OpenStore(const StoreLocation& location,
                                                    const std::vector<Migration>& migrations);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_OPEN_STORE_H_
