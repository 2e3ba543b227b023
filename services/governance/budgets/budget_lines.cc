#include "services/governance/budgets/budget_lines.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag.h"
#include "libs/store/etag_update.h"
#include "libs/store/request_ids.h"
#include "services/governance/budgets/budget_checks.h"
#include "services/governance/budgets/budget_store.h"
#include "services/governance/core/budget.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/money.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"

namespace wp::governance {
namespace {

constexpr char kEntity[] = "budget_line";
// Request ids are scoped by method (request_ids.h).
constexpr char kCreateMethod[] = "CreateBudgetLine";
constexpr char kAdjustMethod[] = "AdjustAllocation";
constexpr char kSpendMethod[] = "RecordSpend";

absl::Status BadPageToken() { return InvalidField("page_token", "is not a token this service returned"); }

// Publishes budget_line.<verb> with the line as stored now, and returns it;
// `before` (the line before a change, or null) lets the audit record show
// what changed.
absl::StatusOr<v1::BudgetLine> Publish(store::Transaction& tx, const server::Caller& caller, const LineId& id,
                                       const std::string& verb, const v1::BudgetLine* before = nullptr) {
  WP_ASSIGN_OR_RETURN(auto line, LoadBudgetLine(tx, id.plan_id, id.line_id));
  if (auto seq = EmitEvent(tx, caller, kEntity, verb, line.name(), line, {before}); !seq.ok()) return seq.status();
  return line;
}

// The line a recorded request changed: retries return the line instead of
// applying the change twice. The resource recorded is the line (create) or
// the movement (adjust, spend): "plans/{plan}/budgetLines/{line}[/movements/{n}]".
absl::StatusOr<v1::BudgetLine> LoadRecordedLine(store::Transaction& tx, const std::string& request_id,
                                                const std::string& recorded) {
  auto parts = ParseName(recorded, kMovementPattern, "request_id");
  if (!parts.ok()) parts = ParseName(recorded, kBudgetLinePattern, "request_id");
  if (!parts.ok()) return absl::InternalError(absl::StrCat("request ", request_id, " recorded ", recorded));
  return LoadBudgetLine(tx, (*parts)[0], (*parts)[1]);
}

absl::Status PlanOpenForBudget(const PlanRef& plan) {
  if (plan.state != v1::Plan::CLOSED) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(plan.name, " is CLOSED; its budget takes no new lines"));
}

// The workstream and project of a new line belong to the plan.
absl::Status CheckPlanParts(store::Transaction& tx, const PlanRef& plan, const v1::BudgetLine& line) {
  if (plan.workstreams.count(line.workstream_number()) == 0) {
    return InvalidField("budget_line.workstream_number",
                        absl::StrCat(plan.name, " has no workstream ", line.workstream_number()));
  }
  if (line.project_id().empty()) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT workstream_number FROM plan_projects WHERE plan_id = ? AND id = ?",
                       {plan.id, line.project_id()}));
  if (rows.empty()) {
    return InvalidField("budget_line.project_id",
                        absl::StrCat(plan.name, " has no project ", line.project_id()));
  }
  if (rows.front().Int(0) != line.workstream_number()) {
    return InvalidField("budget_line.project_id",
                        absl::StrCat("is a project of workstream ", rows.front().Int(0),
                                     ", not of workstream ", line.workstream_number()));
  }
  return absl::OkStatus();
}

v1::BudgetMovement Movement(v1::BudgetMovement::Kind kind, int64_t amount, Pence allocated_after,
                            Pence spent_after, const server::Caller& caller) {
  v1::BudgetMovement m;
  m.set_kind(kind);
  m.set_amount_pence(amount);
  m.set_allocated_after_pence(allocated_after.value());
  m.set_spent_after_pence(spent_after.value());
  m.set_recorded_by(caller.actor);
  return m;
}

// What moving money on a line asks for: the request (scoped by method) and
// its etag, the line, and the movement's kind, amount and event verb.
struct MoneyMove {
  const char* method;
  const std::string& request_id;
  const std::string& etag;
  const LineId& id;
  v1::BudgetMovement::Kind kind;
  int64_t amount_pence;
  const char* verb;
};

