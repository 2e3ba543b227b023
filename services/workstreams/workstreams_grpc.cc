#include "services/workstreams/workstreams_grpc.h"

#include "libs/authz/serve.h"
#include "libs/server/request_context.h"
#include "libs/status/grpc_status.h"

namespace wp::workstreams {

grpc::Status WorkstreamsGrpc::CreateWorkstream(grpc::ServerContext* ctx,
                                               const v1::CreateWorkstreamRequest* req,
                                               v1::Workstream* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return tracker_.CreateWorkstream(caller, *req);
  });
}

grpc::Status WorkstreamsGrpc::GetWorkstream(grpc::ServerContext* ctx, const v1::GetWorkstreamRequest* req,
                                            v1::Workstream* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return tracker_.GetWorkstream(*req); });
}

grpc::Status WorkstreamsGrpc::ListWorkstreams(grpc::ServerContext* ctx, const v1::ListWorkstreamsRequest* req,
                                              v1::ListWorkstreamsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return tracker_.ListWorkstreams(*req); });
}

grpc::Status WorkstreamsGrpc::UpdateWorkstream(grpc::ServerContext* ctx,
                                               const v1::UpdateWorkstreamRequest* req,
                                               v1::Workstream* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return tracker_.UpdateWorkstream(caller, *req);
  });
}

grpc::Status WorkstreamsGrpc::CreatePlanItem(grpc::ServerContext* ctx, const v1::CreatePlanItemRequest* req,
                                             v1::PlanItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return tracker_.CreatePlanItem(caller, *req);
  });
}

grpc::Status WorkstreamsGrpc::GetPlanItem(grpc::ServerContext* ctx, const v1::GetPlanItemRequest* req,
                                          v1::PlanItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return tracker_.GetPlanItem(*req); });
}

grpc::Status WorkstreamsGrpc::ListPlanItems(grpc::ServerContext* ctx, const v1::ListPlanItemsRequest* req,
                                            v1::ListPlanItemsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return tracker_.ListPlanItems(*req); });
}

grpc::Status WorkstreamsGrpc::UpdatePlanItem(grpc::ServerContext* ctx, const v1::UpdatePlanItemRequest* req,
                                             v1::PlanItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return tracker_.UpdatePlanItem(caller, *req);
  });
}

grpc::Status WorkstreamsGrpc::AddProgressNote(grpc::ServerContext* ctx,
                                              const v1::AddProgressNoteRequest* req, v1::PlanItem* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return tracker_.AddProgressNote(caller, *req);
  });
}

grpc::Status WorkstreamsGrpc::ListStatusHistory(grpc::ServerContext* ctx,
                                                const v1::ListStatusHistoryRequest* req,
                                                v1::ListStatusHistoryResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return tracker_.ListStatusHistory(*req); });
}

grpc::ServerUnaryReactor* WorkstreamsGrpc::GetTrackerSummary(grpc::CallbackServerContext* ctx,
                                                             const v1::GetTrackerSummaryRequest* req,
                                                             v1::TrackerSummary* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) {
    return summaries_.Get(*req);
  }));
  return reactor;
}

grpc::Status WorkstreamsGrpc::ImportTracker(grpc::ServerContext* ctx, const v1::ImportTrackerRequest* req,
                                            grpc::ServerWriter<v1::ImportTrackerProgress>* writer) {
  absl::StatusOr<server::Caller> caller = authz::AdmitRequest(guard_, *ctx, *req);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace(authz::TraceOf(*caller));
  absl::Status s = importer_.Import(*caller, *req,
                                    [&](const v1::ImportTrackerProgress& progress) {
                                      return !ctx->IsCancelled() && writer->Write(progress);
                                    });
  return ToGrpcStatus(s);
}

grpc::Status WorkstreamsGrpc::ExportTracker(grpc::ServerContext* ctx, const v1::ExportTrackerRequest* req,
                                            v1::ExportTrackerResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return importer_.Export(*req); });
}

grpc::Status NetworksGrpc::CreateNetwork(grpc::ServerContext* ctx, const v1::CreateNetworkRequest* req,
                                         v1::Network* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.Create(caller, *req);
  });
}

grpc::Status NetworksGrpc::GetNetwork(grpc::ServerContext* ctx, const v1::GetNetworkRequest* req,
                                      v1::Network* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) { return networks_.Get(caller, *req); });
}

grpc::Status NetworksGrpc::ListNetworks(grpc::ServerContext* ctx, const v1::ListNetworksRequest* req,
                                        v1::ListNetworksResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) { return networks_.List(caller, *req); });
}

grpc::Status NetworksGrpc::SetCoordinator(grpc::ServerContext* ctx, const v1::SetCoordinatorRequest* req,
                                          v1::Network* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.SetCoordinator(caller, *req);
  });
}

grpc::Status NetworksGrpc::SetActionPlan(grpc::ServerContext* ctx, const v1::SetActionPlanRequest* req,
                                         v1::Network* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.SetActionPlan(caller, *req);
  });
}

grpc::Status NetworksGrpc::RecordMeeting(grpc::ServerContext* ctx, const v1::RecordMeetingRequest* req,
                                         v1::NetworkMeeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.RecordMeeting(caller, *req);
  });
}

grpc::Status NetworksGrpc::ListMeetings(grpc::ServerContext* ctx, const v1::ListMeetingsRequest* req,
                                        v1::ListMeetingsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) { return networks_.ListMeetings(*req); });
}

grpc::Status NetworksGrpc::SetMeetingCadence(grpc::ServerContext* ctx, const v1::SetMeetingCadenceRequest* req,
                                             v1::Network* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.SetMeetingCadence(caller, *req);
  });
}

grpc::Status NetworksGrpc::ListNetworkSustainability(grpc::ServerContext* ctx,
                                                     const v1::ListNetworkSustainabilityRequest* req,
                                                     v1::ListNetworkSustainabilityResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return networks_.ListSustainability(caller, *req);
  });
}

}  // namespace wp::workstreams
