// `wpctl plans list|get|approve|endorse|activate|close` and `wpctl sponsors list`:
// improvement plans, their lifecycle and their Board sponsors.
#include "absl/strings/str_cat.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/governance_names.h"
#include "tools/wpctl/governance_requests.h"
#include "tools/wpctl/plan_views.h"

namespace wp::wpctl {
namespace {

using Stub = gov::PlansService::Stub;

// The four lifecycle requests have the same fields; one template fills them.
template <typename Request>
CommandResult Step(const CommandEnv& env, const Args& args, bool meeting_required,
                   grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, gov::Plan*)) {
  absl::StatusOr<PlanStepArgs> step = PlanStepArgsOf(args, meeting_required);
  if (!step.ok()) return step.status();
  Request request;
  request.set_name(step->plan);
  request.set_meeting(step->meeting);
  request.set_decision(step->decision);
  auto plan = env.client->Call(env.client->plans(), rpc, request);
  if (!plan.ok()) return plan.status();
  return Print(env, *plan, PlanText(*plan));
}

}  // namespace

CommandResult PlansList(const CommandEnv& env, const Args& args) {
  auto all =
      env.client->CallAllPages(env.client->plans(), &Stub::ListPlans, gov::ListPlansRequest());
  if (!all.ok()) return all.status();
  return Print(env, *all, PlansText(*all));
}

CommandResult PlansGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> name = PlanName(args.positional.at(0));
  if (!name.ok()) return name.status();
  gov::GetPlanRequest request;
  request.set_name(*name);
  auto plan = env.client->Call(env.client->plans(), &Stub::GetPlan, request);
  if (!plan.ok()) return plan.status();
  // JSON is the plan alone (one message); the text adds its amendments.
  if (env.json) return Print(env, *plan, "");
  gov::ListPlanAmendmentsRequest amendments_request;
  amendments_request.set_parent(*name);
  auto amendments =
      env.client->CallAllPages(env.client->plans(), &Stub::ListPlanAmendments, amendments_request);
  if (!amendments.ok()) return amendments.status();
  return Print(env, *plan, absl::StrCat(PlanText(*plan), "\n", AmendmentsText(*amendments)));
}

// Approval and endorsement always happen at a meeting; activation and
// closing may not (the API leaves their meeting optional).
CommandResult PlansApprove(const CommandEnv& env, const Args& args) {
  return Step<gov::ApprovePlanRequest>(env, args, /*meeting_required=*/true, &Stub::ApprovePlan);
}

CommandResult PlansEndorse(const CommandEnv& env, const Args& args) {
  return Step<gov::EndorsePlanRequest>(env, args, /*meeting_required=*/true, &Stub::EndorsePlan);
}

CommandResult PlansActivate(const CommandEnv& env, const Args& args) {
  return Step<gov::ActivatePlanRequest>(env, args, /*meeting_required=*/false, &Stub::ActivatePlan);
}

CommandResult PlansClose(const CommandEnv& env, const Args& args) {
  return Step<gov::ClosePlanRequest>(env, args, /*meeting_required=*/false, &Stub::ClosePlan);
}

CommandResult SponsorsList(const CommandEnv& env, const Args& args) {
  auto request = SponsorsListRequest(args);
  if (!request.ok()) return request.status();
  auto all = env.client->CallAllPages(env.client->plans(), &Stub::ListSponsorships, *request);
  if (!all.ok()) return all.status();
  return Print(env, *all, SponsorshipsText(*all));
}

}  // namespace wp::wpctl