// The one shape of an adjustment and a spend: once per request id (a retry
// returns the line), etag-checked, `change` sets the line's new amounts;
// then the amounts are saved, a movement of them is appended (`describe`
// adds what the request says of it) and the line is published. Every call
// records a movement: the amount is never 0.
absl::StatusOr<v1::BudgetLine> MoveMoney(
    store::Database& db, const server::Caller& caller, const MoneyMove& move,
    const std::function<absl::Status(store::Transaction&, v1::BudgetLine&)>& change,
    const std::function<void(v1::BudgetMovement&)>& describe) {
  const absl::Time now = absl::Now();
  const LineId& id = move.id;
  return store::WriteValue<v1::BudgetLine>(db, [&](store::Transaction& tx) -> absl::StatusOr<v1::BudgetLine> {
    v1::BudgetMovement recorded;  // what a retry finds
    v1::BudgetLine before;        // for the audit record's changes
    return store::CreateOnce<v1::BudgetLine>(
        tx, {move.method, move.request_id, now},
        [&](const std::string& made) { return LoadRecordedLine(tx, move.request_id, made); },
        [&]() -> absl::StatusOr<v1::BudgetLine> {
          return store::UpdateWithEtag<v1::BudgetLine>(
              move.etag,
              [&]() -> absl::StatusOr<v1::BudgetLine> {
                WP_ASSIGN_OR_RETURN(before, LoadBudgetLine(tx, id.plan_id, id.line_id));
                return before;
              },
              [&](v1::BudgetLine& next) { return change(tx, next); },
              [&](const v1::BudgetLine& next, int64_t version) -> absl::StatusOr<v1::BudgetLine> {
                const Pence allocated(next.allocated_pence());
                const Pence spent(next.spent_pence());
                WP_RETURN_IF_ERROR(SaveLineAmounts(tx, id.plan_id, id.line_id, version, allocated, spent, now));
                v1::BudgetMovement movement = Movement(move.kind, move.amount_pence, allocated, spent, caller);
                describe(movement);
                WP_ASSIGN_OR_RETURN(recorded, AppendMovement(tx, id.plan_id, id.line_id, movement, now));
                return Publish(tx, caller, id, move.verb, &before);
              },
              store::kAlwaysSave);
        },
        [&](const v1::BudgetLine&) { return recorded.name(); });
  });
}

}  // namespace

