// A SQLite file opened on its own, outside any Database: the destination of
// a backup, a backup file being checked, a store being restored. Text rows
// only; enough for PRAGMAs and small look-ups.
//
// Not thread-safe: one owner at a time.
#ifndef WP_LIBS_STORE_SQLITE_FILE_H_
#define WP_LIBS_STORE_SQLITE_FILE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct sqlite3;

namespace wp::store {

class SqliteFile {
 public:
  enum class Mode { kReadOnly, kReadWrite, kCreate };
  // Opens `path`; UNAVAILABLE when it cannot. SQLite reads lazily, so a file
  // that is not a database fails at the first statement (FAILED_PRECONDITION).
  static absl::StatusOr<std::unique_ptr<SqliteFile>> Open(const std::string& path, Mode mode);
  ~SqliteFile();  // closes
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  // Runs `sql` (one or more statements) and returns every row, each column
  // as text ("" for NULL).
  absl::StatusOr<std::vector<std::vector<std::string>>> Rows(absl::string_view sql);
  // The same, rows ignored.
  absl::Status Exec(absl::string_view sql);

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteFile(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// The status a failed call on `db` stands for, naming `what`:
// FAILED_PRECONDITION for a file that is not a database or is corrupt,
// UNAVAILABLE for busy or locked, INTERNAL otherwise.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_SQLITE_FILE_H_
