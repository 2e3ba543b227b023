// `wpctl budget lines|summary|spend|move|movements`: a plan's budget, in pounds.
#include "tools/wpctl/budget_ledger_views.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/governance_requests.h"
#include "tools/wpctl/plan_views.h"

namespace wp::wpctl {
namespace {

using Stub = gov::PlansService::Stub;

// A move or spend without --request-id gets one, said on stderr, so a retry
// with it (after a timeout, say) cannot move the money twice.
template <typename Request>
void EnsureRequestId(const CommandEnv& env, Request& request) {
  if (!request.request_id().empty()) return;
  request.set_request_id(NewRequestId());
  *env.err << "request id " << request.request_id() << " (to retry safely: --request-id "
           << request.request_id() << ")\n";
}

}  // namespace

CommandResult BudgetLines(const CommandEnv& env, const Args& args) {
  auto request = BudgetLinesRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->plans(), &Stub::ListBudgetLines, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, BudgetLinesText(*all));
}

CommandResult BudgetSummary(const CommandEnv& env, const Args& args) {
  auto request = BudgetSummaryRequest(args);
  if (!request.ok()) return request.status();
  auto summary = env.client->Call(env.client->plans(), &Stub::GetBudgetSummary, *request);
  if (!summary.ok()) return summary.status();
  return Print(env, *summary, BudgetSummaryText(*summary));
}

CommandResult BudgetSpend(const CommandEnv& env, const Args& args) {
  auto request = BudgetSpendRequest(args);
  if (!request.ok()) return request.status();
  EnsureRequestId(env, *request);
  std::string replay_of;
  auto line = env.client->CallIdempotent(env.client->plans(), &Stub::RecordSpend, *request, &replay_of);
  if (!line.ok()) return line.status();
  if (replay_of.empty()) return Print(env, *line, BudgetLineText(*line));
  // A retry: say what the first call recorded, not a second spend.
  gov::ListBudgetMovementsRequest ledger;
  ledger.set_parent(line->name());
  auto movements = env.client->CallAllPages(env.client->plans(), &Stub::ListBudgetMovements, ledger);
  const gov::BudgetMovement* recorded = nullptr;
  if (movements.ok()) {
    for (const gov::BudgetMovement& m : movements->movements()) {
      if (m.name() == replay_of) recorded = &m;
    }
  }
  if (env.json) *env.err << "already recorded as " << replay_of << ": nothing spent now\n";
  return Print(env, *line, ReplayedSpendText(replay_of, recorded, *line));
}

CommandResult BudgetMove(const CommandEnv& env, const Args& args) {
  auto request = BudgetMoveRequest(args);
  if (!request.ok()) return request.status();
  EnsureRequestId(env, *request);
  auto moved = env.client->CallIdempotent(env.client->plans(), &Stub::ReallocateBudget, *request);
  if (!moved.ok()) return moved.status();
  return Print(env, *moved, ReallocationText(*moved));
}

CommandResult BudgetMovements(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> line = BudgetLineName(args.positional.at(0), "");
  if (!line.ok()) return line.status();
  gov::ListBudgetMovementsRequest request;
  request.set_parent(*line);
  auto all = env.client->CallAllPages(env.client->plans(), &Stub::ListBudgetMovements, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, LedgerText(*line, *all));
}

}  // namespace wp::wpctl
