// The gRPC face of the governance service: each method admits the caller
// (authenticated and authorized by the interceptor, libs/authz), calls the
// domain class that owns the RPC and converts its absl::Status. No rules
// here: one line of routing per RPC.
//
// The two aggregates dashboards poll, GetMeetingPack and GetBudgetSummary,
// run on gRPC's callback API: a cached answer is ready at once, so it is
// sent from the thread that read the request instead of a worker thread.
//
// Thread-safe: gRPC calls these from many threads; the domain classes are
// thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_GOVERNANCE_GRPC_H_
#define WP_SERVICES_GOVERNANCE_GOVERNANCE_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/governance/domain_classes.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"

namespace wp::governance {

class GovernanceGrpc final
    : public v1::GovernanceService::WithCallbackMethod_GetMeetingPack<
          v1::GovernanceService::Service> {
 public:
  GovernanceGrpc(const DomainClasses& domain, const authz::CallGuard& guard)
      : domain_(domain), guard_(guard) {}

  grpc::Status GetAuthority(grpc::ServerContext* ctx, const v1::GetAuthorityRequest* req,
      v1::Authority* resp) override;
  grpc::Status ListAuthorities(grpc::ServerContext* ctx, const v1::ListAuthoritiesRequest* req,
      v1::ListAuthoritiesResponse* resp) override;
  grpc::Status GetPopulation(grpc::ServerContext* ctx, const v1::GetPopulationRequest* req,
      v1::Population* resp) override;
  grpc::Status ListPopulations(grpc::ServerContext* ctx, const v1::ListPopulationsRequest* req,
      v1::ListPopulationsResponse* resp) override;
  grpc::Status UpdatePopulation(grpc::ServerContext* ctx, const v1::UpdatePopulationRequest* req,
      v1::Population* resp) override;
  grpc::Status GetRegionPopulation(grpc::ServerContext* ctx,
      const v1::GetRegionPopulationRequest* req,
      v1::RegionPopulation* resp) override;
  grpc::Status CreatePerson(grpc::ServerContext* ctx, const v1::CreatePersonRequest* req,
      v1::Person* resp) override;
  grpc::Status GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* req,
      v1::Person* resp) override;
  grpc::Status ListPeople(grpc::ServerContext* ctx, const v1::ListPeopleRequest* req,
      v1::ListPeopleResponse* resp) override;
  grpc::Status UpdatePerson(grpc::ServerContext* ctx, const v1::UpdatePersonRequest* req,
      v1::Person* resp) override;
  grpc::Status CreateBody(grpc::ServerContext* ctx, const v1::CreateBodyRequest* req,
      v1::Body* resp) override;
  grpc::Status GetBody(grpc::ServerContext* ctx, const v1::GetBodyRequest* req,
      v1::Body* resp) override;
  grpc::Status ListBodies(grpc::ServerContext* ctx, const v1::ListBodiesRequest* req,
      v1::ListBodiesResponse* resp) override;
  grpc::Status UpdateBody(grpc::ServerContext* ctx, const v1::UpdateBodyRequest* req,
      v1::Body* resp) override;
  grpc::Status CreateMembership(grpc::ServerContext* ctx, const v1::CreateMembershipRequest* req,
      v1::Membership* resp) override;
  grpc::Status GetMembership(grpc::ServerContext* ctx, const v1::GetMembershipRequest* req,
      v1::Membership* resp) override;
  grpc::Status ListMemberships(grpc::ServerContext* ctx, const v1::ListMembershipsRequest* req,
      v1::ListMembershipsResponse* resp) override;
  grpc::Status UpdateMembership(grpc::ServerContext* ctx, const v1::UpdateMembershipRequest* req,
      v1::Membership* resp) override;
  grpc::Status ScheduleMeeting(grpc::ServerContext* ctx, const v1::ScheduleMeetingRequest* req,
      v1::Meeting* resp) override;
  grpc::Status GetMeeting(grpc::ServerContext* ctx, const v1::GetMeetingRequest* req,
      v1::Meeting* resp) override;
  grpc::Status ListMeetings(grpc::ServerContext* ctx, const v1::ListMeetingsRequest* req,
      v1::ListMeetingsResponse* resp) override;
  grpc::Status UpdateMeeting(grpc::ServerContext* ctx, const v1::UpdateMeetingRequest* req,
      v1::Meeting* resp) override;
  grpc::Status RecordMeetingHeld(grpc::ServerContext* ctx, const v1::RecordMeetingHeldRequest* req,
      v1::Meeting* resp) override;
  grpc::Status CancelMeeting(grpc::ServerContext* ctx, const v1::CancelMeetingRequest* req,
      v1::Meeting* resp) override;
  grpc::ServerUnaryReactor* GetMeetingPack(grpc::CallbackServerContext* ctx,
      const v1::GetMeetingPackRequest* req, v1::MeetingPack* resp) override;
  grpc::Status RecordDecision(grpc::ServerContext* ctx, const v1::RecordDecisionRequest* req,
      v1::Decision* resp) override;
  grpc::Status GetDecision(grpc::ServerContext* ctx, const v1::GetDecisionRequest* req,
      v1::Decision* resp) override;
  grpc::Status ListDecisions(grpc::ServerContext* ctx, const v1::ListDecisionsRequest* req,
      v1::ListDecisionsResponse* resp) override;
  grpc::Status CreateAction(grpc::ServerContext* ctx, const v1::CreateActionRequest* req,
      v1::Action* resp) override;
  grpc::Status GetAction(grpc::ServerContext* ctx, const v1::GetActionRequest* req,
      v1::Action* resp) override;
  grpc::Status ListActions(grpc::ServerContext* ctx, const v1::ListActionsRequest* req,
      v1::ListActionsResponse* resp) override;
  grpc::Status UpdateAction(grpc::ServerContext* ctx, const v1::UpdateActionRequest* req,
      v1::Action* resp) override;

