// The events the westos service publishes, written to the outbox inside the
// transaction of the change, with the change's audit record. They carry
// counts and rollups, never raw usage events or user ids.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WESTOS_EVENTS_H_
#define WP_SERVICES_WESTOS_EVENTS_H_

#include <cstdint>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "libs/audit/audited_event.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::westos {

// The database file (westos.db), the event source and subjects
// (wp.westos.*), the stream (WP_WESTOS) and the log's svc=.
inline constexpr char kServiceName[] = "westos";
inline constexpr int kDefaultPort = 50054;

// The <entity> of every event the service writes (see the change feed's
// type filter); EmitEvent refuses any other.
inline const std::set<std::string>& EntityTypes() {
  static const auto* types =
      new std::set<std::string>{"usage", "content", "coverage_target", "baseline", "target"};
  return *types;
}

// Writes wp.westos.<entity>.<verb> about `subject` and the audit record of
// the change, and returns the event's outbox position.
// `detail` (optional): the resource before an update, so the record shows
// what changed, and other resources the change touched (audited_event.h).
absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject, const google::protobuf::Message& payload,
                                  const audit::AuditDetail& detail = {});

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_EVENTS_H_
