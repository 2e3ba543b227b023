#include "services/workstreams/projects/projects_grpc.h"

#include "libs/authz/serve.h"
#include "libs/server/request_context.h"

namespace wp::workstreams {

grpc::Status ProjectsGrpc::GetProject(grpc::ServerContext* ctx, const v1::GetProjectRequest* req,
                                      v1::Project* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return projects_.Get(*req); });
}

grpc::Status ProjectsGrpc::ListProjects(grpc::ServerContext* ctx, const v1::ListProjectsRequest* req,
                                        v1::ListProjectsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return projects_.List(*req); });
}

grpc::Status ProjectsGrpc::UpdateProject(grpc::ServerContext* ctx, const v1::UpdateProjectRequest* req,
                                         v1::Project* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return projects_.Update(caller, *req); });
}

grpc::Status ProjectsGrpc::ImportProjectPlan(grpc::ServerContext* ctx, const v1::ImportProjectPlanRequest* req,
                                             v1::ImportProjectPlanResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp,
                      [&](const server::Caller& caller) { return plans_.Import(caller, *req); });
}

grpc::Status ProjectsGrpc::ExportProjectPlan(grpc::ServerContext* ctx, const v1::ExportProjectPlanRequest* req,
                                             v1::ExportProjectPlanResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return plans_.Export(*req); });
}

}  // namespace wp::workstreams
