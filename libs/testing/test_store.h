// A fresh store database of either engine for tests, so that one test body
// checks both engines (value-parameterised over Engine).
//
// Thread-compatible.
#ifndef WP_LIBS_TESTING_TEST_STORE_H_
#define WP_LIBS_TESTING_TEST_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::testing {

enum class Engine { kSqlite, kPostgres };

// "Sqlite" or "Postgres": test name suffixes, which ctest labels select by
// (engine_sqlite / engine_postgres).
std::string EngineName(Engine engine);

// For INSTANTIATE_TEST_SUITE_P's name generator.
struct EngineNamer {
  template <typename Info>
  std::string operator()(const Info& info) const {
    return EngineName(info.param);
  }
};

// Runs the TEST_P suite `suite` (parameterised by Engine) once on every
// engine, its tests named Engines/<suite>.<test>/Sqlite and .../Postgres.
#define WP_INSTANTIATE_ON_EVERY_ENGINE(suite)                                                          \
  INSTANTIATE_TEST_SUITE_P(Engines, suite,                                                             \
                           ::testing::Values(::wp::testing::Engine::kSqlite,                           \
                                             ::wp::testing::Engine::kPostgres),                        \
                           ::wp::testing::EngineNamer())

// The --store_url of a service binary under test (service_process.h): ""
// for SQLite (a file under its --data_dir), or the url of a new empty
// store on the shared test PostgreSQL. `name` (lowercase letters, digits,
// '_') says whose it is; a counter keeps each call's store apart. Two
// processes "on one store", or a service restarted, get the same url.
//
// A schema, not a database: as good as a fresh database for the store
// (postgres_server.h) and a hundred times faster to make, which keeps the
// end-to-end tests' PostgreSQL half short.
absl::StatusOr<std::string> TestStoreUrl(Engine engine, const std::string& name);

// One empty database: a file in a new folder, or a new database on the
// shared test PostgreSQL (postgres_server.h). Open() again reopens it.
//
// On PostgreSQL the first Open() copies a database that the same
// migrations were applied to once per test binary: running a service's
// migrations (DDL) for every test would cost several times more.
class TestStore {
 public:
  explicit TestStore(Engine engine);

  absl::StatusOr<std::unique_ptr<store::Database>> Open(const std::vector<store::Migration>& migrations,
                                                        int connections = 2);
  Engine engine() const { return engine_; }
  // The SQLite path or the PostgreSQL url; set by the first Open().
  const std::string& location() const { return location_; }

 private:
  absl::Status Create(const std::vector<store::Migration>& migrations);

  Engine engine_;
  std::string location_;
};

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_TEST_STORE_H_
