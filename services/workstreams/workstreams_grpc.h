// The gRPC face of the workstreams service: each method admits the caller
// (authenticated and authorized by the interceptor, libs/authz), calls the
// plain domain class and converts its absl::Status. No rules here.
//
// Thread-safe: gRPC calls these from many threads; the domain classes are
// thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_WORKSTREAMS_GRPC_H_
#define WP_SERVICES_WORKSTREAMS_WORKSTREAMS_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/workstreams/networks/networks.h"
#include "services/workstreams/tracker.h"
#include "services/workstreams/tracker_import.h"
#include "services/workstreams/tracker_summary.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {

// GetTrackerSummary, the dashboards' hot path, runs on gRPC's callback API:
// a cached answer is ready at once, so it is sent from the thread that read
// the request instead of being handed to a worker thread first.
class WorkstreamsGrpc final
    : public v1::WorkstreamsService::WithCallbackMethod_GetTrackerSummary<
          v1::WorkstreamsService::Service> {
 public:
  WorkstreamsGrpc(Tracker& tracker, TrackerSummaries& summaries, TrackerImporter& importer,
                  const authz::CallGuard& guard)
      : tracker_(tracker), summaries_(summaries), importer_(importer), guard_(guard) {}

  grpc::Status CreateWorkstream(grpc::ServerContext* ctx, const v1::CreateWorkstreamRequest* req,
                                v1::Workstream* resp) override;
  grpc::Status GetWorkstream(grpc::ServerContext* ctx, const v1::GetWorkstreamRequest* req,
                             v1::Workstream* resp) override;
  grpc::Status ListWorkstreams(grpc::ServerContext* ctx, const v1::ListWorkstreamsRequest* req,
                               v1::ListWorkstreamsResponse* resp) override;
  grpc::Status UpdateWorkstream(grpc::ServerContext* ctx, const v1::UpdateWorkstreamRequest* req,
                                v1::Workstream* resp) override;
  grpc::Status CreatePlanItem(grpc::ServerContext* ctx, const v1::CreatePlanItemRequest* req,
                              v1::PlanItem* resp) override;
  grpc::Status GetPlanItem(grpc::ServerContext* ctx, const v1::GetPlanItemRequest* req,
                           v1::PlanItem* resp) override;
  grpc::Status ListPlanItems(grpc::ServerContext* ctx, const v1::ListPlanItemsRequest* req,
                             v1::ListPlanItemsResponse* resp) override;
  grpc::Status UpdatePlanItem(grpc::ServerContext* ctx, const v1::UpdatePlanItemRequest* req,
                              v1::PlanItem* resp) override;
  grpc::Status AddProgressNote(grpc::ServerContext* ctx, const v1::AddProgressNoteRequest* req,
                               v1::PlanItem* resp) override;
  grpc::Status ListStatusHistory(grpc::ServerContext* ctx, const v1::ListStatusHistoryRequest* req,
                                 v1::ListStatusHistoryResponse* resp) override;
  grpc::ServerUnaryReactor* GetTrackerSummary(grpc::CallbackServerContext* ctx,
                                              const v1::GetTrackerSummaryRequest* req,
                                              v1::TrackerSummary* resp) override;
  grpc::Status ImportTracker(grpc::ServerContext* ctx, const v1::ImportTrackerRequest* req,
                             grpc::ServerWriter<v1::ImportTrackerProgress>* writer) override;
  grpc::Status ExportTracker(grpc::ServerContext* ctx, const v1::ExportTrackerRequest* req,
                             v1::ExportTrackerResponse* resp) override;

 private:
  Tracker& tracker_;
  TrackerSummaries& summaries_;
  TrackerImporter& importer_;
  const authz::CallGuard& guard_;
};

class NetworksGrpc final : public v1::NetworksService::Service {
 public:
  NetworksGrpc(Networks& networks, const authz::CallGuard& guard)
      : networks_(networks), guard_(guard) {}

  grpc::Status CreateNetwork(grpc::ServerContext* ctx, const v1::CreateNetworkRequest* req,
                             v1::Network* resp) override;
  grpc::Status GetNetwork(grpc::ServerContext* ctx, const v1::GetNetworkRequest* req,
                          v1::Network* resp) override;
  grpc::Status ListNetworks(grpc::ServerContext* ctx, const v1::ListNetworksRequest* req,
                            v1::ListNetworksResponse* resp) override;
  grpc::Status SetCoordinator(grpc::ServerContext* ctx, const v1::SetCoordinatorRequest* req,
                              v1::Network* resp) override;
  grpc::Status SetActionPlan(grpc::ServerContext* ctx, const v1::SetActionPlanRequest* req,
                             v1::Network* resp) override;
  grpc::Status RecordMeeting(grpc::ServerContext* ctx, const v1::RecordMeetingRequest* req,
                             v1::NetworkMeeting* resp) override;
  grpc::Status ListMeetings(grpc::ServerContext* ctx, const v1::ListMeetingsRequest* req,
                            v1::ListMeetingsResponse* resp) override;
  grpc::Status SetMeetingCadence(grpc::ServerContext* ctx, const v1::SetMeetingCadenceRequest* req,
                                 v1::Network* resp) override;
  grpc::Status ListNetworkSustainability(grpc::ServerContext* ctx, const v1::ListNetworkSustainabilityRequest* req,
                                         v1::ListNetworkSustainabilityResponse* resp) override;

 private:
  Networks& networks_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_WORKSTREAMS_GRPC_H_
