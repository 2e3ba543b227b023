// xAPI statements in: mapped to usage events by the configured mapping
// (usage/xapi_statement.h), stored with UsageIngest and kept as received,
// all in one transaction per call, so an acknowledged statement is both
// counted and retrievable. Voiding statements retract the usage event of
// the statement they name.
//
// Each statement is answered on its own: ACCEPTED, DUPLICATE (the same id
// with the same content: nothing changes), CONFLICT (the same id with other
// content: the first is kept) or REJECTED with the field at fault (an
// unknown verb is rejected, its reason naming the verb).
// A voiding statement whose target was never received is rejected (xAPI
// says an LRS SHOULD NOT: we do, so that nothing is voided ahead of time
// and the sender learns at once; it may send the voiding again later).
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_INTAKE_H_
#define WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_INTAKE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/statements/statement_store.h"
#include "services/westos/usage/xapi_statement.h"

namespace wp::westos {

struct StatementOutcome {
  std::string statement_id;
  Outcome outcome = Outcome::kRejected;
  std::string field;  // a JSON path of the statement
  std::string reason;
  bool unknown_verb = false;
};

struct StatementBatch {
  std::vector<StatementOutcome> results;  // one per statement, in order
  IngestTotals totals;
  int64_t unknown_verbs = 0;
  int64_t voided = 0;  // usage events retracted by voiding statements
};

class StatementIntake {
 public:
  StatementIntake(store::Database& db, UsageIngest& ingest, XapiMapping mapping)
      : db_(db), ingest_(ingest), mapping_(std::move(mapping)) {}

  // `text` is a statement or a JSON array of them. INVALID_ARGUMENT
  // ("statements: ...") when it is neither, or holds too many.
  absl::StatusOr<StatementBatch> Send(const server::Caller& caller, absl::string_view text, absl::Time now);

  // The statement with this id (a UUID, any case); NOT_FOUND when there is
  // none, INVALID_ARGUMENT when the id is not a UUID.
  absl::StatusOr<StoredXapiStatement> Get(absl::string_view statement_id);

 private:
  store::Database& db_;
  UsageIngest& ingest_;
  const XapiMapping mapping_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_STATEMENTS_STATEMENT_INTAKE_H_
