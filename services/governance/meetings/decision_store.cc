#include "services/governance/meetings/decision_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/sql_conditions.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance::meetings_internal {
namespace {

using store::Row;
using store::Value;

constexpr char kDecisionSelect[] =
    "SELECT d.body_id, d.meeting_number, d.number, d.agenda_item, d.text, d.outcome, d.plan_id, "
    "d.plan_item_refs, d.supersedes, d.create_us, m.meeting_day "
    "FROM decisions d JOIN meetings m ON m.body_id = d.body_id AND m.number = d.meeting_number";

v1::Decision DecisionFromRow(const Row& r) {
  v1::Decision d;
  d.set_name(DecisionName(r.Text(0), r.Int(1), r.Int(2)));
  d.set_meeting(MeetingName(r.Text(0), r.Int(1)));
  if (auto day = DayFromText(r.Text(10))) *d.mutable_meeting_date() = *day;
  d.set_agenda_item(static_cast<int32_t>(r.Int(3)));
  d.set_text(r.Text(4));
  d.set_outcome(static_cast<v1::Decision::Outcome>(r.Int(5)));
  if (!r.Text(6).empty()) d.set_plan(PlanName(r.Text(6)));
  for (std::string& ref : SplitLines(r.Text(7))) d.add_plan_item_refs(std::move(ref));
  d.set_supersedes(r.Text(8));
  calendar::SetTimestamp(r.Int(9), d.mutable_create_time());
  return d;
}

absl::StatusOr<std::vector<v1::Decision>> Decisions(store::Transaction& tx, const std::string& sql,
                                                    const std::vector<Value>& params) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<v1::Decision> decisions;
  for (const Row& r : rows) decisions.push_back(DecisionFromRow(r));
  return decisions;
}

}  // namespace

absl::StatusOr<v1::Decision> LoadDecision(store::Transaction& tx, const std::string& body_id,
                                          int64_t meeting_number, int64_t number) {
  WP_ASSIGN_OR_RETURN(auto found, Decisions(
      tx, absl::StrCat(kDecisionSelect, " WHERE d.body_id = ? AND d.meeting_number = ? AND d.number = ?"),
      {body_id, meeting_number, number}));
  if (found.empty()) {
    return absl::NotFoundError(absl::StrCat(DecisionName(body_id, meeting_number, number), " does not exist"));
  }
  return found.front();
}

absl::StatusOr<int64_t> NextDecisionNumber(store::Transaction& tx, const std::string& body_id,
                                           int64_t meeting_number) {
  WP_ASSIGN_OR_RETURN(auto row, tx.QueryOne(
      "SELECT COALESCE(MAX(number), 0) + 1 FROM decisions WHERE body_id = ? AND meeting_number = ?",
      {body_id, meeting_number}));
  return row.Int(0);
}

absl::Status InsertDecision(store::Transaction& tx, const std::string& body_id, int64_t meeting_number,
                            int64_t number, const v1::Decision& decision, const std::string& plan_id,
                            absl::Time now) {
  return tx
      .Execute(
          "INSERT INTO decisions (body_id, meeting_number, number, agenda_item, text, outcome, plan_id, "
          "plan_item_refs, supersedes, create_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {body_id, meeting_number, number, static_cast<int64_t>(decision.agenda_item()), decision.text(),
           static_cast<int64_t>(decision.outcome()), plan_id,
           JoinLines({decision.plan_item_refs().begin(), decision.plan_item_refs().end()}),
           decision.supersedes(), calendar::Micros(now)})
      .status();
}

absl::StatusOr<std::vector<v1::Decision>> DecisionsAt(store::Transaction& tx, const std::string& body_id,
                                                      int64_t meeting_number) {
  return Decisions(tx,
                   absl::StrCat(kDecisionSelect, " WHERE d.body_id = ? AND d.meeting_number = ? ORDER BY d.number"),
                   {body_id, meeting_number});
}

absl::StatusOr<std::vector<v1::Decision>> ListDecisionRows(store::Transaction& tx, const DecisionFilter& filter,
                                                           const std::optional<DecisionPosition>& after,
                                                           int limit) {
  store::SqlConditions where;
  if (!filter.body_id.empty()) where.Add("d.body_id = ?", {filter.body_id});
  if (filter.meeting_number > 0) where.Add("d.meeting_number = ?", {filter.meeting_number});
  if (!filter.plan_id.empty()) where.Add("d.plan_id = ?", {filter.plan_id});
  if (!filter.plan_item_ref.empty()) {
    // Refs are '\n'-joined and hold only digits and a dot, so framing the
    // list in newlines finds a whole ref and nothing that merely contains it.
    where.Add("('\n' || d.plan_item_refs || '\n') LIKE ?", {absl::StrCat("%\n", filter.plan_item_ref, "\n%")});
  }
  where.AddIn("d.outcome", std::vector<int64_t>(filter.outcomes.begin(), filter.outcomes.end()));
  if (!filter.from_day.empty()) where.Add("m.meeting_day >= ?", {filter.from_day});
  if (!filter.to_day.empty()) where.Add("m.meeting_day <= ?", {filter.to_day});
  if (after.has_value()) {
    where.Add("(m.meeting_day > ? OR (m.meeting_day = ? AND (d.body_id > ? OR (d.body_id = ? AND "
              "(d.meeting_number > ? OR (d.meeting_number = ? AND d.number > ?))))))",
              {after->day, after->day, after->body_id, after->body_id, after->meeting_number, after->meeting_number,
               after->number});
  }
  return Decisions(tx,
                   absl::StrCat(kDecisionSelect, " WHERE ", where.Sql(),
                                " ORDER BY m.meeting_day, d.body_id, d.meeting_number, d.number LIMIT ?"),
                   where.ParamsThen({static_cast<int64_t>(limit)}));
}

}  // namespace wp::governance::meetings_internal
