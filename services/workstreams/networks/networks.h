// Specialist networks and forums: one coordinator per authority, meetings,
// and an action plan of 2 or 3 priorities. A plain class; the gRPC layer
// (networks_grpc.h) only translates. Every change emits its event.
//
// Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORKS_H_
#define WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORKS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/networks/sustainability.h"
#include "wp/workstreams/v1/networks.pb.h"

namespace wp::workstreams {

// OK for 2 or 3 non-empty single-line priorities; the rule a specialist
// network's action plan follows.
absl::Status ValidateActionPlan(const std::vector<std::string>& priorities, const std::string& field);

class Networks {
 public:
  // `rule` judges sustainability (networks/sustainability.h); a change that
  // moves a network's status publishes network.sustainability_changed in its
  // transaction (networks/network_watch.h).
  explicit Networks(store::Database& db, SustainabilityRule rule = {}) : db_(db), rule_(rule) {}

  absl::StatusOr<v1::Network> Create(const server::Caller& caller, const v1::CreateNetworkRequest& request);
  // Unscoped reads, for callers that may see every authority.
  absl::StatusOr<v1::Network> Get(const v1::GetNetworkRequest& request);
  absl::StatusOr<v1::ListNetworksResponse> List(const v1::ListNetworksRequest& request);
  // Reads as `caller` may see them: an authority officer sees coordinator
  // names (person-level data) only for its own authorities.
  absl::StatusOr<v1::Network> Get(const server::Caller& caller, const v1::GetNetworkRequest& request);
  absl::StatusOr<v1::ListNetworksResponse> List(const server::Caller& caller,
                                                const v1::ListNetworksRequest& request);
  absl::StatusOr<v1::Network> SetCoordinator(const server::Caller& caller,
                                             const v1::SetCoordinatorRequest& request);
  absl::StatusOr<v1::Network> SetActionPlan(const server::Caller& caller,
                                            const v1::SetActionPlanRequest& request);
  absl::StatusOr<v1::NetworkMeeting> RecordMeeting(const server::Caller& caller,
                                                   const v1::RecordMeetingRequest& request);
  absl::StatusOr<v1::ListMeetingsResponse> ListMeetings(const v1::ListMeetingsRequest& request);
  absl::StatusOr<v1::Network> SetMeetingCadence(const server::Caller& caller,
                                                const v1::SetMeetingCadenceRequest& request);
  // The region view: every network judged as of the request's day (today
  // UTC by default), lapsing first, then at risk, then healthy, by title.
  absl::StatusOr<v1::ListNetworkSustainabilityResponse> ListSustainability(
      const server::Caller& caller, const v1::ListNetworkSustainabilityRequest& request);

 private:
  // Checks the etag, applies `apply`, bumps the version and emits
  // network.<verb>, all in one transaction. A `request_id` seen before for
  // the same verb changes nothing and returns the network as it is.
  absl::StatusOr<v1::Network> Change(const server::Caller& caller, const std::string& id,
                                     const std::string& etag, const std::string& request_id,
                                     const std::string& verb,
                                     const std::function<absl::Status(store::Transaction&)>& apply);

  store::Database& db_;
  const SustainabilityRule rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORKS_H_
