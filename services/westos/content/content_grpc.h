// The gRPC layer of the content catalogue and coverage targets: admits the
// caller, calls the domain classes, converts the status. No rules here.
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_GRPC_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/westos/content/content_import.h"
#include "services/westos/content/content_items.h"
#include "services/westos/content/coverage_targets.h"
#include "wp/westos/v1/content.grpc.pb.h"

namespace wp::westos {

class ContentGrpc final : public v1::ContentService::Service {
 public:
  ContentGrpc(ContentItems& items, ContentImport& import, CoverageTargets& targets, const authz::CallGuard& guard)
      : items_(items), import_(import), targets_(targets), guard_(guard) {}

  grpc::Status CreateContentItem(grpc::ServerContext* ctx, const v1::CreateContentItemRequest* req,
                                 v1::ContentItem* resp) override;
  grpc::Status GetContentItem(grpc::ServerContext* ctx, const v1::GetContentItemRequest* req,
                              v1::ContentItem* resp) override;
  grpc::Status UpdateContentItem(grpc::ServerContext* ctx, const v1::UpdateContentItemRequest* req,
                                 v1::ContentItem* resp) override;
  grpc::Status ListContentItems(grpc::ServerContext* ctx, const v1::ListContentItemsRequest* req,
                                v1::ListContentItemsResponse* resp) override;
  grpc::Status ImportContentItems(grpc::ServerContext* ctx, const v1::ImportContentItemsRequest* req,
                                  v1::ImportContentItemsResponse* resp) override;
  grpc::Status CreateCoverageTarget(grpc::ServerContext* ctx, const v1::CreateCoverageTargetRequest* req,
                                    v1::CoverageTarget* resp) override;
  grpc::Status ListCoverageTargets(grpc::ServerContext* ctx, const v1::ListCoverageTargetsRequest* req,
                                   v1::ListCoverageTargetsResponse* resp) override;
  grpc::Status DeleteCoverageTarget(grpc::ServerContext* ctx, const v1::DeleteCoverageTargetRequest* req,
                                    google::protobuf::Empty* resp) override;
  grpc::Status GetCoverageReport(grpc::ServerContext* ctx, const v1::GetCoverageReportRequest* req,
                                 v1::CoverageReport* resp) override;

 private:
  ContentItems& items_;
  ContentImport& import_;
  CoverageTargets& targets_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_GRPC_H_
