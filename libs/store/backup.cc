#include "libs/store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/status/status_macros.h"
#include "libs/store/sqlite_database.h"
#include "libs/store/sqlite_file.h"

namespace wp::store {
namespace {

namespace fs = std::filesystem;

// Pages copied per step (4 KiB each): small steps keep each one short.
constexpr int kPagesPerStep = 256;
// A step that finds the destination busy is tried again this often.
constexpr int kBusyRetries = 500;

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// Makes what was written to `path` durable (a file, or a folder's entries).
absl::Status Fsync(const std::string& path, bool folder) {
  const int fd = ::open(path.c_str(), folder ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return ErrnoError("cannot open", path);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return ErrnoError("cannot fsync", path);
  return absl::OkStatus();
}

std::string FolderOf(const std::string& path) {
  const std::string folder = fs::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

void RemoveWithCompanions(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

// Gives `temp` the name `path` unless that is taken. link() never replaces,
// so a backup's name is never reused; where the file system has no hard
// links, a rename after a look.
absl::Status NameWithoutReplacing(const std::string& temp, const std::string& path) {
  if (::link(temp.c_str(), path.c_str()) == 0) return absl::OkStatus();
  if (errno == EEXIST) return absl::AlreadyExistsError(absl::StrCat(path, " exists"));
  if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP) {
    return ErrnoError("cannot name the backup", path);
  }
  std::error_code error;
  if (fs::exists(path, error)) return absl::AlreadyExistsError(absl::StrCat(path, " exists"));
  if (::rename(temp.c_str(), path.c_str()) != 0) return ErrnoError("cannot name the backup", path);
  return absl::OkStatus();
}

// Copies the snapshot `source` is reading (its open read transaction) into a
// new file at `temp`, a few pages per step.
absl::Status CopyPages(sqlite3* source, const std::string& temp) {
  WP_ASSIGN_OR_RETURN(std::unique_ptr<SqliteFile> dest, SqliteFile::Open(temp, SqliteFile::Mode::kCreate));
  sqlite3_backup* backup = sqlite3_backup_init(dest->handle(), "main", source, "main");
  if (backup == nullptr) {
    return SqliteError(dest->handle(), sqlite3_errcode(dest->handle()), "cannot start the backup");
  }
  int rc = SQLITE_OK;
  int busy = 0;
  while (true) {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) {
      std::this_thread::yield();
      continue;
    }
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy < kBusyRetries) {
      sqlite3_sleep(10);
      continue;
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return SqliteError(dest->handle(), rc, "backup step");
  // The pages carry the source's WAL flag; back to a rollback journal, so the
  // copy is one self-contained file.
  return dest->Exec("PRAGMA journal_mode=DELETE");
}

}  // namespace

absl::StatusOr<BackupResult> BackupTo(Database& db, const std::string& path) {
  const absl::Time start = absl::Now();
  std::error_code error;
  if (fs::exists(path, error)) return absl::AlreadyExistsError(absl::StrCat(path, " exists"));
  const std::string temp = absl::StrCat(path, ".partial");
  RemoveWithCompanions(temp);

  absl::Status copied = db.Read([&](Transaction& tx) -> absl::Status {
    sqlite3* source = SqliteHandleOf(tx);
    if (source == nullptr) {
      return absl::FailedPreconditionError(
          "this service's store is PostgreSQL: back it up with the database's own tools (pg_dump, or "
          "base backups with WAL archiving); see docs/operations.md");
    }
    // The first read fixes the snapshot; the copy is taken from it whatever
    // is committed meanwhile (in WAL mode writers go on undisturbed).
    WP_RETURN_IF_ERROR(tx.Query("SELECT COUNT(*) FROM sqlite_master").status());
    return CopyPages(source, temp);
  });
  absl::StatusOr<StoreFile> file =
      copied.ok() ? InspectStoreFile(temp, FileCheck::kFull) : absl::StatusOr<StoreFile>(copied);
  if (file.ok()) {
    absl::Status durable = Fsync(temp, false);
    if (durable.ok()) durable = NameWithoutReplacing(temp, path);
    if (durable.ok()) durable = Fsync(FolderOf(path), true);
    if (!durable.ok()) file = durable;
  }
  RemoveWithCompanions(temp);
  if (!file.ok()) return file.status();
  file->path = path;
  return BackupResult{*std::move(file), absl::Now() - start};
}

absl::StatusOr<StoreFile> InspectStoreFile(const std::string& path, FileCheck check) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return absl::NotFoundError(absl::StrCat("no file ", path));
  StoreFile file;
  file.path = path;
  file.bytes = static_cast<int64_t>(fs::file_size(path, error));
  WP_ASSIGN_OR_RETURN(std::unique_ptr<SqliteFile> db, SqliteFile::Open(path, SqliteFile::Mode::kReadOnly));

  // Reading the schema tells a SQLite database from any other file.
  const char* pragma = check == FileCheck::kFull    ? "PRAGMA integrity_check"
                       : check == FileCheck::kQuick ? "PRAGMA quick_check"
                                                    : "SELECT 'ok' FROM sqlite_master LIMIT 1";
  auto checked = db->Rows(pragma);
  if (!checked.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, " is not a SQLite database (", checked.status().message(), ")"));
  }
  if (check != FileCheck::kNone &&
      (checked->empty() || checked->front().empty() || checked->front()[0] != "ok")) {
    std::vector<std::string> problems;
    for (const auto& row : *checked) {
      if (problems.size() < 3 && !row.empty()) problems.push_back(row[0]);
    }
    return absl::FailedPreconditionError(
        absl::StrCat(path, " fails the integrity check: ", absl::StrJoin(problems, "; ")));
  }

  auto not_a_store = [&](const absl::Status& status) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, " is not a service's store (", status.message(), ")"));
  };
  auto migrations = db->Rows(
      "SELECT version, description FROM schema_migrations WHERE component = 'service' ORDER BY version");
  if (!migrations.ok()) return not_a_store(migrations.status());
  for (const auto& row : *migrations) {
    Migration m;
    if (!absl::SimpleAtoi(row[0], &m.version)) return not_a_store(absl::DataLossError("bad version"));
    m.description = row[1];
    file.service_migrations.push_back(std::move(m));
  }
  auto seq = db->Rows("SELECT COALESCE(MAX(seq), 0) FROM outbox");
  if (!seq.ok()) return not_a_store(seq.status());
  if (!absl::SimpleAtoi((*seq)[0][0], &file.last_outbox_seq)) {
    return not_a_store(absl::DataLossError("bad outbox position"));
  }
  auto id = db->Rows("SELECT id FROM store_identity");
  if (!id.ok()) return not_a_store(id.status());
  if (!id->empty()) file.store_id = (*id)[0][0];
  return file;
}

}  // namespace wp::store
