// Population figures of the authorities, learned from the governance
// service's wp.governance.authority.population_updated events (each service
// that divides by them consumes those events with its own durable consumer)
// and kept in the service's authority_populations table
// (kAuthorityPopulationsTable, population_store.h), one row per authority
// and school session: the learners, and the teachers and practitioners.
//
// Events may arrive twice or out of order: figures are stored only when
// their version (the population's etag) is newer than the one held.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_LIBS_POPULATIONS_POPULATION_EVENTS_H_
#define WP_LIBS_POPULATIONS_POPULATION_EVENTS_H_

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::populations {

inline constexpr char kPopulationUpdated[] = "wp.governance.authority.population_updated";

// Applies one governance event; other event types are ignored.
// INVALID_ARGUMENT for a payload that does not parse or names no authority
// and session (the consumer then retries, and the message is logged).
absl::Status ApplyPopulationEvent(store::Transaction& tx, const wp::common::v1::Event& event);

}  // namespace wp::populations

#endif  // WP_LIBS_POPULATIONS_POPULATION_EVENTS_H_
