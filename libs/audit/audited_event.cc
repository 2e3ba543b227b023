#include "libs/audit/audited_event.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/audit/field_diff.h"
#include "libs/bus/event_writer.h"
#include "libs/status/status_macros.h"

namespace wp::audit {

const google::protobuf::Message* ResourceIn(const google::protobuf::Message& payload,
                                            const google::protobuf::Descriptor& type) {
  if (payload.GetDescriptor() == &type) return &payload;
  const google::protobuf::Descriptor& outer = *payload.GetDescriptor();
  const google::protobuf::Reflection& r = *payload.GetReflection();
  for (int i = 0; i < outer.field_count(); ++i) {
    const google::protobuf::FieldDescriptor* f = outer.field(i);
    if (!f->is_repeated() && f->message_type() == &type && r.HasField(payload, f)) {
      return &r.GetMessage(payload, f);
    }
  }
  return nullptr;
}

void AddDetail(const AuditDetail& detail, const google::protobuf::Message& payload, AuditEntry& entry) {
  if (detail.before != nullptr) {
    if (const google::protobuf::Message* after = ResourceIn(payload, *detail.before->GetDescriptor())) {
      entry.changes = DiffMessages(*detail.before, *after);
    }
  }
  entry.related_resources = detail.related_resources;
}

absl::StatusOr<int64_t> EmitAuditedEvent(store::Transaction& tx, absl::string_view service,
                                         const std::set<std::string>& entity_types, const server::Caller& caller,
                                         const std::string& entity, const std::string& verb,
                                         const std::string& subject, const google::protobuf::Message& payload,
                                         const AuditDetail& detail) {
  if (entity_types.count(entity) == 0) {
    return absl::InternalError(absl::StrCat("entity type \"", entity, "\" is missing from EntityTypes()"));
  }
  WP_ASSIGN_OR_RETURN(wp::common::v1::Event event,
                      bus::EmitEvent(tx, bus::EventSpec{std::string(service), entity, verb, subject, payload,
                                                        caller.actor, caller.trace_id}));
  AuditEntry entry = EntryFor(caller, subject, absl::StrCat(entity, ".", verb), absl::Now());
  AddDetail(detail, payload, entry);
  WP_RETURN_IF_ERROR(RecordAudit(tx, entry));
  return event.source_sequence();
}

}  // namespace wp::audit
