// A service's event and the audit record of the change it reports, written
// together inside the change's transaction: every change emits an event, so
// this is also where it is audited. Each service's EmitEvent is this, with
// its name and the list of its entities.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_LIBS_AUDIT_AUDITED_EVENT_H_
#define WP_LIBS_AUDIT_AUDITED_EVENT_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "libs/audit/audit_log.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::audit {

// What the audit record says beyond "who did <entity>.<verb> to what".
struct AuditDetail {
  AuditDetail() = default;
  // Implicit, so a call site writes {&before} or {nullptr, {line_a, line_b}}.
  AuditDetail(const google::protobuf::Message* before_change,  // NOLINT(google-explicit-constructor)
              std::vector<std::string> related = {})
      : before(before_change), related_resources(std::move(related)) {}

  // The resource as it was before the change (an update), or null. Its
  // fields are compared with the resource after the change, found in the
  // event's payload (the payload itself when of the same type, else its
  // first field of that type), and the record carries the differences
  // (field_diff.h: personal data masked).
  const google::protobuf::Message* before = nullptr;
  // Other resources the change touched (e.g. both lines of a reallocation).
  std::vector<std::string> related_resources;
};

// The resource inside `payload` of `type`: the payload itself, or its first
// set singular field of that message type; null when there is none.
const google::protobuf::Message* ResourceIn(const google::protobuf::Message& payload,
                                            const google::protobuf::Descriptor& type);

// Adds to `entry` what `detail` says about a change reported by `payload`.
void AddDetail(const AuditDetail& detail, const google::protobuf::Message& payload, AuditEntry& entry);

// Writes wp.<service>.<entity>.<verb> about `subject` to the outbox and the
// audit record "<entity>.<verb>" by the caller, and returns the event's
// outbox position. INTERNAL for an entity missing from `entity_types` (the
// change feed's type filter), so that list stays complete.
absl::StatusOr<int64_t> EmitAuditedEvent(store::Transaction& tx, absl::string_view service,
                                         const std::set<std::string>& entity_types, const server::Caller& caller,
                                         const std::string& entity, const std::string& verb,
                                         const std::string& subject, const google::protobuf::Message& payload,
                                         const AuditDetail& detail = {});

}  // namespace wp::audit

#endif  // WP_LIBS_AUDIT_AUDITED_EVENT_H_
