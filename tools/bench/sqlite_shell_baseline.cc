#include "tools/bench/sqlite_shell_baseline.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace wp::bench {
namespace {

// Our paths and statements hold no single quote; refuse any that would.
absl::StatusOr<std::string> ShellQuoted(const std::string& text) {
  if (text.find('\'') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat("no single quotes, please: ", text));
  }
  return absl::StrCat("'", text, "'");
}

// SQL with its own single-quoted literals goes in double quotes: refuse
// what the shell would expand there.
absl::StatusOr<std::string> ShellDoubleQuoted(const std::string& text) {
  if (text.find_first_of("\"$`\\") != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat("no \", $, ` or \\, please: ", text));
  }
  return absl::StrCat("\"", text, "\"");
}

}  // namespace

absl::StatusOr<ShellAnswer> SqliteShellBaseline::Run(const std::string& args, bool capture) {
  absl::StatusOr<std::string> db = ShellQuoted(db_path_);
  if (!db.ok()) return db.status();
  // Rows the unique index refuses are reported one line each on stderr: dropped.
  const std::string command = absl::StrCat("sqlite3 -batch ", *db, " ", args, " 2>/dev/null");
  const absl::Time start = absl::Now();
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError(absl::StrCat("cannot run: ", command));
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    if (capture) output.append(buffer, n);
  }
  const int rc = ::pclose(pipe);
  ShellAnswer answer{std::string(absl::StripAsciiWhitespace(output)), absl::ToDoubleSeconds(absl::Now() - start)};
  // The shell's exit status is 1 when any row was refused: expected on a
  // re-send, so only a failure to run at all (127) is an error.
  if (rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127)) {
    return absl::FailedPreconditionError("the sqlite3 shell is not installed (Debian package sqlite3)");
  }
  return answer;
}

absl::Status SqliteShellBaseline::CreateTable() {
  std::remove(db_path_.c_str());
  absl::StatusOr<ShellAnswer> done = Run(
      "'CREATE TABLE usage (event_id TEXT NOT NULL, occurred_at TEXT NOT NULL, user_id TEXT NOT NULL, "
      "role TEXT, authority TEXT, establishment TEXT, sector TEXT, simd INTEGER, content_id TEXT, "
      "action TEXT, seconds INTEGER, rating INTEGER); "
      "CREATE UNIQUE INDEX usage_event_id ON usage (event_id);'",
      false);
  return done.status();
}

absl::StatusOr<double> SqliteShellBaseline::Import(const std::string& csv_path) {
  absl::StatusOr<std::string> csv = ShellQuoted(csv_path);
  if (!csv.ok()) return csv.status();
  absl::StatusOr<ShellAnswer> done = Run(absl::StrCat("\".import --csv --skip 1 ", *csv, " usage\""), false);
  if (!done.ok()) return done.status();
  return done->seconds;
}

absl::StatusOr<ShellAnswer> SqliteShellBaseline::Query(const std::string& sql) {
  absl::StatusOr<std::string> quoted = ShellDoubleQuoted(sql);
  if (!quoted.ok()) return quoted.status();
  return Run(*quoted, true);
}

absl::StatusOr<int64_t> SqliteShellBaseline::Rows() {
  absl::StatusOr<ShellAnswer> answer = Query("SELECT COUNT(*) FROM usage;");
  if (!answer.ok()) return answer.status();
  int64_t rows = 0;
  if (!absl::SimpleAtoi(answer->output, &rows)) {
    return absl::InternalError(absl::StrCat("the sqlite3 shell answered \"", answer->output, "\""));
  }
  return rows;
}

}  // namespace wp::bench
