// Every domain class of the governance service, gathered for the gRPC layer,
// which routes each RPC to the one that owns it. main.cc owns the objects.
#ifndef WP_SERVICES_GOVERNANCE_DOMAIN_CLASSES_H_
#define WP_SERVICES_GOVERNANCE_DOMAIN_CLASSES_H_

#include "services/governance/budgets/budget_lines.h"
#include "services/governance/budgets/reallocations.h"
#include "services/governance/cached_aggregates.h"
#include "services/governance/meetings/actions.h"
#include "services/governance/meetings/decisions.h"
#include "services/governance/meetings/meetings.h"
#include "services/governance/org/authorities.h"
#include "services/governance/org/bodies.h"
#include "services/governance/org/memberships.h"
#include "services/governance/org/people.h"
#include "services/governance/plans/plan_amendments.h"
#include "services/governance/plans/plans.h"
#include "services/governance/plans/sponsorships.h"

namespace wp::governance {

struct DomainClasses {
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

#endif  // WP_SERVICES_GOVERNANCE_DOMAIN_CLASSES_H_