absl::StatusOr<v1::BudgetLine> BudgetLines::CreateBudgetLine(const server::Caller& caller,
                                                             const v1::CreateBudgetLineRequest& request) {
  const v1::BudgetLine& line = request.budget_line();
  FieldViolations v;
  auto plan_parts = ParseName(request.parent(), kPlanPattern, "parent");
  AddViolationsOf(plan_parts.status(), &v, "parent");
  if (!IsValidId(request.budget_line_id())) {
    v.Add("budget_line_id", "must be 2..63 lower-case letters, digits and hyphens, e.g. 2022-23-coaching");
  }
  if (!IsValidFinancialYear(line.financial_year())) {
    v.Add("budget_line.financial_year", "must be a financial year like 2022-23 (April 2022 to March 2023)");
  }
  if (line.workstream_number() < 1 || line.workstream_number() > 99) {
    v.Add("budget_line.workstream_number", "must be the number of one of the plan's workstreams (1..99)");
  }
  if (!line.project_id().empty() && !IsValidId(line.project_id())) {
    v.Add("budget_line.project_id", "must be a project id: lower-case letters, digits and hyphens");
  }
  CheckRequiredLine(line.title(), "budget_line.title", &v);
  if (line.allocated_pence() < 0) v.Add("budget_line.allocated_pence", "must not be negative");
  if (line.allocated_pence() > 0 && request.approving_body().empty()) {
    v.Add("approving_body",
          absl::StrCat("is required when the opening allocation is more than ", FormatPounds(Pence(0))));
  }
  CheckApprovalNames(request.approving_body(), "", "", "", /*body_required=*/false, &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v, "request_id");
  WP_RETURN_IF_ERROR(v.ToStatus());

  const LineId id{(*plan_parts)[0], request.budget_line_id()};
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::BudgetLine>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::BudgetLine> {
        return store::CreateOnce<v1::BudgetLine>(
            tx, {kCreateMethod, request.request_id(), now},
            [&](const std::string& made) { return LoadRecordedLine(tx, request.request_id(), made); },
            [&]() -> absl::StatusOr<v1::BudgetLine> {
              WP_ASSIGN_OR_RETURN(auto plan, LoadPlanRef(tx, id.plan_id));
              WP_RETURN_IF_ERROR(PlanOpenForBudget(plan));
              if (absl::Status s = CheckYearInPlan(plan, line.financial_year(), "budget_line.financial_year"); !s.ok())
                return s;
              WP_RETURN_IF_ERROR(CheckPlanParts(tx, plan, line));
              WP_RETURN_IF_ERROR(ResolveApproval(tx, request.approving_body(), "", "", ""));
              if (LoadBudgetLine(tx, id.plan_id, id.line_id).ok()) {
                return absl::AlreadyExistsError(
                    absl::StrCat(BudgetLineName(id.plan_id, id.line_id), " already exists"));
              }
              auto holder =
                  LineIdFor(tx, id.plan_id, line.financial_year(), line.workstream_number(), line.project_id());
              if (!holder.ok()) return holder.status();
              if (holder->has_value()) {
                return absl::AlreadyExistsError(absl::StrCat(
                    BudgetLineName(id.plan_id, **holder), " is already the line for ", line.financial_year(),
                    ", workstream ", line.workstream_number(),
                    line.project_id().empty() ? " as a whole" : absl::StrCat(", project ", line.project_id())));
              }
              WP_RETURN_IF_ERROR(InsertBudgetLine(tx, id.plan_id, id.line_id, line, now));

              v1::BudgetMovement opening = Movement(v1::BudgetMovement::OPENING_ALLOCATION, line.allocated_pence(),
                                                    Pence(line.allocated_pence()), Pence(0), caller);
              opening.set_approving_body(request.approving_body());
              *opening.mutable_effective_date() = EffectiveDate({});
              if (auto m = AppendMovement(tx, id.plan_id, id.line_id, opening, now); !m.ok()) return m.status();

              return Publish(tx, caller, id, "created");
            });
      });
}

absl::StatusOr<v1::BudgetLine> BudgetLines::GetBudgetLine(const server::Caller& caller,
                                                          const v1::GetBudgetLineRequest& request) {
  FieldViolations v;
  const std::optional<LineId> id = ParseLineName(request.name(), "name", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return store::ReadValue<v1::BudgetLine>(
      db_, [&](store::Transaction& tx) { return LoadBudgetLine(tx, id->plan_id, id->line_id); });
}

absl::StatusOr<v1::ListBudgetLinesResponse> BudgetLines::ListBudgetLines(
    const server::Caller& caller, const v1::ListBudgetLinesRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kPlanPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v, "parent");
  if (!request.financial_year().empty() && !IsValidFinancialYear(request.financial_year())) {
    v.Add("financial_year", "must be a financial year like 2022-23");
  }
  if (request.workstream_number() < 0) v.Add("workstream_number", "must not be negative");
  if (!request.project_id().empty() && !IsValidId(request.project_id())) {
    v.Add("project_id", "must be a project id: lower-case letters, digits and hyphens");
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v, "page_size");
  auto token = paging::DecodePageKey(request.page_token(), 4);
  AddViolationsOf(token.status(), &v, "page_token");
  WP_RETURN_IF_ERROR(v.ToStatus());

  std::optional<LineKey> after;
  if (!token->first_page()) {
    after = LineKey{token->Text(0), 0, token->Text(2), token->Text(3)};
    if (!absl::SimpleAtoi(token->Text(1), &after->workstream_number)) return BadPageToken();
  }
  const std::string plan_id = (*parent)[0] == kWildcard ? "" : (*parent)[0];
  const LineFilter filter{plan_id, request.financial_year(), request.workstream_number(),
                          request.project_id()};
  return store::ReadValue<v1::ListBudgetLinesResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListBudgetLinesResponse> {
        if (!plan_id.empty()) {
          if (auto plan = LoadPlanRef(tx, plan_id); !plan.ok()) return plan.status();
        }
        WP_ASSIGN_OR_RETURN(auto lines, ListLines(tx, filter, after, *page_size + 1));
        v1::ListBudgetLinesResponse response;
        response.set_next_page_token(
            paging::FillPage(lines, *page_size, response.mutable_budget_lines(), [](const v1::BudgetLine& line) {
              const LineKey last = KeyOf(line);
              return paging::KeyOf(last.financial_year, last.workstream_number, last.project_id, last.plan_id);
            }));
        return response;
      });
}

