#include "services/governance/budgets/budget_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/store/sql_conditions.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"

namespace wp::governance {
namespace {

using store::Row;
using store::Value;

constexpr char kLineColumns[] =
    "plan_id, id, financial_year, workstream_number, project_id, title, allocated_pence, "
    "spent_pence, version, create_us, update_us";

v1::BudgetLine LineFromRow(const Row& r) {
  v1::BudgetLine line;
  line.set_name(BudgetLineName(r.Text(0), r.Text(1)));
  line.set_financial_year(r.Text(2));
  line.set_workstream_number(static_cast<int32_t>(r.Int(3)));
  line.set_project_id(r.Text(4));
  line.set_title(r.Text(5));
  line.set_allocated_pence(r.Int(6));
  line.set_spent_pence(r.Int(7));
  // The table's CHECK keeps 0 <= spent <= allocated, so this cannot overflow.
  line.set_available_pence(r.Int(6) - r.Int(7));
  line.set_etag(store::EtagOf(r.Int(8)));
  calendar::SetTimestamp(r.Int(9), line.mutable_create_time());
  calendar::SetTimestamp(r.Int(10), line.mutable_update_time());
  return line;
}

constexpr char kMovementColumns[] =
    "plan_id, line_id, number, kind, amount_pence, allocated_after_pence, spent_after_pence, reason, "
    "approving_body, meeting, decision, reallocation, counterpart_line, effective_day, reference, "
    "recorded_by, create_us";

v1::BudgetMovement MovementFromRow(const Row& r) {
  v1::BudgetMovement m;
  m.set_name(MovementName(r.Text(0), r.Text(1), r.Int(2)));
  m.set_kind(static_cast<v1::BudgetMovement::Kind>(r.Int(3)));
  m.set_amount_pence(r.Int(4));
  m.set_allocated_after_pence(r.Int(5));
  m.set_spent_after_pence(r.Int(6));
  m.set_reason(r.Text(7));
  m.set_approving_body(r.Text(8));
  m.set_meeting(r.Text(9));
  m.set_decision(r.Text(10));
  m.set_reallocation(r.Text(11));
  m.set_counterpart_line(r.Text(12));
  if (auto day = DayFromText(r.Text(13))) *m.mutable_effective_date() = *day;
  m.set_reference(r.Text(14));
  m.set_recorded_by(r.Text(15));
  calendar::SetTimestamp(r.Int(16), m.mutable_create_time());
  return m;
}

constexpr char kReallocationColumns[] =
    "plan_id, number, from_line, to_line, financial_year, amount_pence, reason, approving_body, "
    "meeting, decision, effective_day, create_us";

v1::Reallocation ReallocationFromRow(const Row& r) {
  v1::Reallocation x;
  const std::string plan_id = r.Text(0);
  x.set_name(ReallocationName(plan_id, r.Int(1)));
  x.set_from_line(BudgetLineName(plan_id, r.Text(2)));
  x.set_to_line(BudgetLineName(plan_id, r.Text(3)));
  x.set_financial_year(r.Text(4));
  x.set_amount_pence(r.Int(5));
  x.set_reason(r.Text(6));
  x.set_approving_body(r.Text(7));
  x.set_meeting(r.Text(8));
  x.set_decision(r.Text(9));
  if (auto day = DayFromText(r.Text(10))) *x.mutable_effective_date() = *day;
  calendar::SetTimestamp(r.Int(11), x.mutable_create_time());
  return x;
}

int64_t MicrosOf(const google::protobuf::Timestamp& t) { return t.seconds() * 1000000 + t.nanos() / 1000; }

// The last part of a resource name ("plans/p/budgetLines/l" -> "l").
std::string LastPart(const std::string& name) {
  const size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// Parts of a name this file formatted itself, split at '/'.
std::vector<std::string> PartsOf(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

absl::Status Aborted(const std::string& plan_id, const std::string& line_id) {
  return absl::AbortedError(
      absl::StrCat(BudgetLineName(plan_id, line_id), " was changed meanwhile; read it again and retry"));
}

}  // namespace

absl::StatusOr<v1::BudgetLine> LoadBudgetLine(store::Transaction& tx, const std::string& plan_id,
                                              const std::string& line_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
      tx.Query(absl::StrCat("SELECT ", kLineColumns, " FROM budget_lines WHERE plan_id = ? AND id = ?"),
               {plan_id, line_id}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(BudgetLineName(plan_id, line_id), " does not exist"));
  }
  return LineFromRow(rows.front());
}

absl::StatusOr<std::optional<std::string>> LineIdFor(store::Transaction& tx, const std::string& plan_id,
                                                     const std::string& financial_year,
                                                     int32_t workstream_number,
                                                     const std::string& project_id) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT id FROM budget_lines WHERE plan_id = ? AND financial_year = ? AND workstream_number = ? "
      "AND project_id = ?",
      {plan_id, financial_year, static_cast<int64_t>(workstream_number), project_id}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.front().Text(0));
}

