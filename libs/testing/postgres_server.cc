#include "libs/testing/postgres_server.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "libs/testing/server_process.h"

namespace wp::testing {
namespace {

constexpr char kBinDir[] = "/usr/lib/postgresql/15/bin";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Holds the schemas of CreateSchema.
constexpr char kSchemasDb[] = "wp_tests";

// The folder a server's files go in: /dev/shm when there is one, since on
// a disk every migration's DDL and every initdb are several times slower
// (fsync=off spares the syncs, not the writes); else $TMPDIR. Only when it
// has room to spare (a container's /dev/shm may be 64 MB; a server takes ~40).
std::string ServerTempDir() {
  constexpr char kMemory[] = "/dev/shm";
  constexpr uint64_t kRoomNeeded = uint64_t{1} << 30;
  struct statvfs room;
  if (::access(kMemory, W_OK | X_OK) == 0 && ::statvfs(kMemory, &room) == 0 &&
      static_cast<uint64_t>(room.f_bavail) * room.f_frsize >= kRoomNeeded) {
    std::string pattern = absl::StrCat(kMemory, "/wp-postgres-XXXXXX");
    if (::mkdtemp(pattern.data()) != nullptr) return pattern;
  }
  return MakeTempDir("wp-postgres");
}

// A cluster as initdb made it, kept in the build folder and copied for each
// server, so that a test binary does not pay for initdb (seconds) each time.
std::string ClusterCacheDir() { return absl::StrCat(WP_TEST_CACHE_DIR, "/postgres15-initdb-utf8-c-wp"); }

// Copies `from` to `to` (which must not exist); when we are root the copy is
// given to `postgres`, as PostgreSQL wants to own its files.
absl::Status CopyCluster(const std::string& from, const std::string& to) {
  std::error_code error;
  std::filesystem::copy(from, to, std::filesystem::copy_options::recursive, error);
  if (error) return absl::InternalError(absl::StrCat("copy ", from, " to ", to, ": ", error.message()));
  if (::geteuid() != 0) return absl::OkStatus();
  const passwd* user = ::getpwnam("postgres");
  if (user == nullptr) return absl::FailedPreconditionError("running as root and there is no user postgres");
  if (::chown(to.c_str(), user->pw_uid, user->pw_gid) != 0) return absl::InternalError("chown " + to);
  for (auto it = std::filesystem::recursive_directory_iterator(to, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (::lchown(it->path().c_str(), user->pw_uid, user->pw_gid) != 0) {
      return absl::InternalError("chown " + it->path().string());
    }
  }
  if (error) return absl::InternalError(absl::StrCat("chown under ", to, ": ", error.message()));
  return absl::OkStatus();
}

// Keeps a fresh cluster for the next servers. Best effort: written under a
// private name and renamed, so that binaries starting together never see
// half a copy (the loser of the rename just drops its own).
void SaveCluster(const std::string& data) {
  const std::string cache = ClusterCacheDir();
  const std::string mine = absl::StrCat(cache, ".tmp-", ::getpid());
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(cache).parent_path(), ignored);
  std::filesystem::remove_all(mine, ignored);
  std::filesystem::copy(data, mine, std::filesystem::copy_options::recursive, ignored);
  if (ignored || std::rename(mine.c_str(), cache.c_str()) != 0) std::filesystem::remove_all(mine, ignored);
}

absl::Status CheckName(const std::string& name) {
  if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("bad database or schema name \"", name, "\""));
}

}  // namespace

PostgresServer::PostgresServer(bool durable) : durable_(durable), port_(FreePort()) {}

PostgresServer::~PostgresServer() { Stop(); }

std::string PostgresServer::url(const std::string& db) const {
  return absl::StrCat("postgres://wp@127.0.0.1:", port_, "/", db);
}

absl::Status PostgresServer::RunTool(const std::string& program, const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (::geteuid() == 0) argv = {"runuser", "-u", "postgres", "--"};
  argv.push_back(absl::StrCat(kBinDir, "/", program));
  argv.insert(argv.end(), args.begin(), args.end());
  const std::string log = absl::StrCat(dir_, "/", program, ".log");
  ServerProcess process(argv, log);
  if (absl::Status s = process.Start(); !s.ok()) return s;
  const int status = process.WaitForExit(absl::Seconds(120));
  if (status == -1) process.Kill();
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat(absl::StrJoin(argv, " "), " failed: ", ReadFile(log)));
  }
  return absl::OkStatus();
}

