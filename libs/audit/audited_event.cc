#include "libs/audit/audited_event.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/bus/event_writer.h"
#include "libs/status/status_macros.h"

namespace wp::audit {

absl::StatusOr<int64_t> EmitAuditedEvent(store::Transaction& tx, absl::string_view service,
                                         const std::set<std::string>& entity_types, const server::Caller& caller,
                                         const std::string& entity, const std::string& verb,
                                         const std::string& subject, const google::protobuf::Message& payload) {
  if (entity_types.count(entity) == 0) {
    return absl::InternalError(absl::StrCat("entity type \"", entity, "\" is missing from EntityTypes()"));
  }
  WP_ASSIGN_OR_RETURN(wp::common::v1::Event event,
                      bus::EmitEvent(tx, bus::EventSpec{std::string(service), entity, verb, subject, payload,
                                                        caller.actor, caller.trace_id}));
  WP_RETURN_IF_ERROR(RecordAudit(tx, EntryFor(caller, subject, absl::StrCat(entity, ".", verb), absl::Now())));
  return event.source_sequence();
}

}  // namespace wp::audit
