// The events the notice board publishes, written to the outbox inside the
// transaction of the change, with the change's audit record.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_EXAMPLES_NOTICES_EVENTS_H_
#define WP_EXAMPLES_NOTICES_EVENTS_H_

#include <cstdint>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::examples::notices {

// [START service_name]
// The database file (notices.db), the event source and subjects
// (wp.notices.*), the stream (WP_NOTICES) and the log's svc=.
inline constexpr char kServiceName[] = "notices";

// The <entity> of every event the service writes: the change feed's type
// filter accepts these (ServiceSpec::entity_types) and EmitEvent refuses
// any other, so the list stays complete.
inline const std::set<std::string>& EntityTypes() {
  static const auto* types = new std::set<std::string>{"notice"};
  return *types;
}
// [END service_name]

// Writes wp.notices.<entity>.<verb> about `subject` and the audit record of
// the change, and returns the event's outbox position.
absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject,
                                  const google::protobuf::Message& payload);

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_EVENTS_H_
