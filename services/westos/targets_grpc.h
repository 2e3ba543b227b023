// The gRPC layer of reach, baselines and targets (UsageTargetService):
// admits the caller, checks the request's limits, calls the domain classes
// (services/westos/targets), converts the status. No rules here.
#ifndef WP_SERVICES_WESTOS_TARGETS_GRPC_H_
#define WP_SERVICES_WESTOS_TARGETS_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/westos/targets/baselines.h"
#include "services/westos/targets/reach.h"
#include "services/westos/targets/target_evaluator.h"
#include "services/westos/targets/targets.h"
#include "wp/westos/v1/targets.grpc.pb.h"

namespace wp::westos {

class UsageTargetGrpc final : public v1::UsageTargetService::Service {
 public:
  UsageTargetGrpc(ReachQueries& reach, Baselines& baselines, Targets& targets, TargetEvaluator& evaluator,
                  const authz::CallGuard& guard)
      : reach_(reach), baselines_(baselines), targets_(targets), evaluator_(evaluator), guard_(guard) {}

  grpc::Status GetReach(grpc::ServerContext* ctx, const v1::GetReachRequest* req, v1::ReachReport* resp) override;
  grpc::Status CreateBaseline(grpc::ServerContext* ctx, const v1::CreateBaselineRequest* req,
                              v1::Baseline* resp) override;
  grpc::Status GetBaseline(grpc::ServerContext* ctx, const v1::GetBaselineRequest* req, v1::Baseline* resp) override;
  grpc::Status ListBaselines(grpc::ServerContext* ctx, const v1::ListBaselinesRequest* req,
                             v1::ListBaselinesResponse* resp) override;
  grpc::Status DeleteBaseline(grpc::ServerContext* ctx, const v1::DeleteBaselineRequest* req,
                              v1::DeleteBaselineResponse* resp) override;
  grpc::Status CreateTarget(grpc::ServerContext* ctx, const v1::CreateTargetRequest* req, v1::Target* resp) override;
  grpc::Status GetTarget(grpc::ServerContext* ctx, const v1::GetTargetRequest* req, v1::Target* resp) override;
  grpc::Status ListTargets(grpc::ServerContext* ctx, const v1::ListTargetsRequest* req,
                           v1::ListTargetsResponse* resp) override;
  grpc::Status DeleteTarget(grpc::ServerContext* ctx, const v1::DeleteTargetRequest* req,
                            v1::DeleteTargetResponse* resp) override;
  grpc::Status EvaluateTargets(grpc::ServerContext* ctx, const v1::EvaluateTargetsRequest* req,
                               v1::EvaluateTargetsResponse* resp) override;
  grpc::Status GetTargetStatus(grpc::ServerContext* ctx, const v1::GetTargetStatusRequest* req,
                               v1::TargetStatus* resp) override;

 private:
  ReachQueries& reach_;
  Baselines& baselines_;
  Targets& targets_;
  TargetEvaluator& evaluator_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_GRPC_H_
