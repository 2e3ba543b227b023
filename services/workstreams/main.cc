// The workstreams service: flags and wiring only. The story of the service
// is in tracker.h, tracker_summary.h, tracker_import.h and networks.h.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "libs/audit/audit_log.h"
#include "libs/audit/audit_service.h"
#include "libs/bus/outbox_admin_service.h"
#include "libs/authz/authentication.h"
#include "libs/bus/event_writer.h"
#include "libs/bus/generation_follower.h"
#include "libs/bus/nats_connection.h"
#include "libs/bus/outbox_relay.h"
#include "libs/bus/publisher.h"
#include "libs/cache/cache_aside.h"
#include "libs/cache/redis_client.h"
#include "libs/cache/redis_options.h"
#include "libs/config/config.h"
#include "libs/log/log.h"
#include "libs/server/service_host.h"
#include "libs/store/outbox.h"
#include "libs/store/sqlite_database.h"
#include "services/workstreams/access_policy.h"
#include "services/workstreams/events.h"
#include "services/workstreams/governance_sponsors.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/summary_events.h"
#include "services/workstreams/workstreams_grpc.h"

ABSL_FLAG(int32_t, max_concurrent_imports, wp::workstreams::TrackerImporter::kDefaultConcurrentImports,
          "Tracker imports run at once; more are refused with RESOURCE_EXHAUSTED (retry later)");

namespace {

constexpr int kDefaultPort = 50052;

}  // namespace

int main(int argc, char** argv) {
  using namespace wp;  // main only
  server::InstallShutdownSignalHandlers();
  const ServiceConfig config = LoadConfig(argc, argv, workstreams::kServiceName, kDefaultPort);

  // Store: the record of truth; migrations run before anything is served.
  std::error_code mkdir_error;
  std::filesystem::create_directories(config.data_dir, mkdir_error);
  if (mkdir_error) {
    ExitOnStartupError("cannot create the data folder", absl::UnavailableError(mkdir_error.message()));
  }
  auto db = store::OpenSqlite({config.database_path}, workstreams::Migrations());
  if (!db.ok()) ExitOnStartupError("cannot open the database", db.status());
  auto last_seq = store::LastOutboxSeq(**db);
  if (!last_seq.ok()) ExitOnStartupError("cannot read the outbox", last_seq.status());
  cache::DataGeneration generation(*last_seq);
  auto store_id = store::StoreIdentity(**db);
  if (!store_id.ok()) ExitOnStartupError("cannot read the store identity", store_id.status());

  // Cache: optional at run time; without Redis summaries are computed.
  auto redis_options = cache::ParseRedisUrl(config.redis_url);
  if (!redis_options.ok()) ExitOnStartupError("bad redis_url", redis_options.status());
  if (!config.redis_password.empty()) redis_options->password = config.redis_password;
  cache::RedisClient redis(*redis_options);
  cache::CacheAside cache(&redis, config.near_cache_entries);

  // Bus: the relay publishes the outbox; NATS may come up after us.
  bus::NatsOptions nats_options;
  nats_options.url = config.nats_url;
  nats_options.name = "workstreams";
  nats_options.user = config.nats_user;
  nats_options.password = config.nats_password;
  nats_options.token = config.nats_token;
  auto nats = bus::NatsConnection::Connect(nats_options);
  if (!nats.ok()) ExitOnStartupError("cannot set up the NATS connection", nats.status());
  bus::Publisher publisher(**nats);
  bus::OutboxRelayOptions relay_options;
  relay_options.stream_name = bus::StreamNameFor(workstreams::kServiceName);
  relay_options.stream_subjects = {bus::StreamSubjectsFor(workstreams::kServiceName)};
  bus::OutboxRelay relay(**db, publisher, relay_options);
  (*db)->SetCommitListener([&relay] { relay.Notify(); });
  if (absl::Status s = relay.Start(); !s.ok()) ExitOnStartupError("cannot start the outbox relay", s);
  // Other replicas' changes advance the data generation through the bus.
  bus::GenerationFollower own_events(**nats, workstreams::kServiceName, InstanceName(config), generation,
                                   workstreams::ChangesTrackerSummary);
  if (absl::Status s = own_events.Start(); !s.ok()) ExitOnStartupError("cannot start the event consumer", s);
  // Board sponsors and the workstreams of approved plans come from the
  // governance service's events.
  std::unique_ptr<bus::DurableConsumer> governance_events = workstreams::NewGovernanceConsumer(**nats, **db);
  if (absl::Status s = governance_events->Start(); !s.ok()) {
    ExitOnStartupError("cannot start the governance consumer", s);
  }

  workstreams::Tracker tracker(**db, generation);
  workstreams::TrackerSummaries summaries(**db, &cache, generation, *store_id);
  workstreams::TrackerImporter importer(**db, generation, /*batch_size=*/100,
                                       absl::GetFlag(FLAGS_max_concurrent_imports));
  workstreams::Networks networks(**db);
  // Every call but health checks needs a bearer token allowed by the policy.
  auto authn = authz::Authentication::Create(config, workstreams::AccessPolicy());
  if (!authn.ok()) ExitOnStartupError("cannot set up token verification", authn.status());
  const authz::CallGuard& guard = (*authn)->guard();
  workstreams::WorkstreamsGrpc workstreams_grpc(tracker, summaries, importer, guard);
  workstreams::NetworksGrpc networks_grpc(networks, guard);
  // Every change is audited in its own transaction (events.cc; the table is a
  // platform migration); admins read the trail here.
  audit::AuditGrpc audit_grpc(**db, [&guard](grpc::ServerContext& ctx) {
    return guard.Admit(ctx).status();
  });
  // Events the bus refused for good wait here for an admin to re-drive them.
  bus::OutboxAdminGrpc outbox_admin(**db, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });

  server::ServiceHost host(config);
  host.AddInterceptor((*authn)->NewInterceptor());
  host.AddService(&workstreams_grpc);
  host.AddService(&networks_grpc);
  host.AddService(&audit_grpc);
  host.AddService(&outbox_admin);
  if (absl::Status s = host.Start(); !s.ok()) ExitOnStartupError("cannot start the gRPC server", s);
  host.SetServing(true);

  host.WaitForShutdownSignal();
  host.Shutdown(absl::Seconds(10));
  governance_events->Stop();
  own_events.Stop();
  // Give the relay a moment to publish what is committed; what is left stays
  // in the outbox and goes out on the next start.
  relay.WaitUntilIdle(absl::Seconds(3));
  (*db)->SetCommitListener(nullptr);
  relay.Stop();
  wp::log::Info("stopped");
  return 0;
}
