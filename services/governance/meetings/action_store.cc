#include "services/governance/meetings/action_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/sql_conditions.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance::meetings_internal {
namespace {

using store::Row;
using store::Value;

// The sort keys of "due date, none last" as plain columns, so the keyset
// comparison needs no NULL handling.
constexpr char kActionSelect[] =
    "SELECT a.body_id, a.number, a.meeting_number, a.decision_number, a.description, a.owner_id, "
    "COALESCE(p.display_name, ''), a.due_day, a.state, a.completed_day, a.notes, a.version, a.create_us, "
    "a.update_us FROM actions a LEFT JOIN people p ON p.id = a.owner_id";
constexpr char kNoDueLast[] = "(CASE WHEN a.due_day IS NULL THEN 1 ELSE 0 END)";
constexpr char kDueKey[] = "COALESCE(a.due_day, '')";

bool IsOpen(v1::Action::State state) { return state == v1::Action::OPEN || state == v1::Action::IN_PROGRESS; }

v1::Action ActionFromRow(const Row& r, const std::string& overdue_on) {
  v1::Action a;
  const std::string body_id = r.Text(0);
  a.set_name(ActionName(body_id, r.Int(1)));
  if (!r.IsNull(2)) a.set_meeting(MeetingName(body_id, r.Int(2)));
  if (!r.IsNull(2) && !r.IsNull(3)) a.set_decision(DecisionName(body_id, r.Int(2), r.Int(3)));
  a.set_description(r.Text(4));
  a.set_owner(PersonName(r.Text(5)));
  a.set_owner_display_name(r.Text(6));
  const std::string due_day = r.Text(7);
  if (auto day = DayFromText(due_day)) *a.mutable_due_date() = *day;
  a.set_state(static_cast<v1::Action::State>(r.Int(8)));
  a.set_overdue(!due_day.empty() && due_day < overdue_on && IsOpen(a.state()));
  if (auto day = DayFromText(r.Text(9))) *a.mutable_completed_date() = *day;
  a.set_notes(r.Text(10));
  a.set_etag(store::EtagOf(r.Int(11)));
  calendar::SetTimestamp(r.Int(12), a.mutable_create_time());
  calendar::SetTimestamp(r.Int(13), a.mutable_update_time());
  return a;
}

Value OptionalInt(const std::optional<int64_t>& n) { return n.has_value() ? Value(*n) : Value(); }

}  // namespace

absl::StatusOr<v1::Action> LoadAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                                      const std::string& overdue_on) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat(kActionSelect, " WHERE a.body_id = ? AND a.number = ?"),
                                          {body_id, number}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(ActionName(body_id, number), " does not exist"));
  return ActionFromRow(rows.front(), overdue_on);
}

absl::StatusOr<int64_t> NextActionNumber(store::Transaction& tx, const std::string& body_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM actions WHERE body_id = ?", {body_id}));
  return row.Int(0);
}

absl::Status InsertAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                          const v1::Action& action, const ActionLinks& links, absl::Time now) {
  return tx
      .Execute(
          "INSERT INTO actions (body_id, number, meeting_number, decision_number, description, owner_id, "
          "due_day, state, completed_day, notes, version, create_us, update_us) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {body_id, number, OptionalInt(links.meeting_number), OptionalInt(links.decision_number),
           action.description(), links.owner_id, DayValue(action.due_date()),
           static_cast<int64_t>(action.state()), DayValue(action.completed_date()), action.notes(), calendar::Micros(now),
           calendar::Micros(now)})
      .status();
}

absl::Status SaveAction(store::Transaction& tx, const std::string& body_id, int64_t number,
                        const v1::Action& action, const std::string& owner_id, int64_t expected_version,
                        absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto changed, tx.Execute(
      "UPDATE actions SET description = ?, owner_id = ?, due_day = ?, state = ?, completed_day = ?, notes = ?, "
      "version = version + 1, update_us = ? WHERE body_id = ? AND number = ? AND version = ?",
      {action.description(), owner_id, DayValue(action.due_date()), static_cast<int64_t>(action.state()),
       DayValue(action.completed_date()), action.notes(), calendar::Micros(now), body_id, number, expected_version}));
  if (changed == 0) {
    return absl::AbortedError(absl::StrCat(ActionName(body_id, number), " changed meanwhile; read it again"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Action>> ListActionRows(store::Transaction& tx, const ActionFilter& filter,
                                                       const std::optional<ActionPosition>& after, int limit,
                                                       const std::string& overdue_on) {
  store::SqlConditions where;
  if (!filter.body_id.empty()) where.Add("a.body_id = ?", {filter.body_id});
  if (!filter.owner_id.empty()) where.Add("a.owner_id = ?", {filter.owner_id});
  where.AddIn("a.state", std::vector<int64_t>(filter.states.begin(), filter.states.end()));
  if (!filter.overdue_as_of.empty()) {
    where.Add("a.due_day < ? AND a.state IN (?, ?)",
              {filter.overdue_as_of, static_cast<int64_t>(v1::Action::OPEN),
               static_cast<int64_t>(v1::Action::IN_PROGRESS)});
  }
  if (filter.meeting_number.has_value()) where.Add("a.meeting_number = ?", {*filter.meeting_number});
  if (after.has_value()) {
    const int64_t no_due = after->no_due_date ? 1 : 0;
    where.Add(absl::StrCat("(", kNoDueLast, " > ? OR (", kNoDueLast, " = ? AND (", kDueKey, " > ? OR (", kDueKey,
                           " = ? AND (a.body_id > ? OR (a.body_id = ? AND a.number > ?))))))"),
              {no_due, no_due, after->due_day, after->due_day, after->body_id, after->body_id, after->number});
  }
  std::string sql = absl::StrCat(kActionSelect, " WHERE ", where.Sql(), " ORDER BY ", kNoDueLast, ", ", kDueKey,
                                 ", a.body_id, a.number");
  if (limit > 0) absl::StrAppend(&sql, " LIMIT ?");
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(sql, limit > 0 ? where.ParamsThen({static_cast<int64_t>(limit)}) : where.params()));
  std::vector<v1::Action> actions;
  for (const Row& r : rows) actions.push_back(ActionFromRow(r, overdue_on));
  return actions;
}

absl::StatusOr<std::vector<OverdueAction>> UnpublishedOverdue(store::Transaction& tx, const std::string& today) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT body_id, number, due_day FROM actions WHERE state IN (?, ?) AND due_day IS NOT NULL "
      "AND due_day < ? AND (overdue_published_day IS NULL OR overdue_published_day <> due_day) "
      "ORDER BY due_day, body_id, number",
      {static_cast<int64_t>(v1::Action::OPEN), static_cast<int64_t>(v1::Action::IN_PROGRESS), today}));
  std::vector<OverdueAction> found;
  for (const Row& r : rows) found.push_back(OverdueAction{r.Text(0), r.Int(1), r.Text(2)});
  return found;
}

absl::Status MarkOverduePublished(store::Transaction& tx, const OverdueAction& action) {
  return tx
      .Execute("UPDATE actions SET overdue_published_day = ? WHERE body_id = ? AND number = ?",
               {action.due_day, action.body_id, action.number})
      .status();
}

}  // namespace wp::governance::meetings_internal
