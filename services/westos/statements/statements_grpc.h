// The gRPC layer of xAPI statements (wp.westos.v1.StatementService): admits
// the caller, converts and calls StatementIntake, converts the status.
#ifndef WP_SERVICES_WESTOS_STATEMENTS_STATEMENTS_GRPC_H_
#define WP_SERVICES_WESTOS_STATEMENTS_STATEMENTS_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/westos/ingest/ingest_metrics.h"
#include "services/westos/statements/statement_intake.h"
#include "wp/westos/v1/statements.grpc.pb.h"

namespace wp::westos {

class StatementGrpc final : public v1::StatementService::Service {
 public:
  StatementGrpc(StatementIntake& intake, const authz::CallGuard& guard, IngestMetrics& metrics)
      : intake_(intake), guard_(guard), metrics_(metrics) {}

  grpc::Status SendStatements(grpc::ServerContext* ctx, const v1::SendStatementsRequest* req,
                              v1::SendStatementsResponse* resp) override;
  grpc::Status GetStatement(grpc::ServerContext* ctx, const v1::GetStatementRequest* req,
                            v1::StoredStatement* resp) override;

 private:
  StatementIntake& intake_;
  const authz::CallGuard& guard_;
  IngestMetrics& metrics_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_STATEMENTS_STATEMENTS_GRPC_H_
