// The ingestion benchmark's baseline: the sqlite3 command-line shell
// importing the platform's CSV export (`.import`) into one table with a
// unique index on the event id, and counting distinct users with SQL. The
// shell's import runs in one transaction and skips rows the index refuses
// (a re-sent event), so it is a plain, durable, deduplicating load: what
// a service must beat to be worth its keep.
#ifndef WP_TOOLS_BENCH_SQLITE_SHELL_BASELINE_H_
#define WP_TOOLS_BENCH_SQLITE_SHELL_BASELINE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wp::bench {

struct ShellAnswer {
  std::string output;  // trimmed
  double seconds = 0;
};

class SqliteShellBaseline {
 public:
  // The database file to create (removed first if present).
  explicit SqliteShellBaseline(std::string db_path) : db_path_(std::move(db_path)) {}

  // The table `usage` with the export's columns and the unique index.
  absl::Status CreateTable();
  // Seconds the shell took to import the CSV file (its header skipped).
  absl::StatusOr<double> Import(const std::string& csv_path);
  // Runs one statement in a new shell; its output and the seconds taken.
  absl::StatusOr<ShellAnswer> Query(const std::string& sql);
  // Rows in `usage`.
  absl::StatusOr<int64_t> Rows();
  const std::string& db_path() const { return db_path_; }

 private:
  absl::StatusOr<ShellAnswer> Run(const std::string& args, bool capture);

  std::string db_path_;
};

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_SQLITE_SHELL_BASELINE_H_
