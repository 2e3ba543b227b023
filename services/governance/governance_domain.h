// Every domain class of the governance service, gathered for the gRPC layer,
// which routes each RPC to the one that owns it. main.cc owns the objects.
#ifndef WP_SERVICES_GOVERNANCE_GOVERNANCE_DOMAIN_H_
#define WP_SERVICES_GOVERNANCE_GOVERNANCE_DOMAIN_H_

#include "services/governance/actions.h"
#include "services/governance/authorities.h"
#include "services/governance/bodies.h"
#include "services/governance/budget_lines.h"
#include "services/governance/cached_aggregates.h"
#include "services/governance/decisions.h"
#include "services/governance/meetings.h"
#include "services/governance/memberships.h"
#include "services/governance/people.h"
#include "services/governance/plan_amendments.h"
#include "services/governance/plans.h"
#include "services/governance/reallocations.h"
#include "services/governance/sponsorships.h"

namespace wp::governance {

struct GovernanceDomain {
  Authorities& authorities;
  People& people;
  Bodies& bodies;
  Memberships& memberships;
  Meetings& meetings;
  Decisions& decisions;
  Actions& actions;
  Plans& plans;
  PlanAmendments& amendments;
  Sponsorships& sponsorships;
  BudgetLines& budget_lines;
  Reallocations& reallocations;
  // The meeting pack and the budget summary, served from the cache.
  CachedAggregates& aggregates;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_GOVERNANCE_DOMAIN_H_