absl::StatusOr<v1::BudgetLine> BudgetLines::UpdateBudgetLine(const server::Caller& caller,
                                                             const v1::UpdateBudgetLineRequest& request) {
  const v1::BudgetLine& line = request.budget_line();
  FieldViolations v;
  const std::optional<LineId> id = ParseLineName(line.name(), "budget_line.name", &v);
  for (const std::string& path : request.update_mask().paths()) {
    if (path != "title") v.Add("update_mask", absl::StrCat("has unknown path \"", path, "\"; only title"));
  }
  // Title is the only path, so every valid mask, empty included, sets it.
  CheckRequiredLine(line.title(), "budget_line.title", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::BudgetLine>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::BudgetLine> {
        v1::BudgetLine before;  // for the audit record's changes
        return store::UpdateWithEtag<v1::BudgetLine>(
            line.etag(),
            [&]() -> absl::StatusOr<v1::BudgetLine> {
              WP_ASSIGN_OR_RETURN(before, LoadBudgetLine(tx, id->plan_id, id->line_id));
              return before;
            },
            [&](v1::BudgetLine& next) {
              next.set_title(line.title());
              return absl::OkStatus();
            },
            [&](const v1::BudgetLine& next, int64_t version) -> absl::StatusOr<v1::BudgetLine> {
              WP_RETURN_IF_ERROR(SaveLineTitle(tx, id->plan_id, id->line_id, version, next.title(), now));
              return Publish(tx, caller, *id, "updated", &before);
            },
            // A title update always records and publishes, even when the
            // title is unchanged (as before this used the helper).
            store::kAlwaysSave);
      });
}

absl::StatusOr<v1::BudgetLine> BudgetLines::AdjustAllocation(const server::Caller& caller,
                                                             const v1::AdjustAllocationRequest& request) {
  FieldViolations v;
  const std::optional<LineId> id = ParseLineName(request.name(), "name", &v);
  if (request.amount_pence() == 0) {
    v.Add("amount_pence", "must not be 0: positive raises the allocation, negative lowers it");
  }
  CheckReason(request.reason(), "reason", &v);
  CheckApprovalNames(request.approving_body(), request.meeting(), request.decision(), "",
                     /*body_required=*/true, &v);
  CheckOptionalDay(request.effective_date(), "effective_date", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v, "request_id");
  WP_RETURN_IF_ERROR(v.ToStatus());

  return MoveMoney(db_, caller,
                   {kAdjustMethod, request.request_id(), request.etag(), *id,
                    v1::BudgetMovement::ALLOCATION_ADJUSTED, request.amount_pence(), "allocation_adjusted"},
                   /*change=*/[&](store::Transaction& tx, v1::BudgetLine& next) -> absl::Status {
                     WP_RETURN_IF_ERROR(ResolveApproval(tx, request.approving_body(), request.meeting(),
                                                        request.decision(), ""));
                     const Pence spent(next.spent_pence());
                     WP_ASSIGN_OR_RETURN(Pence allocated,
                                         Pence(next.allocated_pence()).Add(Pence(request.amount_pence())));
                     if (allocated < spent) {
                       return absl::FailedPreconditionError(
                           absl::StrCat("line ", id->line_id, " has ", FormatPounds(spent),
                                        " spent; its allocation cannot fall to ", FormatPounds(allocated)));
                     }
                     next.set_allocated_pence(allocated.value());
                     return absl::OkStatus();
                   },
                   /*describe=*/[&](v1::BudgetMovement& adjusted) {
                     adjusted.set_reason(request.reason());
                     adjusted.set_approving_body(request.approving_body());
                     adjusted.set_meeting(request.meeting());
                     adjusted.set_decision(request.decision());
                     *adjusted.mutable_effective_date() = EffectiveDate(request.effective_date());
                   });
}

