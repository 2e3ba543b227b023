// Restoring a stopped service's store from a backup file (backup.h).
//
// RestoreStore checks the file first and changes nothing when it is not fit:
// it must be a sound SQLite database (integrity_check) holding a store of
// this service (its applied service migrations are this service's, by
// version and description; a file with a migration this build does not know
// is refused too). Then the database in place, if any, is moved aside with
// its -wal and -shm files as "<db>.before-restore-<UTC time>" (+ "-wal",
// "-shm", so SQLite still pairs them), and a copy of the backup takes its
// place (copied, flushed, then renamed in). The copy's store identity is
// cleared, so the store gets a new one when it is opened: cache keys carry
// the identity, and a restored store must never read values cached for the
// old one (its outbox positions, and so its data generations, go back).
//
// A marker "<db>.restored-from" records which backup was restored; given the
// same backup again while that database is still in place, RestoreStore
// changes nothing (a --restore_from left on a restart must not undo the
// writes made since).
//
// Not thread-safe, and the service must be stopped: the database must not be
// open anywhere while it runs.
#ifndef WP_LIBS_STORE_RESTORE_H_
#define WP_LIBS_STORE_RESTORE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/store/backup.h"
#include "libs/store/database.h"

namespace wp::store {

struct RestoreResult {
  // What was restored (or, when `already_restored`, what was asked for).
  StoreFile backup;
  // Where the database that was in place went; "" when there was none.
  std::string moved_aside;
  // True when this backup had been restored already and nothing was done.
  bool already_restored = false;
};

// Restores `backup_path` to `database_path` for the service named `service`
// whose own migrations are `migrations`; `now` names the moved-aside files.
// NOT_FOUND for a missing backup; FAILED_PRECONDITION naming the reason for a
// file that is not a sound store of this service.
absl::StatusOr<RestoreResult> RestoreStore(const std::string& backup_path,
                                           const std::string& database_path,
                                           absl::string_view service,
                                           const std::vector<Migration>& migrations, absl::Time now);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_RESTORE_H_
