// The table recording which migrations a database has applied, shared by
// both engines so that one schema history reads the same on either.
//
// Thread-compatible: use inside one transaction.
#ifndef WP_LIBS_STORE_SCHEMA_MIGRATIONS_H_
#define WP_LIBS_STORE_SCHEMA_MIGRATIONS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/store/database.h"

namespace wp::store {

// SQLite DDL (the PostgreSQL engine rewrites it like any migration).
inline constexpr absl::string_view kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version INTEGER NOT "
    "NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))";

absl::StatusOr<bool> IsApplied(Transaction& tx, absl::string_view component, int version);
absl::Status RecordApplied(Transaction& tx, absl::string_view component, const Migration& migration);

// FAILED_PRECONDITION when the database has a migration of `component`
// newer than any in `known`: a newer binary changed the schema and this
// older one might misread it, so it must not start.
absl::Status CheckSchemaNotNewer(Transaction& tx, absl::string_view component,
                                 const std::vector<Migration>& known);

// The migration's name for error messages: "component/version (description)".
std::string MigrationName(absl::string_view component, const Migration& migration);

}  // namespace wp::store

#endif  // WP_LIBS_STORE_SCHEMA_MIGRATIONS_H_
