// The workstreams service: its own parts on the service runtime
// (libs/runtime). The story of the service is in tracker.h,
// tracker_summary.h, tracker_import.h and networks.h.
#include "absl/flags/flag.h"
#include "libs/runtime/service_runtime.h"
#include "services/workstreams/access_policy.h"
#include "services/workstreams/events.h"
#include "services/workstreams/from_governance/governance_consumer.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/summary_events.h"
#include "services/workstreams/workstreams_grpc.h"

ABSL_FLAG(int32_t, max_concurrent_imports, wp::workstreams::TrackerImporter::kDefaultConcurrentImports,
          "Tracker imports run at once; more are refused with RESOURCE_EXHAUSTED (retry later)");

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::workstreams;
  const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, /*default_port=*/50052);
  // Other replicas' events advance the generation only when they change a tracker summary.
  auto rt = runtime::ServiceRuntime::CreateOrExit(
      config, {kServiceName, Migrations(), AccessPolicy(), ChangesTrackerSummary, EntityTypes()});

  // The runtime's commit listener advances the generation after each commit.
  Tracker tracker(rt->db());
  TrackerSummaries summaries(rt->db(), rt->cache(), rt->generation(), rt->store_id());
  TrackerImporter importer(rt->db(), /*batch_size=*/100, absl::GetFlag(FLAGS_max_concurrent_imports));
  Networks networks(rt->db());

  WorkstreamsGrpc workstreams_grpc(tracker, summaries, importer, rt->guard());
  NetworksGrpc networks_grpc(networks, rt->guard());
  rt->AddService(&workstreams_grpc);
  rt->AddService(&networks_grpc);

  // Board sponsors and the workstreams of approved plans come from the
  // governance service's events.
  rt->AddConsumer("the governance consumer", NewGovernanceConsumer(rt->nats(), rt->db()));
  return rt->Run();
}
