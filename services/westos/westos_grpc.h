// The gRPC layer of the westos service: admits the caller, converts and
// calls the domain classes, converts the status. No rules here.
#ifndef WP_SERVICES_WESTOS_WESTOS_GRPC_H_
#define WP_SERVICES_WESTOS_WESTOS_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/westos/ingest/ingest_metrics.h"
#include "services/westos/ingest/usage_csv_import.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/rollups/cached_usage_queries.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::westos {

class UsageGrpc final : public v1::UsageService::Service {
 public:
  UsageGrpc(UsageIngest& ingest, UsageCsvImport& csv_import, CachedUsageQueries& queries,
            const authz::CallGuard& guard, IngestMetrics& metrics)
      : ingest_(ingest), csv_import_(csv_import), queries_(queries), guard_(guard), metrics_(metrics) {}

  grpc::Status IngestUsage(
      grpc::ServerContext* ctx,
      grpc::ServerReaderWriter<v1::IngestUsageResponse, v1::IngestUsageRequest>* stream) override;
  grpc::Status ImportUsageCsv(
      grpc::ServerContext* ctx,
      grpc::ServerReaderWriter<v1::ImportUsageCsvProgress, v1::ImportUsageCsvRequest>* stream) override;
  grpc::Status RetractUsageEvents(grpc::ServerContext* ctx, const v1::RetractUsageEventsRequest* req,
                                  v1::RetractUsageEventsResponse* resp) override;
  grpc::Status QueryUsage(grpc::ServerContext* ctx, const v1::QueryUsageRequest* req,
                          v1::UsageReport* resp) override;

 private:
  UsageIngest& ingest_;
  UsageCsvImport& csv_import_;
  CachedUsageQueries& queries_;
  const authz::CallGuard& guard_;
  IngestMetrics& metrics_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_WESTOS_GRPC_H_