absl::Status InsertBudgetLine(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                              const v1::BudgetLine& line, absl::Time now) {
  auto n = tx.Execute(
      "INSERT INTO budget_lines (plan_id, id, financial_year, workstream_number, project_id, title, "
      "allocated_pence, spent_pence, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)",
      {plan_id, line_id, line.financial_year(), static_cast<int64_t>(line.workstream_number()),
       line.project_id(), line.title(), line.allocated_pence(), calendar::Micros(now), calendar::Micros(now)});
  if (absl::IsAlreadyExists(n.status())) {
    return absl::AlreadyExistsError(absl::StrCat(BudgetLineName(plan_id, line_id), " already exists"));
  }
  return n.status();
}

absl::Status SaveLineTitle(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                           int64_t expected_version, const std::string& title, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE budget_lines SET title = ?, version = version + 1, update_us = ? "
      "WHERE plan_id = ? AND id = ? AND version = ?",
      {title, calendar::Micros(now), plan_id, line_id, expected_version}));
  return n == 1 ? absl::OkStatus() : Aborted(plan_id, line_id);
}

absl::Status SaveLineAmounts(store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
                             int64_t expected_version, Pence allocated, Pence spent, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE budget_lines SET allocated_pence = ?, spent_pence = ?, version = version + 1, update_us = ? "
      "WHERE plan_id = ? AND id = ? AND version = ?",
      {allocated.value(), spent.value(), calendar::Micros(now), plan_id, line_id, expected_version}));
  return n == 1 ? absl::OkStatus() : Aborted(plan_id, line_id);
}

BudgetLine ToRuleLine(const std::string& line_id, const v1::BudgetLine& line) {
  return BudgetLine{line_id, absl::StrCat(line.workstream_number()), line.financial_year(),
                    Pence(line.allocated_pence()), Pence(line.spent_pence())};
}

absl::StatusOr<std::vector<v1::BudgetLine>> ListLines(store::Transaction& tx, const LineFilter& filter,
                                                      const std::optional<LineKey>& after, int limit) {
  store::SqlConditions where;
  if (!filter.plan_id.empty()) where.Add("plan_id = ?", {filter.plan_id});
  if (!filter.financial_year.empty()) where.Add("financial_year = ?", {filter.financial_year});
  if (filter.workstream_number != 0) {
    where.Add("workstream_number = ?", {static_cast<int64_t>(filter.workstream_number)});
  }
  if (!filter.project_id.empty()) where.Add("project_id = ?", {filter.project_id});
  if (after.has_value()) {
    where.Add("(financial_year, workstream_number, project_id, plan_id) > (?, ?, ?, ?)",
              {after->financial_year, after->workstream_number, after->project_id, after->plan_id});
  }
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      absl::StrCat("SELECT ", kLineColumns, " FROM budget_lines WHERE ", where.Sql(),
                   " ORDER BY financial_year, workstream_number, project_id, plan_id LIMIT ?"),
      where.ParamsThen({static_cast<int64_t>(limit)})));
  std::vector<v1::BudgetLine> lines;
  for (const Row& r : rows) lines.push_back(LineFromRow(r));
  return lines;
}

LineKey KeyOf(const v1::BudgetLine& line) {
  return LineKey{line.financial_year(), line.workstream_number(), line.project_id(),
                 PartsOf(line.name()).at(1)};
}

absl::StatusOr<v1::BudgetMovement> AppendMovement(store::Transaction& tx, const std::string& plan_id,
                                                  const std::string& line_id, v1::BudgetMovement movement,
                                                  absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto next, tx.QueryOne(
      "SELECT COALESCE(MAX(number), 0) + 1 FROM budget_movements WHERE plan_id = ? AND line_id = ?",
      {plan_id, line_id}));
  const int64_t number = next.Int(0);
  WP_RETURN_IF_ERROR(
      tx.Execute(absl::StrCat("INSERT INTO budget_movements (", kMovementColumns,
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {plan_id, line_id, number, static_cast<int64_t>(movement.kind()), movement.amount_pence(),
                  movement.allocated_after_pence(), movement.spent_after_pence(), movement.reason(),
                  movement.approving_body(), movement.meeting(), movement.decision(), movement.reallocation(),
                  movement.counterpart_line(), DayText(movement.effective_date()), movement.reference(),
                  movement.recorded_by(), calendar::Micros(now)}).status());
  movement.set_name(MovementName(plan_id, line_id, number));
  *movement.mutable_create_time() = calendar::TimestampOf(now);
  return movement;
}

absl::StatusOr<v1::BudgetMovement> LoadMovement(store::Transaction& tx, const std::string& plan_id,
                                                const std::string& line_id, int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows,
      tx.Query(absl::StrCat("SELECT ", kMovementColumns,
                            " FROM budget_movements WHERE plan_id = ? AND line_id = ? AND number = ?"),
               {plan_id, line_id, number}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(MovementName(plan_id, line_id, number), " does not exist"));
  }
  return MovementFromRow(rows.front());
}

