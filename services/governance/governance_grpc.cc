#include "services/governance/governance_grpc.h"

#include "libs/authz/serve.h"
#include "libs/server/request_context.h"

namespace wp::governance {

grpc::Status GovernanceGrpc::GetAuthority(grpc::ServerContext* ctx,
    const v1::GetAuthorityRequest* req,
    v1::Authority* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.GetAuthority(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListAuthorities(grpc::ServerContext* ctx,
    const v1::ListAuthoritiesRequest* req,
    v1::ListAuthoritiesResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.ListAuthorities(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetPopulation(grpc::ServerContext* ctx,
    const v1::GetPopulationRequest* req,
    v1::Population* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.GetPopulation(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListPopulations(grpc::ServerContext* ctx,
    const v1::ListPopulationsRequest* req,
    v1::ListPopulationsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.ListPopulations(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdatePopulation(grpc::ServerContext* ctx,
    const v1::UpdatePopulationRequest* req,
    v1::Population* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.UpdatePopulation(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetRegionPopulation(grpc::ServerContext* ctx,
    const v1::GetRegionPopulationRequest* req,
    v1::RegionPopulation* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.authorities.GetRegionPopulation(caller, *req);
  });
}

grpc::Status GovernanceGrpc::CreatePerson(grpc::ServerContext* ctx,
    const v1::CreatePersonRequest* req,
    v1::Person* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.people.CreatePerson(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* req,
    v1::Person* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.people.GetPerson(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListPeople(grpc::ServerContext* ctx, const v1::ListPeopleRequest* req,
    v1::ListPeopleResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.people.ListPeople(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdatePerson(grpc::ServerContext* ctx,
    const v1::UpdatePersonRequest* req,
    v1::Person* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.people.UpdatePerson(caller, *req);
  });
}

grpc::Status GovernanceGrpc::CreateBody(grpc::ServerContext* ctx, const v1::CreateBodyRequest* req,
    v1::Body* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.bodies.CreateBody(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetBody(grpc::ServerContext* ctx, const v1::GetBodyRequest* req,
    v1::Body* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.bodies.GetBody(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListBodies(grpc::ServerContext* ctx, const v1::ListBodiesRequest* req,
    v1::ListBodiesResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.bodies.ListBodies(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdateBody(grpc::ServerContext* ctx, const v1::UpdateBodyRequest* req,
    v1::Body* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.bodies.UpdateBody(caller, *req);
  });
}

grpc::Status GovernanceGrpc::CreateMembership(grpc::ServerContext* ctx,
    const v1::CreateMembershipRequest* req,
    v1::Membership* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.memberships.CreateMembership(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetMembership(grpc::ServerContext* ctx,
    const v1::GetMembershipRequest* req,
    v1::Membership* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.memberships.GetMembership(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListMemberships(grpc::ServerContext* ctx,
    const v1::ListMembershipsRequest* req,
    v1::ListMembershipsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.memberships.ListMemberships(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdateMembership(grpc::ServerContext* ctx,
    const v1::UpdateMembershipRequest* req,
    v1::Membership* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.memberships.UpdateMembership(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ScheduleMeeting(grpc::ServerContext* ctx,
    const v1::ScheduleMeetingRequest* req,
    v1::Meeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.ScheduleMeeting(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetMeeting(grpc::ServerContext* ctx, const v1::GetMeetingRequest* req,
    v1::Meeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.GetMeeting(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListMeetings(grpc::ServerContext* ctx,
    const v1::ListMeetingsRequest* req,
    v1::ListMeetingsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.ListMeetings(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdateMeeting(grpc::ServerContext* ctx,
    const v1::UpdateMeetingRequest* req,
    v1::Meeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.UpdateMeeting(caller, *req);
  });
}

grpc::Status GovernanceGrpc::RecordMeetingHeld(grpc::ServerContext* ctx,
    const v1::RecordMeetingHeldRequest* req,
    v1::Meeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.RecordMeetingHeld(caller, *req);
  });
}

grpc::Status GovernanceGrpc::CancelMeeting(grpc::ServerContext* ctx,
    const v1::CancelMeetingRequest* req,
    v1::Meeting* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.meetings.CancelMeeting(caller, *req);
  });
}

grpc::ServerUnaryReactor* GovernanceGrpc::GetMeetingPack(grpc::CallbackServerContext* ctx,
    const v1::GetMeetingPackRequest* req, v1::MeetingPack* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.aggregates.GetMeetingPack(caller, *req);
  }));
  return reactor;
}

grpc::Status GovernanceGrpc::RecordDecision(grpc::ServerContext* ctx,
    const v1::RecordDecisionRequest* req,
    v1::Decision* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.decisions.RecordDecision(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetDecision(grpc::ServerContext* ctx,
    const v1::GetDecisionRequest* req,
    v1::Decision* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.decisions.GetDecision(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListDecisions(grpc::ServerContext* ctx,
    const v1::ListDecisionsRequest* req,
    v1::ListDecisionsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.decisions.ListDecisions(caller, *req);
  });
}

grpc::Status GovernanceGrpc::CreateAction(grpc::ServerContext* ctx,
    const v1::CreateActionRequest* req,
    v1::Action* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.actions.CreateAction(caller, *req);
  });
}

grpc::Status GovernanceGrpc::GetAction(grpc::ServerContext* ctx, const v1::GetActionRequest* req,
    v1::Action* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.actions.GetAction(caller, *req);
  });
}

grpc::Status GovernanceGrpc::ListActions(grpc::ServerContext* ctx,
    const v1::ListActionsRequest* req,
    v1::ListActionsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.actions.ListActions(caller, *req);
  });
}

grpc::Status GovernanceGrpc::UpdateAction(grpc::ServerContext* ctx,
    const v1::UpdateActionRequest* req,
    v1::Action* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.actions.UpdateAction(caller, *req);
  });
}

grpc::Status PlansGrpc::CreatePlan(grpc::ServerContext* ctx, const v1::CreatePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.CreatePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::GetPlan(grpc::ServerContext* ctx, const v1::GetPlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.GetPlan(caller, *req);
  });
}

grpc::Status PlansGrpc::ListPlans(grpc::ServerContext* ctx, const v1::ListPlansRequest* req,
    v1::ListPlansResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.ListPlans(caller, *req);
  });
}

grpc::Status PlansGrpc::UpdatePlan(grpc::ServerContext* ctx, const v1::UpdatePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.UpdatePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::ApprovePlan(grpc::ServerContext* ctx, const v1::ApprovePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.ApprovePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::EndorsePlan(grpc::ServerContext* ctx, const v1::EndorsePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.EndorsePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::ActivatePlan(grpc::ServerContext* ctx, const v1::ActivatePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.ActivatePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::ClosePlan(grpc::ServerContext* ctx, const v1::ClosePlanRequest* req,
    v1::Plan* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.plans.ClosePlan(caller, *req);
  });
}

grpc::Status PlansGrpc::AmendPlan(grpc::ServerContext* ctx, const v1::AmendPlanRequest* req,
    v1::PlanAmendment* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.amendments.AmendPlan(caller, *req);
  });
}

grpc::Status PlansGrpc::GetPlanAmendment(grpc::ServerContext* ctx,
    const v1::GetPlanAmendmentRequest* req,
    v1::PlanAmendment* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.amendments.GetPlanAmendment(caller, *req);
  });
}

grpc::Status PlansGrpc::ListPlanAmendments(grpc::ServerContext* ctx,
    const v1::ListPlanAmendmentsRequest* req,
    v1::ListPlanAmendmentsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.amendments.ListPlanAmendments(caller, *req);
  });
}

grpc::Status PlansGrpc::AssignSponsor(grpc::ServerContext* ctx, const v1::AssignSponsorRequest* req,
    v1::Sponsorship* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.sponsorships.AssignSponsor(caller, *req);
  });
}

grpc::Status PlansGrpc::GetSponsorship(grpc::ServerContext* ctx,
    const v1::GetSponsorshipRequest* req,
    v1::Sponsorship* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.sponsorships.GetSponsorship(caller, *req);
  });
}

grpc::Status PlansGrpc::ListSponsorships(grpc::ServerContext* ctx,
    const v1::ListSponsorshipsRequest* req,
    v1::ListSponsorshipsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.sponsorships.ListSponsorships(caller, *req);
  });
}

grpc::Status PlansGrpc::EndSponsorship(grpc::ServerContext* ctx,
    const v1::EndSponsorshipRequest* req,
    v1::Sponsorship* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.sponsorships.EndSponsorship(caller, *req);
  });
}

