// The workstreams service: its own parts on the service runtime
// (libs/runtime). The story of the service is in tracker.h,
// tracker_summary.h, tracker_import.h and networks.h.
#include <algorithm>

#include "absl/flags/flag.h"
#include "libs/runtime/periodic_task.h"
#include "libs/runtime/service_runtime.h"
#include "services/workstreams/access_policy.h"
#include "services/workstreams/events.h"
#include "services/workstreams/from_governance/governance_consumer.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/networks/network_watch.h"
#include "services/workstreams/projects/projects_grpc.h"
#include "services/workstreams/stale_items.h"
#include "services/workstreams/summary_events.h"
#include "services/workstreams/workstreams_grpc.h"

ABSL_FLAG(int32_t, max_concurrent_imports, wp::workstreams::TrackerImporter::kDefaultConcurrentImports,
          "Tracker imports run at once; more are refused with RESOURCE_EXHAUSTED (retry later)");

ABSL_FLAG(int32_t, stale_after_days, wp::workstreams::kDefaultStaleAfterDays,
          "An open plan item with no progress note or status change for this many days is stale");
ABSL_FLAG(int32_t, stale_check_seconds, 3600,
          "How often the service looks for items gone stale and publishes plan_item.went_stale");

ABSL_FLAG(int32_t, network_check_seconds, 3600,
          "How often the service judges every network and publishes network.sustainability_changed");
ABSL_FLAG(int32_t, coordinator_term_warning_days, wp::workstreams::kDefaultTermWarningDays,
          "A coordinator term ending within this many days is listed, and counted against coverage");

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::workstreams;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, /*default_port=*/50052);
  // Other replicas' events advance the generation only when they change a tracker summary.
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), ChangesTrackerSummary, EntityTypes()});

  // The runtime's commit listener advances the generation after each commit.
  const StaleRule stale_rule{std::max(1, absl::GetFlag(FLAGS_stale_after_days))};
  Tracker tracker(rt->db(), stale_rule);
  TrackerSummaries summaries(rt->db(), rt->cache(), rt->generation(), rt->store_id(), stale_rule);
  TrackerImporter importer(rt->db(), /*batch_size=*/100, absl::GetFlag(FLAGS_max_concurrent_imports));
  const SustainabilityRule network_rule{std::max(0, absl::GetFlag(FLAGS_coordinator_term_warning_days))};
  Networks networks(rt->db(), network_rule);
  Projects projects(rt->db(), stale_rule);
  ProjectPlans project_plans(rt->db());

  WorkstreamsGrpc workstreams_grpc(tracker, summaries, importer, rt->guard());
  NetworksGrpc networks_grpc(networks, rt->guard());
  rt->AddService(&workstreams_grpc);
  rt->AddService(&networks_grpc);
  ProjectsGrpc projects_grpc(projects, project_plans, rt->guard());
  rt->AddService(&projects_grpc);

  // Board sponsors and the workstreams of approved plans come from the
  // governance service's events.
  rt->AddConsumer("the governance consumer", NewGovernanceConsumer(rt->nats(), rt->db()));

  // Items gone stale are marked and published by the service itself.
  StaleItems stale_items(rt->db(), stale_rule);
  server::Caller system;
  system.actor = kServiceName;
  system.role = "system";
  system.method = "StaleItems";
  runtime::PeriodicTask stale_watch(
      "the stale items watch", absl::Seconds(std::max(1, absl::GetFlag(FLAGS_stale_check_seconds))),
      [&]() -> absl::Status { return stale_items.MarkNewlyStale(system, absl::Now()).status(); });
  rt->AddBackgroundTask(
      "the stale items watch",
      [&stale_watch] {
        stale_watch.Start();
        return absl::OkStatus();
      },
      [&stale_watch] { stale_watch.Stop(); });

  // Networks that lapse as time passes (a term ends, a year without a
  // meeting) are announced by the service itself.
  NetworkWatch network_watch(rt->db(), network_rule);
  server::Caller network_system = system;
  network_system.method = "NetworkWatch";
  runtime::PeriodicTask network_check(
      "the network sustainability check",
      absl::Seconds(std::max(1, absl::GetFlag(FLAGS_network_check_seconds))),
      [&]() -> absl::Status { return network_watch.PublishChanges(network_system, absl::Now()).status(); });
  rt->AddBackgroundTask(
      "the network sustainability check",
      [&network_check] {
        network_check.Start();
        return absl::OkStatus();
      },
      [&network_check] { network_check.Stop(); });
  return rt->Run();
}
