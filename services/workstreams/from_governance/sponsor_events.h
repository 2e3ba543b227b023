// Board sponsors of workstreams, learned from the governance service's
// events (delivered by governance_consumer.h): wp.governance.sponsor.assigned
// and wp.governance.sponsor.ended carry the whole sponsorship, which is kept in the board_sponsorships table
// by its name; board_sponsor_store.h reads it to show the sponsors on the
// workstream (Workstream.sponsors) while current.
//
// Events may arrive twice or out of order: a sponsorship is stored only when
// its version (its etag) is newer than the one held.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_SPONSOR_EVENTS_H_
#define WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_SPONSOR_EVENTS_H_

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {

// Applies one governance event; events other than sponsor.assigned and
// sponsor.ended are ignored. INVALID_ARGUMENT for a payload that does not
// parse (the consumer then retries, and the message is logged).
absl::Status ApplySponsorEvent(store::Transaction& tx, const wp::common::v1::Event& event);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_FROM_GOVERNANCE_SPONSOR_EVENTS_H_
