#include "services/governance/budgets/reallocations.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag.h"
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

constexpr char kMethod[] = "ReallocateBudget";

// One end of the move: a line of the parent plan, parsed into `out`.
void CheckLineOfPlan(const std::string& name, const std::string& field,
                     const absl::StatusOr<std::vector<std::string>>& plan, std::optional<LineId>* out,
                     FieldViolations* v) {
  if (name.empty()) {
    v->Add(field, "is required");
    return;
  }
  *out = ParseLineName(name, field, v);
  if (out->has_value() && plan.ok() && (*out)->plan_id != (*plan)[0]) {
    v->Add(field, absl::StrCat("must be a line of ", PlanName((*plan)[0]), ", the parent"));
  }
}

// The movement one line gets: `amount` signed for that line.
v1::BudgetMovement MovementOf(const v1::Reallocation& x, v1::BudgetMovement::Kind kind, int64_t amount,
                              const BudgetLine& after, const std::string& counterpart,
                              const server::Caller& caller) {
  v1::BudgetMovement m;
  m.set_kind(kind);
  m.set_amount_pence(amount);
  m.set_allocated_after_pence(after.allocated.value());
  m.set_spent_after_pence(after.spent.value());
  m.set_reason(x.reason());
  m.set_approving_body(x.approving_body());
  m.set_meeting(x.meeting());
  m.set_decision(x.decision());
  m.set_reallocation(x.name());
  m.set_counterpart_line(counterpart);
  *m.mutable_effective_date() = x.effective_date();
  m.set_recorded_by(caller.actor);
  return m;
}

}  // namespace

absl::StatusOr<v1::ReallocateBudgetResponse> Reallocations::ReallocateBudget(
    const server::Caller& caller, const v1::ReallocateBudgetRequest& request) {
  const v1::Reallocation& x = request.reallocation();
  FieldViolations v;
  auto plan_parts = ParseName(request.parent(), kPlanPattern, "parent");
  AddViolationsOf(plan_parts.status(), &v, "parent");
  std::optional<LineId> from;
  std::optional<LineId> to;
  CheckLineOfPlan(x.from_line(), "reallocation.from_line", plan_parts, &from, &v);
  CheckLineOfPlan(x.to_line(), "reallocation.to_line", plan_parts, &to, &v);
  if (from.has_value() && to.has_value() && from->plan_id == to->plan_id && from->line_id == to->line_id) {
    v.Add("reallocation.to_line", "must be another line than from_line");
  }
  if (x.amount_pence() <= 0) {
    v.Add("reallocation.amount_pence", absl::StrCat("must be more than ", FormatPounds(Pence(0))));
  }
  CheckReason(x.reason(), "reallocation.reason", &v);
  CheckApprovalNames(x.approving_body(), x.meeting(), x.decision(), "reallocation.", /*body_required=*/true,
                     &v);
  CheckOptionalDay(x.effective_date(), "reallocation.effective_date", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v, "request_id");
  WP_RETURN_IF_ERROR(v.ToStatus());

  const std::string plan_id = (*plan_parts)[0];
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::ReallocateBudgetResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ReallocateBudgetResponse> {
        return store::CreateOnce<v1::ReallocateBudgetResponse>(
            tx, {kMethod, request.request_id(), now},
            [&](const std::string& made) -> absl::StatusOr<v1::ReallocateBudgetResponse> {
              WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kReallocationPattern, "request_id"));
              WP_ASSIGN_OR_RETURN(auto earlier, LoadReallocationResponse(tx, parts[0], NumberPart(parts[1])));
              earlier.set_replayed(true);
              return earlier;
            },
            [&]() -> absl::StatusOr<v1::ReallocateBudgetResponse> {
              WP_ASSIGN_OR_RETURN(auto plan, LoadPlanRef(tx, plan_id));
              if (plan.state == v1::Plan::CLOSED) {
                return absl::FailedPreconditionError(
                    absl::StrCat(plan.name, " is CLOSED; its budget cannot be reallocated"));
              }
              WP_ASSIGN_OR_RETURN(auto from_line, LoadBudgetLine(tx, plan_id, from->line_id));
              WP_ASSIGN_OR_RETURN(auto to_line, LoadBudgetLine(tx, plan_id, to->line_id));
              const int64_t from_version = store::VersionOf(from_line.etag());
              const int64_t to_version = store::VersionOf(to_line.etag());
              if (absl::Status s = store::CheckEtag(request.from_etag(), from_version, from_line.name()); !s.ok())
                return s;
              if (absl::Status s = store::CheckEtag(request.to_etag(), to_version, to_line.name()); !s.ok())
                return s;
              if (from_line.financial_year() != to_line.financial_year()) {
                return InvalidField(
                    "reallocation.to_line",
                    absl::StrCat("is a line of ", to_line.financial_year(), " and from_line of ",
                                 from_line.financial_year(), "; money moves only within one financial year"));
              }
              // Lines created before years were checked may lie outside the plan.
              if (absl::Status s = CheckYearInPlan(plan, from_line.financial_year(), "reallocation.from_line"); !s.ok())
                return s;
              if (absl::Status s =
                      ResolveApproval(tx, x.approving_body(), x.meeting(), x.decision(), "reallocation.");
                  !s.ok()) {
                return s;
              }

              BudgetLine from_rules = ToRuleLine(from->line_id, from_line);
              BudgetLine to_rules = ToRuleLine(to->line_id, to_line);
              if (absl::Status s =
                      Reallocate(from_rules, to_rules, Pence(x.amount_pence()), x.reason(), x.approving_body());
                  !s.ok()) {
                return s;
              }
              WP_ASSIGN_OR_RETURN(auto number, NextReallocationNumber(tx, plan_id));

              v1::ReallocateBudgetResponse response;
              v1::Reallocation* stored = response.mutable_reallocation();
              stored->set_name(ReallocationName(plan_id, number));
              stored->set_from_line(from_line.name());
              stored->set_to_line(to_line.name());
              stored->set_financial_year(from_line.financial_year());
              stored->set_amount_pence(x.amount_pence());
              stored->set_reason(x.reason());
              stored->set_approving_body(x.approving_body());
              stored->set_meeting(x.meeting());
              stored->set_decision(x.decision());
              *stored->mutable_effective_date() = EffectiveDate(x.effective_date());
              *stored->mutable_create_time() = calendar::TimestampOf(now);

              WP_RETURN_IF_ERROR(SaveLineAmounts(tx, plan_id, from->line_id, from_version, from_rules.allocated,
                                                   from_rules.spent, now));
              WP_RETURN_IF_ERROR(
                  SaveLineAmounts(tx, plan_id, to->line_id, to_version, to_rules.allocated, to_rules.spent, now));
              WP_RETURN_IF_ERROR(AppendMovement(tx, plan_id, from->line_id,
                                                MovementOf(*stored, v1::BudgetMovement::REALLOCATED_OUT,
                                                           -x.amount_pence(), from_rules, to_line.name(), caller),
                                                now)
                                     .status());
              WP_RETURN_IF_ERROR(AppendMovement(tx, plan_id, to->line_id,
                                                MovementOf(*stored, v1::BudgetMovement::REALLOCATED_IN,
                                                           x.amount_pence(), to_rules, from_line.name(), caller),
                                                now)
                                     .status());

              WP_ASSIGN_OR_RETURN(auto from_after, LoadBudgetLine(tx, plan_id, from->line_id));
              WP_ASSIGN_OR_RETURN(auto to_after, LoadBudgetLine(tx, plan_id, to->line_id));
              *response.mutable_from_line() = from_after;
              *response.mutable_to_line() = to_after;
              WP_RETURN_IF_ERROR(InsertReallocation(tx, plan_id, number, response, now));

              v1::BudgetReallocated event;
              *event.mutable_reallocation() = response.reallocation();
              *event.mutable_from_line() = response.from_line();
              *event.mutable_to_line() = response.to_line();
              // Found in the trail of either line (audit_log.h: related resources).
              const audit::AuditDetail lines{nullptr, {from_line.name(), to_line.name()}};
              if (auto seq = EmitEvent(tx, caller, "budget", "reallocated", stored->name(), event, lines); !seq.ok()) {
                return seq.status();
              }
              return response;
            },
            [](const v1::ReallocateBudgetResponse& made) { return made.reallocation().name(); });
      });
}

