#include "libs/store/open_store.h"

#include <libpq-fe.h>

#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/store/postgres_connection.h"
#include "libs/store/postgres_database.h"
#include "libs/store/sqlite_database.h"

namespace wp::store {
namespace {

absl::Status BadSetting(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("store: ", why));
}

// libpq parses the url (its own grammar, percent-decoding included); we
// only insist that it names a database, so that a service never lands in
// the server's default one by accident.
absl::Status CheckPostgresUrl(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string why = error != nullptr ? error : "out of memory";
    if (error != nullptr) PQfreemem(error);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return BadSetting(absl::StrCat("not a PostgreSQL url libpq accepts: ", why));
  }
  bool has_db = false;
  std::string port;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || o->val[0] == '\0') continue;
    if (std::strcmp(o->keyword, "dbname") == 0) has_db = true;
    if (std::strcmp(o->keyword, "port") == 0) port = o->val;
  }
  PQconninfoFree(options);
  // libpq only reads the port when it connects; say so at start instead.
  // (A comma-separated list goes with a list of hosts.)
  for (absl::string_view one : absl::StrSplit(port, ',', absl::SkipEmpty())) {
    int number = 0;
    if (!absl::SimpleAtoi(one, &number) || number < 1 || number > 65535) {
      return BadSetting(absl::StrCat("not a PostgreSQL url libpq accepts: port \"", one,
                                     "\" is not a number from 1 to 65535"));
    }
  }
  if (!has_db) {
    return BadSetting("the PostgreSQL url names no database: postgres://user@host:port/DATABASE");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<StoreLocation> ParseStoreLocation(absl::string_view setting,
                                                 const std::string& default_sqlite_path) {
  StoreLocation location;
  if (absl::StartsWith(setting, "postgres://") || absl::StartsWith(setting, "postgresql://")) {
    location.engine = StoreEngine::kPostgres;
    location.postgres_url = std::string(setting);
    if (absl::Status s = CheckPostgresUrl(location.postgres_url); !s.ok()) return s;
    return location;
  }
  if (absl::StrContains(setting, "://")) {
    return BadSetting(absl::StrCat("unknown engine in \"", setting.substr(0, setting.find("://")),
                                   "://\": use a file path, sqlite:PATH or postgres://..."));
  }
  absl::string_view path = setting;
  absl::ConsumePrefix(&path, "sqlite:");
  location.sqlite_path = path.empty() ? default_sqlite_path : std::string(path);
  if (location.sqlite_path.empty()) return BadSetting("no SQLite file path");
  return location;
}

std::string DescribeStore(const StoreLocation& location) {
  if (location.engine == StoreEngine::kSqlite) return absl::StrCat("sqlite:", location.sqlite_path);
  return absl::StrCat("postgres://", DescribePostgresUrl(location.postgres_url));
}

absl::StatusOr<std::unique_ptr<Database>> OpenStore(const StoreLocation& location,
                                                    const std::vector<Migration>& migrations) {
  if (location.engine == StoreEngine::kPostgres) {
    PostgresOptions options;
    options.url = location.postgres_url;
    return OpenPostgres(options, migrations);
  }
  SqliteOptions options;
  options.path = location.sqlite_path;
  return OpenSqlite(options, migrations);
}

}  // namespace wp::store
