// Usage events as the API carries them (wp.westos.v1.UsageEvent), checked
// by the field rules one by one: a bad event becomes a rejected item naming
// its field and reason, and the rest of its batch goes on.
#ifndef WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_PROTO_H_
#define WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_PROTO_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/westos/ingest/usage_ingest.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::westos {

IngestItem ItemFromProto(const v1::UsageEvent& in, absl::Time now);

// A rejected item from a field rule's error ("field: reason").
IngestItem Rejected(std::string event_id, const absl::Status& error);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_USAGE_EVENT_PROTO_H_
