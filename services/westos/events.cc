#include "services/westos/events.h"

#include "libs/audit/audited_event.h"

namespace wp::westos {

absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject, const google::protobuf::Message& payload,
                                  const audit::AuditDetail& detail) {
  return audit::EmitAuditedEvent(tx, kServiceName, EntityTypes(), caller, entity, verb, subject, payload, detail);
}

}  // namespace wp::westos
