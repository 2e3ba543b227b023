// The workstreams and networks a programme may link to, learned from the
// workstreams service's events (wp.workstreams.workstream.created /
// .updated, wp.workstreams.network.*), delivered by workstreams_consumer.h
// and kept in known_workstreams and known_networks (core/known_links.h).
// Applying an event twice changes nothing.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAM_EVENTS_H_
#define WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAM_EVENTS_H_

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::learning {

// Applies one workstreams event; other event types are ignored.
// INVALID_ARGUMENT for a payload that does not parse or names nothing (the
// consumer then retries, and the message is logged).
absl::Status ApplyWorkstreamsEvent(store::Transaction& tx, const wp::common::v1::Event& event);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_FROM_WORKSTREAMS_WORKSTREAM_EVENTS_H_
