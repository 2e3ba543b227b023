// The improvement-plan tracker: workstreams and plan items, their progress
// notes and status history. A plain class with no gRPC in it: the gRPC layer
// (workstreams_grpc.h) only translates. Every change commits with its event
// in one transaction; the commit advances the data generation (the
// database's commit listener, set by libs/runtime).
//
// Thread-safe: the store serialises writes; the rest is immutable.
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/stale_items.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

class Tracker {
 public:
  explicit Tracker(store::Database& db, StaleRule stale_rule = {}) : db_(db), stale_rule_(stale_rule) {}

  absl::StatusOr<v1::Workstream> CreateWorkstream(const server::Caller& caller,
                                                  const v1::CreateWorkstreamRequest& request);
  absl::StatusOr<v1::Workstream> GetWorkstream(const v1::GetWorkstreamRequest& request);
  absl::StatusOr<v1::ListWorkstreamsResponse> ListWorkstreams(
      const v1::ListWorkstreamsRequest& request);
  absl::StatusOr<v1::Workstream> UpdateWorkstream(const server::Caller& caller,
                                                  const v1::UpdateWorkstreamRequest& request);

  absl::StatusOr<v1::PlanItem> CreatePlanItem(const server::Caller& caller,
                                              const v1::CreatePlanItemRequest& request);
  absl::StatusOr<v1::PlanItem> GetPlanItem(const v1::GetPlanItemRequest& request);
  absl::StatusOr<v1::ListPlanItemsResponse> ListPlanItems(const v1::ListPlanItemsRequest& request);
  absl::StatusOr<v1::PlanItem> UpdatePlanItem(const server::Caller& caller,
                                              const v1::UpdatePlanItemRequest& request);
  absl::StatusOr<v1::PlanItem> AddProgressNote(const server::Caller& caller,
                                               const v1::AddProgressNoteRequest& request);
  absl::StatusOr<v1::ListStatusHistoryResponse> ListStatusHistory(
      const v1::ListStatusHistoryRequest& request);

 private:
  store::Database& db_;
  const StaleRule stale_rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_H_
