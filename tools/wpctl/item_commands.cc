// `wpctl items list|get|history|note|set-status`: plan items (tracker rows).
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/field_mask.pb.h"
#include "libs/calendar/dates.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/item_views.h"
#include "tools/wpctl/names.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

using Stub = v1::WorkstreamsService::Stub;

absl::CivilDay TodayUtcDay() { return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()); }

// NAME: a full name, or a ref with --period.
absl::StatusOr<std::string> ItemNameArg(const Args& args) {
  return PlanItemName(args.positional.at(0), args.Get("period"));
}

}  // namespace

CommandResult ItemsList(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> period = args.Required("period");
  if (!period.ok()) return period.status();
  auto workstream = IntOption(args, "workstream", 1, 99);
  if (!workstream.ok()) return workstream.status();
  auto statuses = StatusListOption(args, "status");
  if (!statuses.ok()) return statuses.status();
  auto overdue_as_of = DateOption(args, "overdue-as-of", /*allow_month_only=*/false);
  if (!overdue_as_of.ok()) return overdue_as_of.status();
  auto stale_as_of = DateOption(args, "stale-as-of", /*allow_month_only=*/false);
  if (!stale_as_of.ok()) return stale_as_of.status();
  // --overdue and --stale: as of today, as the service judges days (UTC).
  const wp::common::v1::Date today = calendar::TodayUtc();
  if (args.Switch("overdue") && !overdue_as_of->has_value()) *overdue_as_of = today;
  if (args.Switch("stale") && !stale_as_of->has_value()) *stale_as_of = today;
  auto page_size = IntOption(args, "page-size", 1, 1000);
  if (!page_size.ok()) return page_size.status();

  v1::ListPlanItemsRequest request;
  request.set_plan_period(*period);
  request.set_workstream_number(workstream->value_or(0));
  for (v1::PlanItemStatus status : *statuses) request.add_statuses(status);
  request.set_lead(args.Get("lead"));
  if (overdue_as_of->has_value()) *request.mutable_overdue_as_of() = **overdue_as_of;
  if (stale_as_of->has_value()) *request.mutable_stale_as_of() = **stale_as_of;
  request.set_query(args.Get("query"));
  request.set_project(args.Get("project"));
  request.set_page_size(page_size->value_or(0));  // 0: the server's default
  auto all = env.client->CallAllPages(env.client->workstreams(), &Stub::ListPlanItems, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, PlanItemsText(*all, TodayUtcDay()));
}

CommandResult ItemsGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ItemNameArg(args);
  if (!name.ok()) return name.status();
  v1::GetPlanItemRequest request;
  request.set_name(*name);
  auto item = env.client->Call(env.client->workstreams(), &Stub::GetPlanItem, request);
  if (!item.ok()) return item.status();
  // The latest status reason is part of what an officer asks "why is it
  // complete?" about; it lives in the history.
  v1::ListStatusHistoryRequest history_request;
  history_request.set_name(*name);
  auto history = env.client->Call(env.client->workstreams(), &Stub::ListStatusHistory, history_request);
  if (!history.ok()) return history.status();
  const v1::StatusChange* latest = history->changes().empty() ? nullptr : &*history->changes().rbegin();
  return Print(env, *item, PlanItemText(*item, TodayUtcDay(), latest));
}

CommandResult ItemsHistory(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ItemNameArg(args);
  if (!name.ok()) return name.status();
  v1::ListStatusHistoryRequest request;
  request.set_name(*name);
  auto history = env.client->Call(env.client->workstreams(), &Stub::ListStatusHistory, request);
  if (!history.ok()) return history.status();
  return Print(env, *history, HistoryText(*history));
}

CommandResult ItemsNote(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ItemNameArg(args);
  if (!name.ok()) return name.status();
  absl::StatusOr<std::string> text = args.Required("text");
  if (!text.ok()) return text.status();
  auto date = DateOption(args, "date", /*allow_month_only=*/true);
  if (!date.ok()) return date.status();

  v1::AddProgressNoteRequest request;
  request.set_name(*name);
  request.set_etag(args.Get("etag"));
  // So that the retry below (or the user's own) cannot add the note twice.
  request.set_request_id(args.Has("request-id") ? args.Get("request-id") : NewRequestId());
  v1::ProgressNote* note = request.mutable_note();
  note->set_text(*text);
  // Without --date the progress is today's, in the user's own time zone.
  *note->mutable_note_date() =
      date->has_value() ? **date
                        : calendar::FromCivilDay(absl::ToCivilDay(absl::Now(), absl::LocalTimeZone()));
  auto item = CallOnce(env, env.client->workstreams(), &Stub::AddProgressNote, request);
  if (!item.ok()) return item.status();
  return Print(env, *item, PlanItemText(*item, TodayUtcDay()));
}

CommandResult ItemsSetStatus(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = ItemNameArg(args);
  if (!name.ok()) return name.status();
  absl::StatusOr<v1::PlanItemStatus> status = ParseStatus(args.positional.at(1));
  if (!status.ok()) return status.status();

  v1::UpdatePlanItemRequest request;
  v1::PlanItem* item = request.mutable_plan_item();
  item->set_name(*name);
  item->set_status(*status);
  item->set_etag(args.Get("etag"));
  request.mutable_update_mask()->add_paths("status");
  // Only sent when given, so a plain status change leaves superseded_by alone.
  if (args.Has("superseded-by")) {
    item->set_superseded_by(args.Get("superseded-by"));
    request.mutable_update_mask()->add_paths("superseded_by");
  }
  request.set_reopen(args.Switch("reopen"));
  request.set_reason(args.Get("reason"));
  // --note: a progress note recorded in the same change.
  if (args.Has("note")) request.mutable_note()->set_text(args.Get("note"));
  auto updated = env.client->Call(env.client->workstreams(), &Stub::UpdatePlanItem, request);
  if (!updated.ok()) return updated.status();
  return Print(env, *updated, PlanItemText(*updated, TodayUtcDay()));
}

}  // namespace wp::wpctl
