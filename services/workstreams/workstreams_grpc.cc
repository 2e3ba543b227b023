#include "services/workstreams/workstreams_grpc.h"

#include "libs/server/request_context.h"
#include "libs/status/grpc_status.h"

namespace wp::workstreams {
namespace {

// Copies a successful result into the response, or converts the error.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status WorkstreamsGrpc::CreateWorkstream(grpc::ServerContext* ctx,
                                               const v1::CreateWorkstreamRequest* req,
                                               v1::Workstream* resp) {
  return Reply(tracker_.CreateWorkstream(server::CallerOf(*ctx), *req), resp);
}

grpc::Status WorkstreamsGrpc::GetWorkstream(grpc::ServerContext*, const v1::GetWorkstreamRequest* req,
                                            v1::Workstream* resp) {
  return Reply(tracker_.GetWorkstream(*req), resp);
}

grpc::Status WorkstreamsGrpc::ListWorkstreams(grpc::ServerContext*, const v1::ListWorkstreamsRequest* req,
                                              v1::ListWorkstreamsResponse* resp) {
  return Reply(tracker_.ListWorkstreams(*req), resp);
}

grpc::Status WorkstreamsGrpc::UpdateWorkstream(grpc::ServerContext* ctx,
                                               const v1::UpdateWorkstreamRequest* req,
                                               v1::Workstream* resp) {
  return Reply(tracker_.UpdateWorkstream(server::CallerOf(*ctx), *req), resp);
}

grpc::Status WorkstreamsGrpc::CreatePlanItem(grpc::ServerContext* ctx, const v1::CreatePlanItemRequest* req,
                                             v1::PlanItem* resp) {
  return Reply(tracker_.CreatePlanItem(server::CallerOf(*ctx), *req), resp);
}

grpc::Status WorkstreamsGrpc::GetPlanItem(grpc::ServerContext*, const v1::GetPlanItemRequest* req,
                                          v1::PlanItem* resp) {
  return Reply(tracker_.GetPlanItem(*req), resp);
}

grpc::Status WorkstreamsGrpc::ListPlanItems(grpc::ServerContext*, const v1::ListPlanItemsRequest* req,
                                            v1::ListPlanItemsResponse* resp) {
  return Reply(tracker_.ListPlanItems(*req), resp);
}

grpc::Status WorkstreamsGrpc::UpdatePlanItem(grpc::ServerContext* ctx, const v1::UpdatePlanItemRequest* req,
                                             v1::PlanItem* resp) {
  return Reply(tracker_.UpdatePlanItem(server::CallerOf(*ctx), *req), resp);
}

grpc::Status WorkstreamsGrpc::AddProgressNote(grpc::ServerContext* ctx,
                                              const v1::AddProgressNoteRequest* req, v1::PlanItem* resp) {
  return Reply(tracker_.AddProgressNote(server::CallerOf(*ctx), *req), resp);
}

grpc::Status WorkstreamsGrpc::ListStatusHistory(grpc::ServerContext*,
                                                const v1::ListStatusHistoryRequest* req,
                                                v1::ListStatusHistoryResponse* resp) {
  return Reply(tracker_.ListStatusHistory(*req), resp);
}

grpc::ServerUnaryReactor* WorkstreamsGrpc::GetTrackerSummary(grpc::CallbackServerContext* ctx,
                                                             const v1::GetTrackerSummaryRequest* req,
                                                             v1::TrackerSummary* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(Reply(summaries_.Get(*req), resp));
  return reactor;
}

grpc::Status WorkstreamsGrpc::ImportTracker(grpc::ServerContext* ctx, const v1::ImportTrackerRequest* req,
                                            grpc::ServerWriter<v1::ImportTrackerProgress>* writer) {
  absl::Status s = importer_.Import(server::CallerOf(*ctx), *req,
                                    [&](const v1::ImportTrackerProgress& progress) {
                                      return !ctx->IsCancelled() && writer->Write(progress);
                                    });
  return ToGrpcStatus(s);
}

grpc::Status WorkstreamsGrpc::ExportTracker(grpc::ServerContext*, const v1::ExportTrackerRequest* req,
                                            v1::ExportTrackerResponse* resp) {
  return Reply(importer_.Export(*req), resp);
}

grpc::Status NetworksGrpc::CreateNetwork(grpc::ServerContext* ctx, const v1::CreateNetworkRequest* req,
                                         v1::Network* resp) {
  return Reply(networks_.Create(server::CallerOf(*ctx), *req), resp);
}

grpc::Status NetworksGrpc::GetNetwork(grpc::ServerContext*, const v1::GetNetworkRequest* req,
                                      v1::Network* resp) {
  return Reply(networks_.Get(*req), resp);
}

grpc::Status NetworksGrpc::ListNetworks(grpc::ServerContext*, const v1::ListNetworksRequest* req,
                                        v1::ListNetworksResponse* resp) {
  return Reply(networks_.List(*req), resp);
}

grpc::Status NetworksGrpc::SetCoordinator(grpc::ServerContext* ctx, const v1::SetCoordinatorRequest* req,
                                          v1::Network* resp) {
  return Reply(networks_.SetCoordinator(server::CallerOf(*ctx), *req), resp);
}

grpc::Status NetworksGrpc::SetActionPlan(grpc::ServerContext* ctx, const v1::SetActionPlanRequest* req,
                                         v1::Network* resp) {
  return Reply(networks_.SetActionPlan(server::CallerOf(*ctx), *req), resp);
}

grpc::Status NetworksGrpc::RecordMeeting(grpc::ServerContext* ctx, const v1::RecordMeetingRequest* req,
                                         v1::NetworkMeeting* resp) {
  return Reply(networks_.RecordMeeting(server::CallerOf(*ctx), *req), resp);
}

grpc::Status NetworksGrpc::ListMeetings(grpc::ServerContext*, const v1::ListMeetingsRequest* req,
                                        v1::ListMeetingsResponse* resp) {
  return Reply(networks_.ListMeetings(*req), resp);
}

}  // namespace wp::workstreams