 private:
  const DomainClasses& domain_;
  const authz::CallGuard& guard_;
};

class PlansGrpc final
    : public v1::PlansService::WithCallbackMethod_GetBudgetSummary<v1::PlansService::Service> {
 public:
  PlansGrpc(const DomainClasses& domain, const authz::CallGuard& guard)
      : domain_(domain), guard_(guard) {}

  grpc::Status CreatePlan(grpc::ServerContext* ctx, const v1::CreatePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status GetPlan(grpc::ServerContext* ctx, const v1::GetPlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status ListPlans(grpc::ServerContext* ctx, const v1::ListPlansRequest* req,
      v1::ListPlansResponse* resp) override;
  grpc::Status UpdatePlan(grpc::ServerContext* ctx, const v1::UpdatePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status ApprovePlan(grpc::ServerContext* ctx, const v1::ApprovePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status EndorsePlan(grpc::ServerContext* ctx, const v1::EndorsePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status ActivatePlan(grpc::ServerContext* ctx, const v1::ActivatePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status ClosePlan(grpc::ServerContext* ctx, const v1::ClosePlanRequest* req,
      v1::Plan* resp) override;
  grpc::Status AmendPlan(grpc::ServerContext* ctx, const v1::AmendPlanRequest* req,
      v1::PlanAmendment* resp) override;
  grpc::Status GetPlanAmendment(grpc::ServerContext* ctx, const v1::GetPlanAmendmentRequest* req,
      v1::PlanAmendment* resp) override;
  grpc::Status ListPlanAmendments(grpc::ServerContext* ctx,
      const v1::ListPlanAmendmentsRequest* req,
      v1::ListPlanAmendmentsResponse* resp) override;
  grpc::Status AssignSponsor(grpc::ServerContext* ctx, const v1::AssignSponsorRequest* req,
      v1::Sponsorship* resp) override;
  grpc::Status GetSponsorship(grpc::ServerContext* ctx, const v1::GetSponsorshipRequest* req,
      v1::Sponsorship* resp) override;
  grpc::Status ListSponsorships(grpc::ServerContext* ctx, const v1::ListSponsorshipsRequest* req,
      v1::ListSponsorshipsResponse* resp) override;
  grpc::Status EndSponsorship(grpc::ServerContext* ctx, const v1::EndSponsorshipRequest* req,
      v1::Sponsorship* resp) override;
  grpc::Status CreateBudgetLine(grpc::ServerContext* ctx, const v1::CreateBudgetLineRequest* req,
      v1::BudgetLine* resp) override;
  grpc::Status GetBudgetLine(grpc::ServerContext* ctx, const v1::GetBudgetLineRequest* req,
      v1::BudgetLine* resp) override;
  grpc::Status ListBudgetLines(grpc::ServerContext* ctx, const v1::ListBudgetLinesRequest* req,
      v1::ListBudgetLinesResponse* resp) override;
  grpc::Status UpdateBudgetLine(grpc::ServerContext* ctx, const v1::UpdateBudgetLineRequest* req,
      v1::BudgetLine* resp) override;
  grpc::Status AdjustAllocation(grpc::ServerContext* ctx, const v1::AdjustAllocationRequest* req,
      v1::BudgetLine* resp) override;
  grpc::Status RecordSpend(grpc::ServerContext* ctx, const v1::RecordSpendRequest* req,
      v1::BudgetLine* resp) override;
  grpc::Status ReallocateBudget(grpc::ServerContext* ctx, const v1::ReallocateBudgetRequest* req,
      v1::ReallocateBudgetResponse* resp) override;
  grpc::Status GetReallocation(grpc::ServerContext* ctx, const v1::GetReallocationRequest* req,
      v1::Reallocation* resp) override;
  grpc::Status ListReallocations(grpc::ServerContext* ctx, const v1::ListReallocationsRequest* req,
      v1::ListReallocationsResponse* resp) override;
  grpc::Status ListBudgetMovements(grpc::ServerContext* ctx,
      const v1::ListBudgetMovementsRequest* req,
      v1::ListBudgetMovementsResponse* resp) override;
  grpc::ServerUnaryReactor* GetBudgetSummary(grpc::CallbackServerContext* ctx,
      const v1::GetBudgetSummaryRequest* req, v1::BudgetSummary* resp) override;

 private:
  const DomainClasses& domain_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_GOVERNANCE_GRPC_H_
