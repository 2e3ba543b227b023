// Judges networks (sustainability.h) on what the store holds, and publishes
// wp.workstreams.network.sustainability_changed once per change of status:
// inside the transaction of a change that moved it (networks.h), and from
// the service's periodic check for changes time alone brings (a term ends,
// 12 months pass without a meeting). The last status published is kept per
// network, so a check that finds nothing new writes nothing.
//
// Thread-safety: the functions run in the caller's transaction (one
// thread); NetworkWatch is thread-safe (the store serialises its writes).
#ifndef WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_WATCH_H_
#define WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_WATCH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/networks/sustainability.h"
#include "wp/workstreams/v1/networks.pb.h"

namespace wp::workstreams {

// The day (UTC) `now` falls on.
absl::CivilDay UtcDay(absl::Time now);

// Network `id` as stored, with its sustainability as of `day`.
absl::StatusOr<v1::Network> LoadJudgedNetwork(store::Transaction& tx, const SustainabilityRule& rule,
                                               const std::string& id, absl::CivilDay day);

// Records the status of a network just created, without an event: its
// network.created event carries it.
absl::Status RecordFirstStatus(store::Transaction& tx, const SustainabilityRule& rule, const std::string& id,
                               absl::CivilDay day);

// Judges `id` as of `day`; when the status differs from the one last
// published, records it and writes network.sustainability_changed with
// `caller` as its actor. Returns whether it did.
absl::StatusOr<bool> PublishIfChanged(store::Transaction& tx, const server::Caller& caller,
                                      const SustainabilityRule& rule, const std::string& id, absl::CivilDay day);

class NetworkWatch {
 public:
  NetworkWatch(store::Database& db, SustainabilityRule rule) : db_(db), rule_(rule) {}

  // Judges every network as of `now` and publishes each change of status,
  // in one transaction. Returns how many were published.
  absl::StatusOr<int> PublishChanges(const server::Caller& caller, absl::Time now);

 private:
  store::Database& db_;
  const SustainabilityRule rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_NETWORKS_NETWORK_WATCH_H_
