#include "services/governance/core/events.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/bus/event_writer.h"
#include "libs/status/status_macros.h"

namespace wp::governance {
namespace {

absl::Status AuditChange(store::Transaction& tx, const server::Caller& caller,
                         const std::string& entity, const std::string& verb,
                         const std::string& subject, const google::protobuf::Message& payload,
                         const audit::AuditDetail& detail) {
  audit::AuditEntry entry = audit::EntryFor(caller, subject, absl::StrCat(entity, ".", verb), absl::Now());
  audit::AddDetail(detail, payload, entry);
  return audit::RecordAudit(tx, entry);
}

}  // namespace

absl::StatusOr<int64_t> EmitEvent(store::Transaction& tx, const server::Caller& caller,
                                  const std::string& entity, const std::string& verb,
                                  const std::string& subject,
                                  const google::protobuf::Message& payload,
                                  const audit::AuditDetail& detail) {
  if (EntityTypes().count(entity) == 0) {
    return absl::InternalError(absl::StrCat("entity type \"", entity, "\" is missing from EntityTypes()"));
  }
  WP_ASSIGN_OR_RETURN(wp::common::v1::Event event, bus::EmitEvent(
      tx, bus::EventSpec{kServiceName, entity, verb, subject, payload, caller.actor, caller.trace_id}));
  WP_RETURN_IF_ERROR(AuditChange(tx, caller, entity, verb, subject, payload, detail));
  return event.source_sequence();
}

}  // namespace wp::governance
