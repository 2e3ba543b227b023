// The governance service: its own parts on the service runtime
// (libs/runtime). The story of the service is in the domain classes
// (domain_classes.h lists them) and in docs/architecture.md.
#include <algorithm>

#include "absl/flags/flag.h"
#include "libs/runtime/service_runtime.h"
#include "services/governance/access_policy.h"
#include "services/governance/core/events.h"
#include "services/governance/core/migrations.h"
#include "services/governance/governance_grpc.h"
#include "services/governance/overdue_watch.h"

ABSL_FLAG(int32_t, overdue_check_seconds, 60,
          "How often open actions are checked for having passed their due date");

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::governance;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, /*default_port=*/50051);
  // Migrations seed the authorities and standing bodies. Every change here
  // writes an event, so the runtime's commit listener advances the generation.
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), /*changes_aggregates=*/nullptr, EntityTypes()});
  store::Database& db = rt->db();

  Authorities authorities(db);
  People people(db);
  Bodies bodies(db);
  Memberships memberships(db);
  Meetings meetings(db);
  Decisions decisions(db);
  Actions actions(db);
  Plans plans(db);
  PlanAmendments amendments(db);
  Sponsorships sponsorships(db);
  BudgetLines budget_lines(db);
  Reallocations reallocations(db);
  BudgetSummaries budget_summaries(db);
  CachedAggregates aggregates(meetings, budget_summaries, rt->cache(), rt->generation(), rt->store_id());
  const DomainClasses domain{authorities, people,       bodies,       memberships, meetings,
                             decisions,   actions,      plans,        amendments,  sponsorships,
                             budget_lines, reallocations, aggregates};

  GovernanceGrpc governance_grpc(domain, rt->guard());
  PlansGrpc plans_grpc(domain, rt->guard());
  rt->AddService(&governance_grpc);
  rt->AddService(&plans_grpc);

  OverdueWatch overdue(actions, absl::Seconds(std::max(1, absl::GetFlag(FLAGS_overdue_check_seconds))));
  rt->AddBackgroundTask(
      "the overdue watch",
      [&overdue] {
        overdue.Start();
        return absl::OkStatus();
      },
      [&overdue] { overdue.Stop(); });
  return rt->Run();
}
