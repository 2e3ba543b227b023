// Online backup of a SQLite store, and reading what a store file holds.
//
// BackupTo copies one consistent snapshot of a live store with SQLite's
// online backup API while the service keeps serving: the copy is taken from
// a read transaction (WAL mode: writers are never blocked by it) a few pages
// at a time, checked with PRAGMA integrity_check, written to "<path>.partial"
// in the same folder, flushed to disk and only then given its name. So a file
// at `path` is always a whole, checked backup; a failed one leaves nothing.
// The copy stands alone (no -wal file): it can be opened, copied or restored
// (restore.h) as it is.
//
// Thread-safety: BackupTo may run from any thread while others use the
// Database (it holds one of its reader connections while it copies); two
// backups to the same path race (one gets ALREADY_EXISTS).
// InspectStoreFile reads a file no one is writing.
#ifndef WP_LIBS_STORE_BACKUP_H_
#define WP_LIBS_STORE_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"

namespace wp::store {

// What a store file holds, as far as backups and restores care.
struct StoreFile {
  std::string path;
  int64_t bytes = 0;
  // The highest outbox position in the file: every change up to it is there.
  int64_t last_outbox_seq = 0;
  // The identity of the store it was taken from ("" when it never had one).
  std::string store_id;
  // The service's own migrations applied to it (schema_migrations, component
  // "service"), by version.
  std::vector<Migration> service_migrations;
};

struct BackupResult {
  StoreFile file;
  absl::Duration took;
};

// Copies a consistent snapshot of `db` (the SQLite engine) to `path`: every
// change committed before the call is in it. ALREADY_EXISTS when `path` is
// taken; UNIMPLEMENTED for another engine; the folder must exist.
absl::StatusOr<BackupResult> BackupTo(Database& db, const std::string& path);

// How much of a file InspectStoreFile checks before reading it.
enum class FileCheck {
  kNone,   // only what it reads (e.g. to list backups)
  kQuick,  // PRAGMA quick_check
  kFull,   // PRAGMA integrity_check: every page and index
};

// Opens `path` read-only, checks it and reads what it holds. NOT_FOUND when
// there is no such file; FAILED_PRECONDITION when it is not a SQLite
// database, fails the check, or is not a store of this platform (no
// schema_migrations, outbox or store identity).
absl::StatusOr<StoreFile> InspectStoreFile(const std::string& path, FileCheck check);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_BACKUP_H_
