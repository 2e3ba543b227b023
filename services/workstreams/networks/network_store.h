// Persistence of networks and forums: coordinators, the action plan and
// meetings. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_STORE_H_
#define WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_STORE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/workstreams/v1/networks.pb.h"

namespace wp::workstreams {

// With coordinators and meeting totals. NOT_FOUND naming it.
absl::StatusOr<v1::Network> LoadNetwork(store::Transaction& tx, const std::string& id);
// `network.owning_workstream` must already be validated.
absl::Status InsertNetwork(store::Transaction& tx, const std::string& id, const v1::Network& network,
                           const std::string& owning_period, int owning_number, absl::Time now);
absl::Status SetNetworkCoordinator(store::Transaction& tx, const std::string& id,
                                   const v1::Coordinator& coordinator);
// Also records `now` as when the plan was set (or reaffirmed).
absl::Status SetNetworkPriorities(store::Transaction& tx, const std::string& id,
                                  const std::vector<std::string>& priorities, absl::Time now);
absl::Status SetNetworkCadence(store::Transaction& tx, const std::string& id, int meetings_per_year);
// The days of its meetings, oldest first.
absl::StatusOr<std::vector<absl::CivilDay>> LoadMeetingDays(store::Transaction& tx, const std::string& id);
// The sustainability status last published for it (UNSPECIFIED: not judged yet).
absl::StatusOr<v1::NetworkSustainabilityStatus> LoadPublishedStatus(store::Transaction& tx, const std::string& id);
absl::Status SetPublishedStatus(store::Transaction& tx, const std::string& id,
                                v1::NetworkSustainabilityStatus status);
// Every network's id, in order.
absl::StatusOr<std::vector<std::string>> ListNetworkIds(store::Transaction& tx);
// Bumps the version and update time; ABORTED when it is not `expected_version`.
absl::Status TouchNetwork(store::Transaction& tx, const std::string& id, int64_t expected_version,
                          absl::Time now);
// Returns the stored meeting with its number.
absl::StatusOr<v1::NetworkMeeting> InsertMeeting(store::Transaction& tx, const std::string& id,
                                                 const v1::NetworkMeeting& meeting, absl::Time now);
absl::StatusOr<std::vector<v1::NetworkMeeting>> LoadMeetings(store::Transaction& tx,
                                                             const std::string& id);
// Ordered by id, after `after_id`.
absl::StatusOr<std::vector<v1::Network>> ListNetworks(store::Transaction& tx,
                                                      const std::string& owning_period,
                                                      int owning_number, v1::NetworkKind kind,
                                                      const std::string& after_id, int limit);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_STORE_H_
