// `wpctl budget lines|summary|spend|move`: a plan's budget, in pounds.
#include "tools/wpctl/commands.h"
#include "tools/wpctl/governance_requests.h"
#include "tools/wpctl/plan_views.h"

namespace wp::wpctl {
namespace {

using Stub = gov::PlansService::Stub;

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
  auto line = env.client->Call(env.client->plans(), &Stub::RecordSpend, *request);
  if (!line.ok()) return line.status();
  return Print(env, *line, BudgetLineText(*line));
}

CommandResult BudgetMove(const CommandEnv& env, const Args& args) {
  auto request = BudgetMoveRequest(args);
  if (!request.ok()) return request.status();
  auto moved = env.client->Call(env.client->plans(), &Stub::ReallocateBudget, *request);
  if (!moved.ok()) return moved.status();
  return Print(env, *moved, ReallocationText(*moved));
}

}  // namespace wp::wpctl
