#include "services/workstreams/networks/network_watch.h"

#include <vector>

#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/networks/network_store.h"

namespace wp::workstreams {

absl::CivilDay UtcDay(absl::Time now) { return absl::ToCivilDay(now, absl::UTCTimeZone()); }

absl::StatusOr<v1::Network> LoadJudgedNetwork(store::Transaction& tx, const SustainabilityRule& rule,
                                               const std::string& id, absl::CivilDay day) {
  WP_ASSIGN_OR_RETURN(v1::Network network, LoadNetwork(tx, id));
  WP_ASSIGN_OR_RETURN(std::vector<absl::CivilDay> meeting_days, LoadMeetingDays(tx, id));
  *network.mutable_sustainability() = rule.Evaluate(network, meeting_days, day);
  return network;
}

absl::Status RecordFirstStatus(store::Transaction& tx, const SustainabilityRule& rule, const std::string& id,
                               absl::CivilDay day) {
  WP_ASSIGN_OR_RETURN(v1::Network network, LoadJudgedNetwork(tx, rule, id, day));
  return SetPublishedStatus(tx, id, network.sustainability().status());
}

absl::StatusOr<bool> PublishIfChanged(store::Transaction& tx, const server::Caller& caller,
                                      const SustainabilityRule& rule, const std::string& id, absl::CivilDay day) {
  WP_ASSIGN_OR_RETURN(v1::Network network, LoadJudgedNetwork(tx, rule, id, day));
  WP_ASSIGN_OR_RETURN(v1::NetworkSustainabilityStatus previous, LoadPublishedStatus(tx, id));
  const v1::NetworkSustainability& judged = network.sustainability();
  if (judged.status() == previous) return false;
  WP_RETURN_IF_ERROR(SetPublishedStatus(tx, id, judged.status()));
  v1::NetworkSustainabilityChanged event;
  event.set_network(network.name());
  event.set_previous_status(previous);
  event.set_status(judged.status());
  *event.mutable_reasons() = judged.reasons();
  *event.mutable_as_of() = judged.as_of();
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "network", "sustainability_changed", network.name(), event).status());
  return true;
}

absl::StatusOr<int> NetworkWatch::PublishChanges(const server::Caller& caller, absl::Time now) {
  const absl::CivilDay day = UtcDay(now);
  return store::WriteValue<int>(db_, [&](store::Transaction& tx) -> absl::StatusOr<int> {
    WP_ASSIGN_OR_RETURN(std::vector<std::string> ids, ListNetworkIds(tx));
    int published = 0;
    for (const std::string& id : ids) {
      WP_ASSIGN_OR_RETURN(bool changed, PublishIfChanged(tx, caller, rule_, id, day));
      if (changed) ++published;
    }
    return published;
  });
}

}  // namespace wp::workstreams