absl::StatusOr<std::vector<v1::BudgetMovement>> ListMovements(
    store::Transaction& tx, const std::string& plan_id, const std::string& line_id,
    const std::vector<int64_t>& kinds, const std::optional<MovementKey>& after, int limit) {
  store::SqlConditions where;
  where.Add("plan_id = ?", {plan_id});
  if (!line_id.empty()) where.Add("line_id = ?", {line_id});
  where.AddIn("kind", kinds);
  if (after.has_value()) {
    where.Add("(create_us, line_id, number) > (?, ?, ?)", {after->create_us, after->line_id, after->number});
  }
  WP_ASSIGN_OR_RETURN(auto rows,
      tx.Query(absl::StrCat("SELECT ", kMovementColumns, " FROM budget_movements WHERE ", where.Sql(),
                            " ORDER BY create_us, line_id, number LIMIT ?"),
               where.ParamsThen({static_cast<int64_t>(limit)})));
  std::vector<v1::BudgetMovement> movements;
  for (const Row& r : rows) movements.push_back(MovementFromRow(r));
  return movements;
}

MovementKey KeyOf(const v1::BudgetMovement& movement) {
  const std::vector<std::string> parts = PartsOf(movement.name());
  return MovementKey{MicrosOf(movement.create_time()), parts.at(3), NumberPart(parts.at(5))};
}

absl::StatusOr<int64_t> NextReallocationNumber(store::Transaction& tx, const std::string& plan_id) {
  WP_ASSIGN_OR_RETURN(auto next,
      tx.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM reallocations WHERE plan_id = ?", {plan_id}));
  return next.Int(0);
}

absl::Status InsertReallocation(store::Transaction& tx, const std::string& plan_id, int64_t number,
                                const v1::ReallocateBudgetResponse& response, absl::Time now) {
  const v1::Reallocation& x = response.reallocation();
  return tx
      .Execute(
          "INSERT INTO reallocations (plan_id, number, from_line, to_line, financial_year, amount_pence, "
          "reason, approving_body, meeting, decision, effective_day, from_line_pb, to_line_pb, create_us) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {plan_id, number, LastPart(x.from_line()), LastPart(x.to_line()), x.financial_year(),
           x.amount_pence(), x.reason(), x.approving_body(), x.meeting(), x.decision(),
           DayText(x.effective_date()), store::Blob{response.from_line().SerializeAsString()},
           store::Blob{response.to_line().SerializeAsString()}, calendar::Micros(now)})
      .status();
}

absl::StatusOr<v1::Reallocation> LoadReallocation(store::Transaction& tx, const std::string& plan_id,
                                                  int64_t number) {
  WP_ASSIGN_OR_RETURN(auto response, LoadReallocationResponse(tx, plan_id, number));
  return response.reallocation();
}

absl::StatusOr<v1::ReallocateBudgetResponse> LoadReallocationResponse(store::Transaction& tx,
                                                                      const std::string& plan_id,
                                                                      int64_t number) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kReallocationColumns,
                                    ", from_line_pb, to_line_pb FROM reallocations "
                                    "WHERE plan_id = ? AND number = ?"),
                       {plan_id, number}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat(ReallocationName(plan_id, number), " does not exist"));
  }
  const Row& r = rows.front();
  v1::ReallocateBudgetResponse response;
  *response.mutable_reallocation() = ReallocationFromRow(r);
  if (!response.mutable_from_line()->ParseFromString(r.Text(12)) ||
      !response.mutable_to_line()->ParseFromString(r.Text(13))) {
    return absl::DataLossError(absl::StrCat(ReallocationName(plan_id, number), ": stored lines unreadable"));
  }
  return response;
}

absl::StatusOr<std::vector<v1::Reallocation>> ListReallocationRows(
    store::Transaction& tx, const ReallocationFilter& filter, const std::optional<ReallocationKey>& after,
    int limit) {
  store::SqlConditions where;
  if (!filter.plan_id.empty()) where.Add("plan_id = ?", {filter.plan_id});
  if (!filter.financial_year.empty()) where.Add("financial_year = ?", {filter.financial_year});
  if (!filter.line_id.empty()) where.Add("(from_line = ? OR to_line = ?)", {filter.line_id, filter.line_id});
  if (after.has_value()) {
    where.Add("(create_us, plan_id, number) < (?, ?, ?)", {after->create_us, after->plan_id, after->number});
  }
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT ", kReallocationColumns, " FROM reallocations WHERE ",
                                                       where.Sql(),
                                                       " ORDER BY create_us DESC, plan_id DESC, number DESC LIMIT ?"),
                                          where.ParamsThen({static_cast<int64_t>(limit)})));
  std::vector<v1::Reallocation> reallocations;
  for (const Row& r : rows) reallocations.push_back(ReallocationFromRow(r));
  return reallocations;
}

ReallocationKey KeyOf(const v1::Reallocation& reallocation) {
  const std::vector<std::string> parts = PartsOf(reallocation.name());
  return ReallocationKey{MicrosOf(reallocation.create_time()), parts.at(1), NumberPart(parts.at(3))};
}

}  // namespace wp::governance
