#include "services/workstreams/plan_item_changes.h"

#include "google/protobuf/util/message_differencer.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "services/workstreams/events.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

v1::StatusChange MakeChange(const server::Caller& caller, v1::PlanItemStatus from,
                            v1::PlanItemStatus to, const std::string& reason, absl::Time now) {
  v1::StatusChange change;
  change.set_from_status(from);
  change.set_to_status(to);
  change.set_changed_by(caller.actor);
  *change.mutable_change_time() = calendar::TimestampOf(now);
  change.set_reason(reason);
  return change;
}

}  // namespace

std::vector<std::string> ChangedFields(const v1::PlanItem& before, const v1::PlanItem& after) {
  std::vector<std::string> changed;
  if (before.task() != after.task()) changed.push_back("task");
  if (before.lead() != after.lead()) changed.push_back("lead");
  if (before.status() != after.status()) changed.push_back("status");
  if (before.has_expected_date() != after.has_expected_date() ||
      !google::protobuf::util::MessageDifferencer::Equals(before.expected_date(),
                                                          after.expected_date())) {
    changed.push_back("expected_date");
  }
  if (before.superseded_by() != after.superseded_by()) changed.push_back("superseded_by");
  if (before.ongoing() != after.ongoing()) changed.push_back("ongoing");
  if (before.resources() != after.resources()) changed.push_back("resources");
  if (before.plan_notes() != after.plan_notes()) changed.push_back("plan_notes");
  return changed;
}

absl::StatusOr<v1::PlanItem> RecordCreated(store::Transaction& tx, const server::Caller& caller,
                                           const v1::PlanItem& item, const std::string& reason,
                                           absl::Time now) {
  WP_RETURN_IF_ERROR(InsertPlanItem(tx, item, now));
  const v1::StatusChange first =
      MakeChange(caller, v1::PLAN_ITEM_STATUS_UNSPECIFIED, item.status(), reason, now);
  WP_RETURN_IF_ERROR(InsertStatusChange(tx, item.plan_period(), item.ref(), first));
  WP_ASSIGN_OR_RETURN(v1::PlanItem stored, LoadPlanItem(tx, item.plan_period(), item.ref()));
  v1::PlanItemChanged event;
  *event.mutable_plan_item() = stored;
  *event.mutable_initial_status_change() = first;
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "plan_item", "created", stored.name(), event).status());
  return stored;
}

absl::StatusOr<v1::PlanItem> RecordUpdated(store::Transaction& tx, const server::Caller& caller,
                                           const v1::PlanItem& before, const v1::PlanItem& after,
                                           const std::string& reason, absl::Time now) {
  WP_RETURN_IF_ERROR(SavePlanItem(tx, after, VersionOf(before.etag()), now));
  const bool status_changed = before.status() != after.status();
  v1::StatusChange change;
  if (status_changed) {
    change = MakeChange(caller, before.status(), after.status(), reason, now);
    WP_RETURN_IF_ERROR(InsertStatusChange(tx, before.plan_period(), before.ref(), change));
  }
  WP_ASSIGN_OR_RETURN(v1::PlanItem stored, LoadPlanItem(tx, before.plan_period(), before.ref()));

  v1::PlanItemChanged updated;
  *updated.mutable_plan_item() = stored;
  // Notes travel in their own progress_noted events (see PlanItemChanged).
  updated.mutable_plan_item()->clear_progress_notes();
  for (const std::string& field : ChangedFields(before, after)) updated.add_changed_fields(field);
  v1::PlanItem was = before;
  was.clear_progress_notes();  // as the event carries the item
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "plan_item", "updated", stored.name(), updated, {&was}).status());
  if (!status_changed) return stored;
  v1::PlanItemStatusChanged event;
  event.set_plan_item(stored.name());
  *event.mutable_change() = change;
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "plan_item", "status_changed", stored.name(), event).status());
  return stored;
}

absl::Status RecordNote(store::Transaction& tx, const server::Caller& caller,
                        const v1::PlanItem& item, const v1::ProgressNote& note, absl::Time now) {
  WP_RETURN_IF_ERROR(InsertProgressNote(tx, item.plan_period(), item.ref(), note, now));
  v1::PlanItemProgressNoted event;
  event.set_plan_item(item.name());
  *event.mutable_note() = note;
  *event.mutable_note()->mutable_create_time() = calendar::TimestampOf(now);
  return EmitEvent(tx, caller, "plan_item", "progress_noted", item.name(), event).status();
}

}  // namespace wp::workstreams
