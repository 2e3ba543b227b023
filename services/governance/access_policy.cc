#include "services/governance/access_policy.h"

#include <string>

namespace wp::governance {
namespace {

void Allow(authz::RoleTable& table, const char* service, std::initializer_list<const char*> methods,
           const std::set<auth::Role>& roles) {
  for (const char* method : methods) {
    table[std::string("/wp.governance.v1.") + service + "/" + method] = roles;
  }
}

}  // namespace

authz::RoleTable AccessPolicy() {
  authz::RoleTable table;
  // Governance records are read by everyone inside the partnership and
  // written by the core team.
  Allow(table, "GovernanceService",
        {"GetAuthority", "ListAuthorities", "GetPerson", "ListPeople", "GetBody", "ListBodies",
         "GetMembership", "ListMemberships", "GetMeeting", "ListMeetings", "GetMeetingPack",
         "GetDecision", "ListDecisions", "GetAction", "ListActions"},
        authz::Readers());
  Allow(table, "GovernanceService",
        {"CreatePerson", "UpdatePerson", "CreateBody", "UpdateBody", "CreateMembership",
         "UpdateMembership", "ScheduleMeeting", "UpdateMeeting", "RecordMeetingHeld",
         "CancelMeeting", "RecordDecision", "CreateAction", "UpdateAction"},
        authz::Writers());
  // Population figures are the denominators of every reach percentage, so
  // partners (other regions, dashboards) read them too.
  Allow(table, "GovernanceService", {"GetPopulation", "ListPopulations", "GetRegionPopulation"},
        authz::AggregateReaders());
  std::set<auth::Role> population_writers = authz::Writers();
  population_writers.insert(auth::Role::kAuthorityOfficer);  // its own authorities only
  Allow(table, "GovernanceService", {"UpdatePopulation"}, population_writers);

  Allow(table, "PlansService",
        {"GetPlan", "ListPlans", "GetPlanAmendment", "ListPlanAmendments", "GetSponsorship",
         "ListSponsorships", "GetBudgetLine", "ListBudgetLines", "GetReallocation",
         "ListReallocations", "ListBudgetMovements"},
        authz::Readers());
  Allow(table, "PlansService",
        {"CreatePlan", "UpdatePlan", "ApprovePlan", "EndorsePlan", "ActivatePlan", "ClosePlan",
         "AmendPlan", "AssignSponsor", "EndSponsorship", "CreateBudgetLine", "UpdateBudgetLine",
         "AdjustAllocation", "RecordSpend", "ReallocateBudget"},
        authz::Writers());
  // The budget summary is an aggregate for dashboards and Board reports.
  Allow(table, "PlansService", {"GetBudgetSummary"}, authz::AggregateReaders());

  // The runtime adds the rows of the RPCs it serves itself (audit, outbox,
  // backups, log level, status): libs/runtime/platform_policy.h.
  return table;
}

}  // namespace wp::governance
