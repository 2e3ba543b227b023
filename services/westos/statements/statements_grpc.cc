#include "services/westos/statements/statements_grpc.h"

#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "libs/authz/serve.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

grpc::Status StatementGrpc::SendStatements(grpc::ServerContext* ctx, const v1::SendStatementsRequest* req,
                                           v1::SendStatementsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::SendStatementsResponse> {
                        WP_ASSIGN_OR_RETURN(StatementBatch batch,
                                            intake_.Send(caller, req->statements(), absl::Now()));
                        metrics_.RecordBatch(IngestPath::kXapi, batch.totals);  // committed
                        metrics_.RecordRetractions(IngestPath::kXapi, batch.voided);
                        v1::SendStatementsResponse out;
                        for (size_t i = 0; i < batch.results.size(); ++i) {
                          const StatementOutcome& r = batch.results[i];
                          v1::StatementResult* result = out.add_results();
                          result->set_index(static_cast<int32_t>(i));
                          result->set_statement_id(r.statement_id);
                          result->set_outcome(static_cast<v1::Outcome>(r.outcome));
                          result->set_field(r.field);
                          result->set_reason(r.reason);
                        }
                        v1::IngestTotals* totals = out.mutable_totals();
                        totals->set_accepted(batch.totals.accepted);
                        totals->set_duplicates(batch.totals.duplicates);
                        totals->set_conflicts(batch.totals.conflicts);
                        totals->set_rejected(batch.totals.rejected);
                        out.set_unknown_verbs(batch.unknown_verbs);
                        out.set_voided(batch.voided);
                        return out;
                      });
}

grpc::Status StatementGrpc::GetStatement(grpc::ServerContext* ctx, const v1::GetStatementRequest* req,
                                         v1::StoredStatement* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) -> absl::StatusOr<v1::StoredStatement> {
    WP_ASSIGN_OR_RETURN(StoredXapiStatement stored, intake_.Get(req->statement_id()));
    v1::StoredStatement out;
    out.set_statement_id(stored.statement_id);
    out.set_statement(stored.json);
    out.set_voided(!stored.voided_by.empty());
    out.set_voided_by(stored.voided_by);
    out.set_voids(stored.voids);
    *out.mutable_stored() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(stored.stored_us);
    return out;
  });
}

}  // namespace wp::westos
