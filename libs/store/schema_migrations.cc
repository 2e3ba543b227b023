#include "libs/store/schema_migrations.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace wp::store {

absl::StatusOr<bool> IsApplied(Transaction& tx, absl::string_view component, int version) {
  absl::StatusOr<std::vector<Row>> applied =
      tx.Query("SELECT 1 FROM schema_migrations WHERE component = ? AND version = ?",
               {std::string(component), static_cast<int64_t>(version)});
  if (!applied.ok()) return applied.status();
  return !applied->empty();
}

absl::Status RecordApplied(Transaction& tx, absl::string_view component, const Migration& migration) {
  return tx
      .Execute(
          "INSERT INTO schema_migrations (component, version, description, applied_at) "
          "VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
          {std::string(component), static_cast<int64_t>(migration.version), migration.description})
      .status();
}

absl::Status CheckSchemaNotNewer(Transaction& tx, absl::string_view component,
                                 const std::vector<Migration>& known) {
  absl::StatusOr<Row> newest = tx.QueryOne(
      "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?",
      {std::string(component)});
  if (!newest.ok()) return newest.status();
  int64_t known_newest = 0;
  for (const Migration& m : known) known_newest = std::max<int64_t>(known_newest, m.version);
  if (newest->Int(0) <= known_newest) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("the database schema is at version ", newest->Int(0), " but this binary knows only up to ",
                   known_newest, "; run a newer binary (", component, " migrations)"));
}

std::string MigrationName(absl::string_view component, const Migration& migration) {
  return absl::StrCat(component, "/", migration.version, " (", migration.description, ")");
}

}  // namespace wp::store
