// The gRPC face of project action plans: admits the caller (libs/authz),
// calls the plain domain classes and converts their absl::Status.
//
// Thread-safe: the domain classes are.
#ifndef WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_GRPC_H_
#define WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/workstreams/projects/project_plan_import.h"
#include "services/workstreams/projects/projects.h"
#include "wp/workstreams/v1/projects.grpc.pb.h"

namespace wp::workstreams {

class ProjectsGrpc final : public v1::ProjectsService::Service {
 public:
  ProjectsGrpc(Projects& projects, ProjectPlans& plans, const authz::CallGuard& guard)
      : projects_(projects), plans_(plans), guard_(guard) {}

  grpc::Status GetProject(grpc::ServerContext* ctx, const v1::GetProjectRequest* req, v1::Project* resp) override;
  grpc::Status ListProjects(grpc::ServerContext* ctx, const v1::ListProjectsRequest* req,
                            v1::ListProjectsResponse* resp) override;
  grpc::Status UpdateProject(grpc::ServerContext* ctx, const v1::UpdateProjectRequest* req,
                             v1::Project* resp) override;
  grpc::Status ImportProjectPlan(grpc::ServerContext* ctx, const v1::ImportProjectPlanRequest* req,
                                 v1::ImportProjectPlanResponse* resp) override;
  grpc::Status ExportProjectPlan(grpc::ServerContext* ctx, const v1::ExportProjectPlanRequest* req,
                                 v1::ExportProjectPlanResponse* resp) override;

 private:
  Projects& projects_;
  ProjectPlans& plans_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PROJECTS_PROJECTS_GRPC_H_
