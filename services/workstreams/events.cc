#include "services/workstreams/events.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/bus/event_writer.h"
#include "libs/status/status_macros.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {
namespace {

// "plan_item.updated: status, expected_date": what the audit trail shows.
std::string AuditSummary(const std::string& entity, const std::string& verb,
                         const google::protobuf::Message& payload) {
  std::string summary = absl::StrCat(entity, ".", verb);
  if (const auto* changed = dynamic_cast<const v1::PlanItemChanged*>(&payload);
      changed != nullptr && changed->changed_fields_size() > 0) {
    absl::StrAppend(&summary, ": ", absl::StrJoin(changed->changed_fields(), ", "));
  }
  if (const auto* status = dynamic_cast<const v1::PlanItemStatusChanged*>(&payload)) {
    absl::StrAppend(&summary, ": ", v1::PlanItemStatus_Name(status->change().from_status()), " -> ",
                    v1::PlanItemStatus_Name(status->change().to_status()));
  }
  return summary;
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
  // Every change emits an event, so this is also where it is audited: same
  // transaction, so an accepted change always has its audit record.
  audit::AuditEntry entry = audit::EntryFor(caller, subject, AuditSummary(entity, verb, payload), absl::Now());
  audit::AddDetail(detail, payload, entry);
  WP_RETURN_IF_ERROR(audit::RecordAudit(tx, entry));
  return event.source_sequence();
}

}  // namespace wp::workstreams
