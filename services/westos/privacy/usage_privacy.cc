#include "services/westos/privacy/usage_privacy.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/ingest/usage_event_store.h"
#include "services/westos/rollups/day_index_cache.h"
#include "services/westos/rollups/day_rollups.h"
#include "services/westos/rollups/periods.h"
#include "wp/westos/v1/privacy.pb.h"

namespace wp::westos {
namespace {

// What is left of a purged (2) or erased (3) event: key, id, digest, day.
std::string ForgetEventsSql(int state, const char* where) {
  return absl::StrCat("UPDATE usage_events SET retracted = ", state,
                      ", user_num = 0, occurred_us = 0, role = 0, authority = 0, establishment_num = 0, sector = 0, "
                      "simd = 0, content_num = 0, action = 0, seconds = 0, rating = 0 WHERE ",
                      where, " AND retracted IN (0, 1)");
}

// The xAPI statements (kept as received: actor, time and all) of the
// events about to be forgotten; run before ForgetEventsSql.
std::string ForgetStatementsSql(const char* where) {
  return absl::StrCat("DELETE FROM xapi_statements WHERE statement_id IN (SELECT event_id FROM usage_events WHERE ",
                      where, " AND retracted IN (0, 1))");
}

// Stands in for an erased user id: a control character, which no user id
// may hold (ValidateUsageEvent), so no real id ever equals it.
std::string ErasedMarker(int64_t user_num) { return absl::StrCat("\x01", "erased:", user_num); }

v1::DayEvents DayEventsOf(int32_t day, int64_t events) {
  v1::DayEvents out;
  *out.mutable_day() = calendar::FromCivilDay(CivilDayOf(day));
  out.set_events(events);
  return out;
}

struct PurgeScope {
  std::vector<int32_t> days;
  int64_t events = 0;
  int64_t users = 0;
};

absl::StatusOr<PurgeScope> ScopeOfPurge(store::Transaction& tx, int32_t before) {
  PurgeScope scope;
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> days,
                      tx.Query("SELECT day, COUNT(*) FROM usage_events WHERE day < ? AND retracted IN (0, 1) "
                               "GROUP BY day ORDER BY day",
                               {int64_t{before}}));
  for (const store::Row& row : days) {
    scope.days.push_back(static_cast<int32_t>(row.Int(0)));
    scope.events += row.Int(1);
  }
  if (scope.days.empty()) return scope;
  WP_ASSIGN_OR_RETURN(store::Row users,
                      tx.QueryOne("SELECT COUNT(DISTINCT user_num) FROM usage_events WHERE day < ? AND "
                                  "retracted IN (0, 1)",
                                  {int64_t{before}}));
  scope.users = users.Int(0);
  return scope;
}

}  // namespace

absl::StatusOr<ErasureResult> UsagePrivacy::EraseUser(const server::Caller& caller, const std::string& user_id,
                                                      const std::string& reason) {
  if (user_id.empty()) return InvalidField("user_id", "is required");
  if (reason.empty()) return InvalidField("reason", "is required: the request's reference, for the record");
  if (absl::StrContains(reason, user_id)) {
    return InvalidField("reason", "must not contain the user id: the reason is kept, the id must not be");
  }
  ErasureResult result;
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
    result = ErasureResult{};
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> found,
                        tx.Query("SELECT user_num FROM usage_users WHERE user_id = ?", {user_id}));
    if (found.empty()) return absl::OkStatus();
    result.found = true;
    const int64_t user_num = found.front().Int(0);
    // The events that count, per day: raw ones not retracted, and rolled-up ones.
    absl::flat_hash_map<int32_t, int64_t> lost;
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> raw,
                        tx.Query("SELECT day, COUNT(*) FROM usage_events WHERE user_num = ? AND retracted = 0 "
                                 "GROUP BY day",
                                 {user_num}));
    for (const store::Row& row : raw) lost[static_cast<int32_t>(row.Int(0))] += row.Int(1);
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> rolled,
                        tx.Query("SELECT day, SUM(views + plays + completions + ratings) FROM usage_day_rollups "
                                 "WHERE user_num = ? GROUP BY day",
                                 {user_num}));
    for (const store::Row& row : rolled) lost[static_cast<int32_t>(row.Int(0))] += row.Int(1);

    WP_RETURN_IF_ERROR(tx.Execute(ForgetStatementsSql("user_num = ?"), {user_num}).status());
    WP_RETURN_IF_ERROR(tx.Execute(ForgetEventsSql(3, "user_num = ?"), {user_num}).status());
    WP_RETURN_IF_ERROR(tx.Execute("DELETE FROM usage_day_rollups WHERE user_num = ?", {user_num}).status());
    WP_RETURN_IF_ERROR(
        tx.Execute("UPDATE usage_users SET user_id = ? WHERE user_num = ?", {ErasedMarker(user_num), user_num})
            .status());

    absl::flat_hash_map<int32_t, int64_t> deltas;
    v1::UsageErased event;
    std::vector<std::pair<int32_t, int64_t>> sorted(lost.begin(), lost.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [day, events] : sorted) {
      deltas[day] = -events;
      result.events += events;
      *event.add_days() = DayEventsOf(day, events);
    }
    result.days = static_cast<int64_t>(sorted.size());
    WP_RETURN_IF_ERROR(RecordDayChanges(tx, deltas));
    event.set_events(result.events);
    event.set_reason(reason);
    return EmitEvent(tx, caller, "usage", "erased", "usage", event).status();
  }));
  return result;
}

