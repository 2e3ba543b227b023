#include "services/westos/targets_grpc.h"

#include "libs/authz/serve.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

grpc::Status UsageTargetGrpc::GetReach(grpc::ServerContext* ctx, const v1::GetReachRequest* req,
                                       v1::ReachReport* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return reach_.GetReach(caller, *req); });
}

grpc::Status UsageTargetGrpc::CreateBaseline(grpc::ServerContext* ctx, const v1::CreateBaselineRequest* req,
                                             v1::Baseline* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return baselines_.Create(caller, *req); });
}

grpc::Status UsageTargetGrpc::GetBaseline(grpc::ServerContext* ctx, const v1::GetBaselineRequest* req,
                                          v1::Baseline* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return baselines_.Get(req->name()); });
}

grpc::Status UsageTargetGrpc::ListBaselines(grpc::ServerContext* ctx, const v1::ListBaselinesRequest* req,
                                            v1::ListBaselinesResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return baselines_.List(); });
}

grpc::Status UsageTargetGrpc::DeleteBaseline(grpc::ServerContext* ctx, const v1::DeleteBaselineRequest* req,
                                             v1::DeleteBaselineResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::DeleteBaselineResponse> {
                        WP_RETURN_IF_ERROR(baselines_.Delete(caller, req->name()));
                        return v1::DeleteBaselineResponse();
                      });
}

grpc::Status UsageTargetGrpc::CreateTarget(grpc::ServerContext* ctx, const v1::CreateTargetRequest* req,
                                           v1::Target* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return targets_.Create(caller, *req); });
}

grpc::Status UsageTargetGrpc::GetTarget(grpc::ServerContext* ctx, const v1::GetTargetRequest* req,
                                        v1::Target* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return targets_.Get(caller, req->name()); });
}

grpc::Status UsageTargetGrpc::ListTargets(grpc::ServerContext* ctx, const v1::ListTargetsRequest* req,
                                          v1::ListTargetsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return targets_.List(caller); });
}

grpc::Status UsageTargetGrpc::DeleteTarget(grpc::ServerContext* ctx, const v1::DeleteTargetRequest* req,
                                           v1::DeleteTargetResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) -> absl::StatusOr<v1::DeleteTargetResponse> {
                        WP_RETURN_IF_ERROR(targets_.Delete(caller, req->name()));
                        return v1::DeleteTargetResponse();
                      });
}

grpc::Status UsageTargetGrpc::EvaluateTargets(grpc::ServerContext* ctx, const v1::EvaluateTargetsRequest* req,
                                              v1::EvaluateTargetsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return evaluator_.EvaluateAll(caller, *req); });
}

grpc::Status UsageTargetGrpc::GetTargetStatus(grpc::ServerContext* ctx, const v1::GetTargetStatusRequest* req,
                                              v1::TargetStatus* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return evaluator_.Status(caller, *req); });
}

}  // namespace wp::westos
