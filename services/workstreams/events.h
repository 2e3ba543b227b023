// The events this service publishes, written to the outbox inside the
// transaction of the change (see docs/events.md for the catalogue).
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_EVENTS_H_
#define WP_SERVICES_WORKSTREAMS_EVENTS_H_

#include <cstdint>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "libs/audit/audited_event.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::workstreams {

inline constexpr char kServiceName[] = "workstreams";

// The <entity> of every event this service writes. The change feed's type
// filter accepts these (ServiceSpec::entity_types); EmitEvent refuses any
// other, so the list stays complete.
inline const std::set<std::string>& EntityTypes() {
  static const auto* types = new std::set<std::string>{"network", "plan_item", "project", "workstream"};
  return *types;
}

// Writes wp.workstreams.<entity>.<verb> about `subject` and the audit record
// of the change (who, role, RPC, resource, summary), and returns the event's
// outbox position, which is also the new data generation.
// `detail` (optional): the resource before an update, so the record shows
// what changed, and other resources the change touched (audited_event.h).
absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject,
                                  const google::protobuf::Message& payload,
                                  const audit::AuditDetail& detail = {});

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_EVENTS_H_
