#include "libs/testing/test_store.h"

#include <unistd.h>

#include <atomic>
#include <map>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "libs/store/postgres_database.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/postgres_server.h"
#include "libs/testing/server_process.h"

namespace wp::testing {

std::string EngineName(Engine engine) { return engine == Engine::kSqlite ? "Sqlite" : "Postgres"; }

namespace {

// The migrated database of each list of migrations; its name (see TestStore).
absl::StatusOr<std::string> MigratedTemplate(PostgresServer& server, const std::vector<store::Migration>& migrations,
                                             std::atomic<int>& next) {
  static std::mutex mu;
  static auto* templates = new std::map<std::string, std::string>();
  std::string key;
  for (const store::Migration& m : migrations) absl::StrAppend(&key, m.version, "\n", m.sql, "\n");
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = templates->find(key); it != templates->end()) return it->second;
  const std::string name = absl::StrCat("template_", ::getpid(), "_", next.fetch_add(1));
  absl::StatusOr<std::string> url = server.CreateDatabase(name);
  if (!url.ok()) return url.status();
  store::PostgresOptions options;
  options.url = *url;
  options.pool_connections = 1;
  // Closed again at once: a database is copied only while nobody is connected.
  absl::StatusOr<std::unique_ptr<store::Database>> db = store::OpenPostgres(options, migrations);
  if (!db.ok()) return db.status();
  templates->emplace(key, name);
  return name;
}

}  // namespace

absl::StatusOr<std::string> TestStoreUrl(Engine engine, const std::string& name) {
  if (engine == Engine::kSqlite) return std::string();
  absl::StatusOr<PostgresServer*> server = SharedPostgres();
  if (!server.ok()) return server.status();
  static std::atomic<int> next{0};
  return (*server)->CreateSchema(absl::StrCat("store_", name, "_", next.fetch_add(1)));
}

TestStore::TestStore(Engine engine) : engine_(engine) {}

absl::Status TestStore::Create(const std::vector<store::Migration>& migrations) {
  if (engine_ == Engine::kSqlite) {
    const std::string dir = MakeTempDir("wp-store");
    if (dir.empty()) return absl::InternalError("cannot make a temporary folder");
    location_ = dir + "/test.db";
    return absl::OkStatus();
  }
  absl::StatusOr<PostgresServer*> server = SharedPostgres();
  if (!server.ok()) return server.status();
  static std::atomic<int> next{0};
  absl::StatusOr<std::string> from = MigratedTemplate(**server, migrations, next);
  if (!from.ok()) return from.status();
  absl::StatusOr<std::string> url =
      (*server)->CopyDatabase(*from, absl::StrCat("test_", ::getpid(), "_", next.fetch_add(1)));
  if (!url.ok()) return url.status();
  location_ = *url;
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<store::Database>> TestStore::Open(const std::vector<store::Migration>& migrations,
                                                                 int connections) {
  if (location_.empty()) {
    if (absl::Status s = Create(migrations); !s.ok()) return s;
  }
  if (engine_ == Engine::kSqlite) return store::OpenSqlite({location_, connections}, migrations);
  store::PostgresOptions options;
  options.url = location_;
  options.pool_connections = connections;
  return store::OpenPostgres(options, migrations);
}

}  // namespace wp::testing