absl::StatusOr<v1::Reallocation> Reallocations::GetReallocation(const server::Caller& caller,
                                                                const v1::GetReallocationRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kReallocationPattern, "name"));
  return store::ReadValue<v1::Reallocation>(db_, [&](store::Transaction& tx) {
    return LoadReallocation(tx, parts[0], NumberPart(parts[1]));
  });
}

absl::StatusOr<v1::ListReallocationsResponse> Reallocations::ListReallocations(
    const server::Caller& caller, const v1::ListReallocationsRequest& request) {
  FieldViolations v;
  auto parent = ParseName(request.parent(), kPlanPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v, "parent");
  if (!request.financial_year().empty() && !IsValidFinancialYear(request.financial_year())) {
    v.Add("financial_year", "must be a financial year like 2022-23");
  }
  std::optional<LineId> line;
  if (!request.budget_line().empty()) {
    line = ParseLineName(request.budget_line(), "budget_line", &v);
    if (line.has_value() && parent.ok() && (*parent)[0] != kWildcard && line->plan_id != (*parent)[0]) {
      v.Add("budget_line", absl::StrCat("must be a line of ", PlanName((*parent)[0]), ", the parent"));
    }
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v, "page_size");
  auto token = paging::DecodePageKey(request.page_token(), 3);
  AddViolationsOf(token.status(), &v, "page_token");
  WP_RETURN_IF_ERROR(v.ToStatus());

  std::optional<ReallocationKey> after;
  if (!token->first_page()) {
    after = ReallocationKey{0, token->Text(1), 0};
    if (!absl::SimpleAtoi(token->Text(0), &after->create_us) || !absl::SimpleAtoi(token->Text(2), &after->number)) {
      return InvalidField("page_token", "is not a token this service returned");
    }
  }
  ReallocationFilter filter;
  filter.plan_id = (*parent)[0] == kWildcard ? "" : (*parent)[0];
  filter.financial_year = request.financial_year();
  if (line.has_value()) {
    // A line belongs to one plan, so filtering by it narrows plans/- to that plan.
    filter.plan_id = line->plan_id;
    filter.line_id = line->line_id;
  }
  const bool one_plan = (*parent)[0] != kWildcard;
  return store::ReadValue<v1::ListReallocationsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListReallocationsResponse> {
        if (one_plan) {
          if (auto plan = LoadPlanRef(tx, filter.plan_id); !plan.ok()) return plan.status();
        }
        WP_ASSIGN_OR_RETURN(auto rows, ListReallocationRows(tx, filter, after, *page_size + 1));
        v1::ListReallocationsResponse response;
        response.set_next_page_token(paging::FillPage(
            rows, *page_size, response.mutable_reallocations(), [](const v1::Reallocation& reallocation) {
              const ReallocationKey last = KeyOf(reallocation);
              return paging::KeyOf(last.create_us, last.plan_id, last.number);
            }));
        return response;
      });
}

}  // namespace wp::governance