absl::Status PostgresServer::Start() {
  if (running_) return absl::FailedPreconditionError("already running");
  dir_ = durable_ ? MakeTempDir("wp-postgres") : ServerTempDir();
  if (dir_.empty()) return absl::InternalError("cannot make a temporary folder");
  if (::geteuid() == 0) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) return absl::FailedPreconditionError("running as root and there is no user postgres");
    if (::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
      return absl::InternalError(absl::StrCat("chown ", dir_, " to postgres failed"));
    }
  }
  const std::string data = dir_ + "/data";
  if (std::filesystem::is_directory(ClusterCacheDir())) {
    if (absl::Status s = CopyCluster(ClusterCacheDir(), data); !s.ok()) return s;
  } else {
    // C collation compares bytes, as SQLite does; UTF-8 for any text.
    if (absl::Status s = RunTool("initdb", {"-D", data, "-A", "trust", "-U", "wp", "-E", "UTF8",
                                            "--locale=C", "--no-sync"});
        !s.ok()) {
      return s;
    }
    SaveCluster(data);  // before the server first writes to it
  }
  // fsync=off only here, in the test harness: losing a test database to a
  // machine crash costs nothing, and it keeps tests fast.
  const std::string server_options =
      absl::StrCat("-p ", port_, " -k ", dir_, " -c listen_addresses=127.0.0.1", durable_ ? "" : " -c fsync=off");
  if (absl::Status s = RunTool("pg_ctl", {"-D", data, "-l", dir_ + "/server.log", "-o", server_options,
                                          "-w", "-t", "60", "start"});
      !s.ok()) {
    return absl::Status(s.code(), absl::StrCat(s.message(), ReadFile(dir_ + "/server.log")));
  }
  running_ = true;
  return absl::OkStatus();
}

void PostgresServer::Stop() {
  if (dir_.empty()) return;
  if (running_) {
    RunTool("pg_ctl", {"-D", dir_ + "/data", "-m", "fast", "-w", "stop"}).IgnoreError();
    running_ = false;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  dir_.clear();
}

absl::Status PostgresServer::RunSql(const std::string& db, const std::string& sql) {
  PGconn* conn = PQconnectdb(url(db).c_str());
  absl::Status status;
  if (PQstatus(conn) != CONNECTION_OK) {
    status = absl::UnavailableError(absl::StrCat("cannot connect to the test PostgreSQL on port ", port_, ": ",
                                                 absl::StripTrailingAsciiWhitespace(PQerrorMessage(conn))));
  } else {
    PGresult* result = PQexec(conn, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
      status = absl::InternalError(
          absl::StrCat(sql, ": ", absl::StripTrailingAsciiWhitespace(PQresultErrorMessage(result))));
    }
    PQclear(result);
  }
  PQfinish(conn);
  return status;
}

absl::StatusOr<std::string> PostgresServer::CreateDatabase(const std::string& name) {
  if (absl::Status s = CheckName(name); !s.ok()) return s;
  if (absl::Status s = RunSql("postgres", absl::StrCat("CREATE DATABASE ", name)); !s.ok()) return s;
  return url(name);
}

absl::StatusOr<std::string> PostgresServer::CopyDatabase(const std::string& from, const std::string& name) {
  if (absl::Status s = CheckName(from); !s.ok()) return s;
  if (absl::Status s = CheckName(name); !s.ok()) return s;
  // FILE_COPY: the default (WAL_LOG) writes every page of the copy to the WAL.
  if (absl::Status s = RunSql("postgres", absl::StrCat("CREATE DATABASE ", name, " TEMPLATE ", from,
                                                       " STRATEGY FILE_COPY"));
      !s.ok()) {
    return s;
  }
  return url(name);
}

absl::StatusOr<std::string> PostgresServer::CreateSchema(const std::string& name) {
  if (absl::Status s = CheckName(name); !s.ok()) return s;
  if (!schemas_db_created_) {
    if (absl::Status s = RunSql("postgres", absl::StrCat("CREATE DATABASE ", kSchemasDb)); !s.ok()) return s;
    schemas_db_created_ = true;
  }
  if (absl::Status s = RunSql(kSchemasDb, absl::StrCat("CREATE SCHEMA ", name)); !s.ok()) return s;
  // libpq passes `options` to the server: the schema comes first on the
  // search path, so unqualified tables are made and found there.
  return absl::StrCat(url(kSchemasDb), "?options=-csearch_path%3D", name);
}

namespace {

PostgresServer* shared_server = nullptr;

void StopSharedPostgres() {
  if (shared_server != nullptr) shared_server->Stop();
}

}  // namespace

absl::StatusOr<PostgresServer*> SharedPostgres() {
  static const absl::Status* started = [] {
    shared_server = new PostgresServer();
    auto* status = new absl::Status(shared_server->Start());
    std::atexit(StopSharedPostgres);
    return status;
  }();
  if (!started->ok()) return *started;
  return shared_server;
}

}  // namespace wp::testing
