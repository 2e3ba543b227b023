#include "services/westos/content/content_grpc.h"

#include "absl/time/clock.h"
#include "libs/authz/serve.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

grpc::Status ContentGrpc::CreateContentItem(grpc::ServerContext* ctx, const v1::CreateContentItemRequest* req,
                                            v1::ContentItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return items_.Create(caller, *req, absl::Now()); });
}

grpc::Status ContentGrpc::GetContentItem(grpc::ServerContext* ctx, const v1::GetContentItemRequest* req,
                                         v1::ContentItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return items_.Get(*req); });
}

grpc::Status ContentGrpc::UpdateContentItem(grpc::ServerContext* ctx, const v1::UpdateContentItemRequest* req,
                                            v1::ContentItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return items_.Update(caller, *req, absl::Now()); });
}

grpc::Status ContentGrpc::ListContentItems(grpc::ServerContext* ctx, const v1::ListContentItemsRequest* req,
                                           v1::ListContentItemsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return items_.List(*req); });
}

grpc::Status ContentGrpc::ImportContentItems(grpc::ServerContext* ctx, const v1::ImportContentItemsRequest* req,
                                             v1::ImportContentItemsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return import_.Import(caller, *req, absl::Now()); });
}

grpc::Status ContentGrpc::CreateCoverageTarget(grpc::ServerContext* ctx, const v1::CreateCoverageTargetRequest* req,
                                               v1::CoverageTarget* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return targets_.Create(caller, *req, absl::Now()); });
}

grpc::Status ContentGrpc::ListCoverageTargets(grpc::ServerContext* ctx, const v1::ListCoverageTargetsRequest* req,
                                              v1::ListCoverageTargetsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return targets_.List(*req); });
}

grpc::Status ContentGrpc::DeleteCoverageTarget(grpc::ServerContext* ctx, const v1::DeleteCoverageTargetRequest* req,
                                               google::protobuf::Empty* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<google::protobuf::Empty> {
                        WP_RETURN_IF_ERROR(targets_.Delete(caller, *req));
                        return google::protobuf::Empty();
                      });
}

grpc::Status ContentGrpc::GetCoverageReport(grpc::ServerContext* ctx, const v1::GetCoverageReportRequest* req,
                                            v1::CoverageReport* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller&) { return targets_.Report(*req, absl::Now()); });
}

}  // namespace wp::westos
