#include "libs/store/restore.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/status/status_macros.h"
#include "libs/store/sqlite_file.h"

namespace wp::store {
namespace {

namespace fs = std::filesystem;

// SQLite pairs a database file X with X-wal and X-shm.
constexpr const char* kCompanions[] = {"", "-wal", "-shm"};

absl::Status FsError(absl::string_view what, const std::error_code& error) {
  return absl::InternalError(absl::StrCat(what, ": ", error.message()));
}

absl::Status Fsync(const std::string& path, bool folder) {
  const int fd = ::open(path.c_str(), folder ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return absl::InternalError(absl::StrCat("cannot fsync ", path, ": ", std::strerror(errno)));
  return absl::OkStatus();
}

// Refuses a store whose service migrations are not (a prefix of) ours.
absl::Status CheckSameService(const StoreFile& file, absl::string_view service,
                              const std::vector<Migration>& ours) {
  if (file.service_migrations.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(file.path, " holds none of the ", service, " service's migrations"));
  }
  for (const Migration& theirs : file.service_migrations) {
    const Migration* mine = nullptr;
    for (const Migration& m : ours) {
      if (m.version == theirs.version) mine = &m;
    }
    if (mine == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat(
          file.path, " has migration ", theirs.version, " (\"", theirs.description, "\") that the ",
          service, " service does not know: another service's store, or one from a newer build"));
    }
    if (mine->description != theirs.description) {
      return absl::FailedPreconditionError(absl::StrCat(
          file.path, " is not a ", service, " store: its migration ", theirs.version, " is \"",
          theirs.description, "\", the ", service, " service's is \"", mine->description, "\""));
    }
  }
  return absl::OkStatus();
}

// Names one backup's contents for the marker.
std::string Fingerprint(const StoreFile& file) {
  std::error_code error;
  const fs::path absolute = fs::absolute(file.path, error);
  return absl::StrCat(error ? file.path : absolute.string(), "\n", file.store_id, "\n",
                      file.last_outbox_seq, "\n", file.bytes, "\n");
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

absl::StatusOr<RestoreResult> RestoreStore(const std::string& backup_path,
                                           const std::string& database_path,
                                           absl::string_view service,
                                           const std::vector<Migration>& migrations, absl::Time now) {
  RestoreResult result;
  WP_ASSIGN_OR_RETURN(result.backup, InspectStoreFile(backup_path, FileCheck::kFull));
  WP_RETURN_IF_ERROR(CheckSameService(result.backup, service, migrations));

  std::error_code error;
  const std::string marker = database_path + ".restored-from";
  const std::string fingerprint = Fingerprint(result.backup);
  if (fs::exists(database_path, error) && ReadText(marker) == fingerprint) {
    result.already_restored = true;
    return result;
  }

  // The copy is made whole beside the database before anything is moved.
  const std::string incoming = database_path + ".restoring";
  for (const char* suffix : {"", "-journal"}) fs::remove(incoming + suffix, error);
  if (!fs::copy_file(backup_path, incoming, fs::copy_options::overwrite_existing, error)) {
    return FsError(absl::StrCat("cannot copy ", backup_path, " to ", incoming), error);
  }
  {
    WP_ASSIGN_OR_RETURN(std::unique_ptr<SqliteFile> copy,
                        SqliteFile::Open(incoming, SqliteFile::Mode::kReadWrite));
    // A new identity on open: nothing cached for the old store is read again.
    WP_RETURN_IF_ERROR(copy->Exec("DELETE FROM store_identity"));
  }
  WP_RETURN_IF_ERROR(Fsync(incoming, false));

  if (fs::exists(database_path, error)) {
    result.moved_aside = absl::StrCat(database_path, ".before-restore-",
                                      absl::FormatTime("%Y%m%dT%H%M%SZ", now, absl::UTCTimeZone()));
    for (const char* suffix : kCompanions) {
      const std::string from = database_path + suffix;
      if (!fs::exists(from, error)) continue;
      fs::rename(from, result.moved_aside + suffix, error);
      if (error) return FsError(absl::StrCat("cannot move ", from, " aside"), error);
    }
  }
  fs::rename(incoming, database_path, error);
  if (error) return FsError(absl::StrCat("cannot move ", incoming, " into place"), error);
  {
    std::ofstream out(marker, std::ios::binary | std::ios::trunc);
    out << fingerprint;
    if (!out.flush()) return absl::InternalError(absl::StrCat("cannot write ", marker));
  }
  std::string folder = fs::path(database_path).parent_path().string();
  WP_RETURN_IF_ERROR(Fsync(folder.empty() ? "." : folder, true));
  return result;
}

}  // namespace wp::store
