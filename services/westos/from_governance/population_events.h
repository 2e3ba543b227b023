// Population figures of the authorities, learned from the governance
// service's wp.governance.authority.population_updated events (delivered by
// governance_consumer.h) and kept in authority_populations, one row per
// authority and school session: the learners and the teachers and
// practitioners that reach (services/westos/targets) divides by.
//
// Events may arrive twice or out of order: figures are stored only when
// their version (the population's etag) is newer than the one held.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WESTOS_FROM_GOVERNANCE_POPULATION_EVENTS_H_
#define WP_SERVICES_WESTOS_FROM_GOVERNANCE_POPULATION_EVENTS_H_

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::westos {

inline constexpr char kPopulationUpdated[] = "wp.governance.authority.population_updated";

// Applies one governance event; other event types are ignored.
// INVALID_ARGUMENT for a payload that does not parse or names no authority
// and session (the consumer then retries, and the message is logged).
absl::Status ApplyPopulationEvent(store::Transaction& tx, const wp::common::v1::Event& event);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_FROM_GOVERNANCE_POPULATION_EVENTS_H_
