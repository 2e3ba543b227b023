// The events the learning service publishes, written to the outbox inside
// the transaction of the change, with the change's audit record.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CORE_EVENTS_H_
#define WP_SERVICES_LEARNING_CORE_EVENTS_H_

#include <cstdint>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "libs/audit/audited_event.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::learning {

// The database file (learning.db), the event source and subjects
// (wp.learning.*), the stream (WP_LEARNING) and the log's svc=.
inline constexpr char kServiceName[] = "learning";
inline constexpr int kDefaultPort = 50053;

// The <entity> of every event the service writes (the change feed's type
// filter); EmitEvent refuses any other.
inline const std::set<std::string>& EntityTypes() {
  static const auto* types = new std::set<std::string>{"programme",    "event",      "practitioner",
                                                       "registration", "attendance", "evaluation"};
  return *types;
}

// Writes wp.learning.<entity>.<verb> about `subject` and the audit record of
// the change, and returns the event's outbox position.
// `detail` (optional): the resource before an update, so the record shows
// what changed, and other resources the change touched (audited_event.h).
absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject, const google::protobuf::Message& payload,
                                  const audit::AuditDetail& detail = {});

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_EVENTS_H_