absl::StatusOr<PurgeResult> UsagePrivacy::PurgeEvents(const server::Caller& caller, absl::CivilDay before,
                                                      bool dry_run, absl::CivilDay today) {
  if (before > today) {
    return InvalidField("before", absl::StrCat(calendar::DayText(before), " is after today (",
                                               calendar::DayText(today), "): only past days are purged"));
  }
  const int32_t before_day = DayNumber(before);
  PurgeResult result;
  auto body = [&](store::Transaction& tx) -> absl::Status {
    result = PurgeResult{};
    WP_ASSIGN_OR_RETURN(PurgeScope scope, ScopeOfPurge(tx, before_day));
    result.days = static_cast<int64_t>(scope.days.size());
    result.events = scope.events;
    result.users = scope.users;
    if (scope.days.empty()) return absl::OkStatus();
    result.first_day = scope.days.front();
    result.last_day = scope.days.back();
    if (dry_run) return absl::OkStatus();
    for (int32_t day : scope.days) {
      // Only the raw events that count are folded in, added to the day's
      // rollups so far (a day purged again after late events).
      WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                          tx.Query("SELECT user_num, authority, sector, role, simd, content_num, action, seconds, "
                                   "rating FROM usage_events WHERE day = ? AND retracted = 0",
                                   {int64_t{day}}));
      std::vector<ActivityRow> activity;
      activity.reserve(rows.size());
      for (const store::Row& row : rows) {
        activity.push_back(ActivityRow{static_cast<uint32_t>(row.Int(0)),
                                       Dimensions{static_cast<uint8_t>(row.Int(1)), static_cast<uint8_t>(row.Int(2)),
                                                  static_cast<uint8_t>(row.Int(3)), static_cast<uint8_t>(row.Int(4)),
                                                  static_cast<uint32_t>(row.Int(5))},
                                       static_cast<uint8_t>(row.Int(6)), row.Int(7), static_cast<uint8_t>(row.Int(8))});
      }
      WP_RETURN_IF_ERROR(AddDayRollups(tx, day, FoldActivity(activity)));
      WP_RETURN_IF_ERROR(tx.Execute(ForgetStatementsSql("day = ?"), {int64_t{day}}).status());
      WP_RETURN_IF_ERROR(tx.Execute(ForgetEventsSql(2, "day = ?"), {int64_t{day}}).status());
    }
    v1::UsagePurged event;
    *event.mutable_before() = calendar::FromCivilDay(before);
    event.set_days(result.days);
    event.set_events(result.events);
    event.set_users(result.users);
    return EmitEvent(tx, caller, "usage", "purged", "usage", event).status();
  };
  WP_RETURN_IF_ERROR(dry_run ? db_.Read(body) : db_.Write(body));
  return result;
}

}  // namespace wp::westos
