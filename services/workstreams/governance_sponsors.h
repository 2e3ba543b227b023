// Board sponsors of workstreams, learned from the governance service's
// events: wp.governance.sponsor.assigned and wp.governance.sponsor.ended
// carry the whole sponsorship, which is kept here by its name and shown on
// the workstream (Workstream.sponsors) while current.
//
// Events may arrive twice or out of order: a sponsorship is stored only when
// its version (its etag) is newer than the one held.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_GOVERNANCE_SPONSORS_H_
#define WP_SERVICES_WORKSTREAMS_GOVERNANCE_SPONSORS_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/nats_connection.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

// Applies one governance event; events other than sponsor.assigned and
// sponsor.ended are ignored. INVALID_ARGUMENT for a payload that does not
// parse (the consumer then retries, and the message is logged).
absl::Status ApplySponsorEvent(store::Transaction& tx, const wp::common::v1::Event& event);

// Fills ws->sponsors with the sponsors current on `today` ("2026-11-23").
absl::Status AttachBoardSponsors(store::Transaction& tx, const std::string& today,
                                 v1::Workstream* ws);

// The durable consumer of governance's events (sponsors here, plans in
// governance_plans.h), shared by all replicas: each event is applied once,
// in the store they share.
std::unique_ptr<bus::DurableConsumer> NewGovernanceConsumer(bus::NatsConnection& connection,
                                                            store::Database& db);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_GOVERNANCE_SPONSORS_H_
