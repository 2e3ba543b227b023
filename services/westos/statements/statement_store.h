// The SQL of stored xAPI statements (table xapi_statements, migration 3):
// each kept exactly as received, by its lower-case id. Free functions on the
// caller's transaction.
#ifndef WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_STORE_H_
#define WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::westos {

struct StoredXapiStatement {
  std::string statement_id;
  std::string voids;      // set on a voiding statement: the id it voids
  std::string voided_by;  // set on a voided statement: its voider's id
  int64_t stored_us = 0;
  std::string json;       // exactly as received
};

absl::StatusOr<std::optional<StoredXapiStatement>> FindStatement(store::Transaction& tx,
                                                                 const std::string& statement_id);

// Of `ids`, those stored as voiding statements.
absl::StatusOr<std::vector<std::string>> FindVoidingStatements(store::Transaction& tx,
                                                               const std::vector<std::string>& ids);

absl::Status InsertStatement(store::Transaction& tx, const StoredXapiStatement& statement);

// Records that `voider` voids `statement_id`; false when it was voided already.
absl::StatusOr<bool> MarkStatementVoided(store::Transaction& tx, const std::string& statement_id,
                                         const std::string& voider);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_STORE_H_
