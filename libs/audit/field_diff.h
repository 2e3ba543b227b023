// What a change set: the fields that differ between the state before and
// after, found by protobuf reflection so every service gets it without code
// of its own, with personal data masked.
//
// Rules (docs/security.md, "The audit trail"):
// - Fields are compared one by one; a singular message field is compared
//   field by field with a dotted path ("counts.total"); a repeated field, a
//   map, a Timestamp or a Date is compared and shown as one whole value.
// - Bookkeeping that changes on every write (etag, update_time) is left out.
// - Personal data (IsPersonalField) shows as kPersonalData, so the trail says
//   that a person's name changed but not which names: the trail outlives an
//   erasure request and is read by admins of every authority.
//
// Thread-safety: pure functions.
#ifndef WP_LIBS_AUDIT_FIELD_DIFF_H_
#define WP_LIBS_AUDIT_FIELD_DIFF_H_

#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "libs/audit/audit_log.h"

namespace wp::audit {

inline constexpr char kPersonalData[] = "(personal data)";

// True for a field that holds personal data: an email, the name of a person
// (people's display names, coordinators, leads, note authors, persons) or a
// practitioner's or user's pseudonymous id. Decided by the field's name and
// the message it is in; a message-typed field is personal when any field
// inside it (at any depth) is.
bool IsPersonalField(const google::protobuf::FieldDescriptor& field);

// The fields that differ between `before` and `after`, in field-number order
// (depth first). Empty when the two are of different types.
std::vector<FieldChange> DiffMessages(const google::protobuf::Message& before,
                                      const google::protobuf::Message& after);

// The value of `field` of `message` as the trail shows it ("" when unset).
std::string RenderField(const google::protobuf::Message& message, const google::protobuf::FieldDescriptor& field);

}  // namespace wp::audit

#endif  // WP_LIBS_AUDIT_FIELD_DIFF_H_