grpc::Status PlansGrpc::CreateBudgetLine(grpc::ServerContext* ctx,
    const v1::CreateBudgetLineRequest* req,
    v1::BudgetLine* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.CreateBudgetLine(caller, *req);
  });
}

grpc::Status PlansGrpc::GetBudgetLine(grpc::ServerContext* ctx, const v1::GetBudgetLineRequest* req,
    v1::BudgetLine* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.GetBudgetLine(caller, *req);
  });
}

grpc::Status PlansGrpc::ListBudgetLines(grpc::ServerContext* ctx,
    const v1::ListBudgetLinesRequest* req,
    v1::ListBudgetLinesResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.ListBudgetLines(caller, *req);
  });
}

grpc::Status PlansGrpc::UpdateBudgetLine(grpc::ServerContext* ctx,
    const v1::UpdateBudgetLineRequest* req,
    v1::BudgetLine* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.UpdateBudgetLine(caller, *req);
  });
}

grpc::Status PlansGrpc::AdjustAllocation(grpc::ServerContext* ctx,
    const v1::AdjustAllocationRequest* req,
    v1::BudgetLine* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.AdjustAllocation(caller, *req);
  });
}

grpc::Status PlansGrpc::RecordSpend(grpc::ServerContext* ctx, const v1::RecordSpendRequest* req,
    v1::BudgetLine* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.RecordSpend(caller, *req);
  });
}

grpc::Status PlansGrpc::ReallocateBudget(grpc::ServerContext* ctx,
    const v1::ReallocateBudgetRequest* req,
    v1::ReallocateBudgetResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.reallocations.ReallocateBudget(caller, *req);
  });
}

grpc::Status PlansGrpc::GetReallocation(grpc::ServerContext* ctx,
    const v1::GetReallocationRequest* req,
    v1::Reallocation* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.reallocations.GetReallocation(caller, *req);
  });
}

grpc::Status PlansGrpc::ListReallocations(grpc::ServerContext* ctx,
    const v1::ListReallocationsRequest* req,
    v1::ListReallocationsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.reallocations.ListReallocations(caller, *req);
  });
}

grpc::Status PlansGrpc::ListBudgetMovements(grpc::ServerContext* ctx,
    const v1::ListBudgetMovementsRequest* req,
    v1::ListBudgetMovementsResponse* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.budget_lines.ListBudgetMovements(caller, *req);
  });
}

grpc::ServerUnaryReactor* PlansGrpc::GetBudgetSummary(grpc::CallbackServerContext* ctx,
    const v1::GetBudgetSummaryRequest* req, v1::BudgetSummary* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return domain_.aggregates.GetBudgetSummary(caller, *req);
  }));
  return reactor;
}

}  // namespace wp::governance
