#include "libs/testing/test_store.h"

#include <unistd.h>

#include <atomic>

#include "absl/strings/str_cat.h"
#include "libs/store/postgres_database.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/postgres_server.h"
#include "libs/testing/server_process.h"

namespace wp::testing {

std::string EngineName(Engine engine) { return engine == Engine::kSqlite ? "Sqlite" : "Postgres"; }

TestStore::TestStore(Engine engine) : engine_(engine) {}

absl::Status TestStore::Create() {
  if (engine_ == Engine::kSqlite) {
    const std::string dir = MakeTempDir("wp-store");
    if (dir.empty()) return absl::InternalError("cannot make a temporary folder");
    location_ = dir + "/test.db";
    return absl::OkStatus();
  }
  absl::StatusOr<PostgresServer*> server = SharedPostgres();
  if (!server.ok()) return server.status();
  static std::atomic<int> next{0};
  absl::StatusOr<std::string> url =
      (*server)->CreateSchema(absl::StrCat("test_", ::getpid(), "_", next.fetch_add(1)));
  if (!url.ok()) return url.status();
  location_ = *url;
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<store::Database>> TestStore::Open(const std::vector<store::Migration>& migrations,
                                                                 int connections) {
  if (location_.empty()) {
    if (absl::Status s = Create(); !s.ok()) return s;
  }
  if (engine_ == Engine::kSqlite) return store::OpenSqlite({location_, connections}, migrations);
  store::PostgresOptions options;
  options.url = location_;
  options.pool_connections = connections;
  return store::OpenPostgres(options, migrations);
}

}  // namespace wp::testing
