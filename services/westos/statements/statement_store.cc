#include "services/westos/statements/statement_store.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

absl::StatusOr<std::optional<StoredXapiStatement>> FindStatement(store::Transaction& tx,
                                                                 const std::string& statement_id) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT statement_id, voids, voided_by, stored_us, statement FROM xapi_statements "
                               "WHERE statement_id = ?",
                               {statement_id}));
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows.front();
  return StoredXapiStatement{row.Text(0), row.Text(1), row.Text(2), row.Int(3), row.Text(4)};
}

absl::StatusOr<std::vector<std::string>> FindVoidingStatements(store::Transaction& tx,
                                                               const std::vector<std::string>& ids) {
  constexpr size_t kChunk = 64;  // a few prepared statements of fixed width
  std::vector<std::string> found;
  for (size_t start = 0; start < ids.size(); start += kChunk) {
    const size_t n = std::min(kChunk, ids.size() - start);
    std::vector<store::Value> params(ids.begin() + start, ids.begin() + start + n);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                        tx.Query(absl::StrCat("SELECT statement_id FROM xapi_statements WHERE voids <> '' AND "
                                              "statement_id IN (",
                                              absl::StrJoin(std::vector<std::string>(n, "?"), ", "), ")"),
                                 params));
    for (const store::Row& row : rows) found.push_back(row.Text(0));
  }
  return found;
}

absl::Status InsertStatement(store::Transaction& tx, const StoredXapiStatement& s) {
  return tx
      .Execute("INSERT INTO xapi_statements (statement_id, voids, voided_by, stored_us, statement) "
               "VALUES (?, ?, ?, ?, ?)",
               {s.statement_id, s.voids, s.voided_by, s.stored_us, s.json})
      .status();
}

absl::StatusOr<bool> MarkStatementVoided(store::Transaction& tx, const std::string& statement_id,
                                         const std::string& voider) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE xapi_statements SET voided_by = ? WHERE statement_id = ? AND voided_by = ''",
                                 {voider, statement_id}));
  return changed > 0;
}

}  // namespace wp::westos
