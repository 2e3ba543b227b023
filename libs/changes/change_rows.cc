#include "libs/changes/change_rows.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "wp/common/v1/event.pb.h"

namespace wp::changes {

namespace v1 = wp::common::v1;

std::string EntityTypeOf(absl::string_view type) {
  std::vector<absl::string_view> parts = absl::StrSplit(type, '.');
  if (parts.size() != 4 || parts[0] != "wp" || parts[2].empty()) return "";
  return std::string(parts[2]);
}

bool IsEntityTypeName(absl::string_view name) {
  if (name.empty() || name.size() > 64 || !absl::ascii_islower(name[0])) return false;
  for (char c : name) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '_') return false;
  }
  return true;
}

absl::StatusOr<v1::Change> ChangeOf(const store::OutboxMessage& row) {
  v1::Event event;
  if (!event.ParseFromString(row.payload)) {
    return absl::DataLossError(absl::StrCat("outbox position ", row.seq, ": the event does not parse"));
  }
  v1::Change change;
  change.set_position(row.seq);
  change.set_event_id(event.id());
  change.set_type(event.type());
  change.set_resource_name(event.subject());
  change.set_entity_type(EntityTypeOf(event.type()));
  *change.mutable_occurred_at() = event.occurred_at();
  change.set_actor(event.actor());
  if (event.payload().Is<v1::ResourceDeleted>()) {
    v1::ResourceDeleted deleted;
    if (!event.payload().UnpackTo(&deleted)) {
      return absl::DataLossError(
          absl::StrCat("outbox position ", row.seq, ": the ResourceDeleted payload does not parse"));
    }
    v1::Tombstone* tombstone = change.mutable_tombstone();
    tombstone->set_resource_name(deleted.resource_name().empty() ? event.subject()
                                                                 : deleted.resource_name());
    *tombstone->mutable_natural_key() = deleted.natural_key();
  }
  *change.mutable_payload() = std::move(*event.mutable_payload());
  return change;
}

}  // namespace wp::changes