absl::StatusOr<v1::BudgetLine> BudgetLines::RecordSpend(const server::Caller& caller,
                                                        const v1::RecordSpendRequest& request) {
  FieldViolations v;
  const std::optional<LineId> id = ParseLineName(request.name(), "name", &v);
  if (request.amount_pence() <= 0)
    v.Add("amount_pence", absl::StrCat("must be more than ", FormatPounds(Pence(0))));
  CheckRequiredLine(request.description(), "description", &v);
  CheckRequiredDay(request.spent_on(), "spent_on", &v);
  if (calendar::IsSet(request.spent_on()) && calendar::Validate(request.spent_on(), "spent_on", false).ok() &&
      DayText(request.spent_on()) > TodayText()) {
    v.Add("spent_on", "must not be in the future");
  }
  CheckOptionalLine(request.reference(), "reference", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v, "request_id");
  WP_RETURN_IF_ERROR(v.ToStatus());

  return MoveMoney(db_, caller,
                   {kSpendMethod, request.request_id(), request.etag(), *id, v1::BudgetMovement::SPEND_RECORDED,
                    request.amount_pence(), "spend_recorded"},
                   /*change=*/[&](store::Transaction&, v1::BudgetLine& next) -> absl::Status {
                     BudgetLine rules = ToRuleLine(id->line_id, next);
                     WP_RETURN_IF_ERROR(governance::RecordSpend(rules, Pence(request.amount_pence())));
                     next.set_allocated_pence(rules.allocated.value());
                     next.set_spent_pence(rules.spent.value());
                     return absl::OkStatus();
                   },
                   /*describe=*/[&](v1::BudgetMovement& spend) {
                     spend.set_reason(request.description());
                     spend.set_reference(request.reference());
                     *spend.mutable_effective_date() = request.spent_on();
                   });
}

absl::StatusOr<v1::ListBudgetMovementsResponse> BudgetLines::ListBudgetMovements(
    const server::Caller& caller, const v1::ListBudgetMovementsRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kBudgetLinePattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v, "parent");
  if (parent.ok() && (*parent)[0] == kWildcard) {
    v.Add("parent", "must name one plan: only the line may be -, e.g. plans/2022-23/budgetLines/-");
  }
  std::vector<int64_t> kinds;
  for (int i = 0; i < request.kinds_size(); ++i) {
    if (request.kinds(i) == v1::BudgetMovement::KIND_UNSPECIFIED ||
        !v1::BudgetMovement::Kind_IsValid(request.kinds(i))) {
      v.Add(absl::StrCat("kinds[", i, "]"), "must be a movement kind");
    }
    kinds.push_back(request.kinds(i));
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v, "page_size");
  auto token = paging::DecodePageKey(request.page_token(), 3);
  AddViolationsOf(token.status(), &v, "page_token");
  WP_RETURN_IF_ERROR(v.ToStatus());

  std::optional<MovementKey> after;
  if (!token->first_page()) {
    after = MovementKey{0, token->Text(1), 0};
    if (!absl::SimpleAtoi(token->Text(0), &after->create_us) || !absl::SimpleAtoi(token->Text(2), &after->number)) {
      return BadPageToken();
    }
  }
  const std::string plan_id = (*parent)[0];
  const std::string line_id = (*parent)[1] == kWildcard ? "" : (*parent)[1];
  return store::ReadValue<v1::ListBudgetMovementsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListBudgetMovementsResponse> {
        if (line_id.empty()) {
          if (auto plan = LoadPlanRef(tx, plan_id); !plan.ok()) return plan.status();
        } else if (auto line = LoadBudgetLine(tx, plan_id, line_id); !line.ok()) {
          return line.status();
        }
        WP_ASSIGN_OR_RETURN(auto movements,
                            ListMovements(tx, plan_id, line_id, kinds, after, *page_size + 1));
        v1::ListBudgetMovementsResponse response;
        response.set_next_page_token(paging::FillPage(
            movements, *page_size, response.mutable_movements(), [](const v1::BudgetMovement& movement) {
              const MovementKey last = KeyOf(movement);
              return paging::KeyOf(last.create_us, last.line_id, last.number);
            }));
        return response;
      });
}

}  // namespace wp::governance
