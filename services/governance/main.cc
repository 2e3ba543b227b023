// The governance service: flags and wiring only. The story of the service is
// in the domain classes (governance_domain.h lists them) and in
// docs/architecture.md.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
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
#include "services/governance/access_policy.h"
#include "services/governance/events.h"
#include "services/governance/governance_grpc.h"
#include "services/governance/migrations.h"
#include "services/governance/overdue_watch.h"

ABSL_FLAG(int32_t, overdue_check_seconds, 60,
          "How often open actions are checked for having passed their due date");

namespace {

constexpr int kDefaultPort = 50051;

}  // namespace

int main(int argc, char** argv) {
  using namespace wp;  // main only
  using namespace wp::governance;
  server::InstallShutdownSignalHandlers();
  const ServiceConfig config = LoadConfig(argc, argv, kServiceName, kDefaultPort);

  // Store: the record of truth; migrations (with the seeded authorities and
  // standing bodies) run before anything is served.
  std::error_code mkdir_error;
  std::filesystem::create_directories(config.data_dir, mkdir_error);
  if (mkdir_error) ExitOnStartupError("cannot create the data folder", absl::UnavailableError(mkdir_error.message()));
  auto db = store::OpenSqlite({config.database_path}, Migrations());
  if (!db.ok()) ExitOnStartupError("cannot open the database", db.status());
  auto last_seq = store::LastOutboxSeq(**db);
  if (!last_seq.ok()) ExitOnStartupError("cannot read the outbox", last_seq.status());
  cache::DataGeneration generation(*last_seq);
  auto store_id = store::StoreIdentity(**db);
  if (!store_id.ok()) ExitOnStartupError("cannot read the store identity", store_id.status());

  // Cache: optional at run time; without Redis aggregates are computed.
  auto redis_options = cache::ParseRedisUrl(config.redis_url);
  if (!redis_options.ok()) ExitOnStartupError("bad redis_url", redis_options.status());
  if (!config.redis_password.empty()) redis_options->password = config.redis_password;
  cache::RedisClient redis(*redis_options);
  cache::CacheAside cache(&redis, config.near_cache_entries);

  // Bus: the relay publishes the outbox; NATS may come up after us.
  bus::NatsOptions nats_options;
  nats_options.url = config.nats_url;
  nats_options.name = kServiceName;
  nats_options.user = config.nats_user;
  nats_options.password = config.nats_password;
  nats_options.token = config.nats_token;
  auto nats = bus::NatsConnection::Connect(nats_options);
  if (!nats.ok()) ExitOnStartupError("cannot set up the NATS connection", nats.status());
  bus::Publisher publisher(**nats);
  bus::OutboxRelayOptions relay_options;
  relay_options.stream_name = bus::StreamNameFor(kServiceName);
  relay_options.stream_subjects = {bus::StreamSubjectsFor(kServiceName)};
  bus::OutboxRelay relay(**db, publisher, relay_options);
  // Every change here writes an event, so after each commit the outbox
  // position is the new data generation (read-your-writes for the cache).
  store::Database& database = **db;
  database.SetCommitListener([&relay, &database, &generation] {
    relay.Notify();
    if (auto seq = store::LastOutboxSeq(database); seq.ok()) generation.AdvanceTo(*seq);
  });
  if (absl::Status s = relay.Start(); !s.ok()) ExitOnStartupError("cannot start the outbox relay", s);
  // Other replicas' changes advance the generation through the bus.
  bus::GenerationFollower own_events(**nats, kServiceName, InstanceName(config), generation);
  if (absl::Status s = own_events.Start(); !s.ok()) ExitOnStartupError("cannot start the event consumer", s);

  Authorities authorities(database);
  People people(database);
  Bodies bodies(database);
  Memberships memberships(database);
  Meetings meetings(database);
  Decisions decisions(database);
  Actions actions(database);
  Plans plans(database);
  PlanAmendments amendments(database);
  Sponsorships sponsorships(database);
  BudgetLines budget_lines(database);
  Reallocations reallocations(database);
  BudgetSummaries budget_summaries(database);
  CachedAggregates aggregates(meetings, budget_summaries, &cache, generation, *store_id);
  const GovernanceDomain domain{authorities, people,       bodies,       memberships, meetings,
                                decisions,   actions,      plans,        amendments,  sponsorships,
                                budget_lines, reallocations, aggregates};

  // Every call but health checks needs a bearer token allowed by the policy.
  auto authn = authz::Authentication::Create(config, AccessPolicy());
  if (!authn.ok()) ExitOnStartupError("cannot set up token verification", authn.status());
  const authz::CallGuard& guard = (*authn)->guard();
  GovernanceGrpc governance_grpc(domain, guard);
  PlansGrpc plans_grpc(domain, guard);
  audit::AuditGrpc audit_grpc(database, [&guard](grpc::ServerContext& ctx) {
    return guard.Admit(ctx).status();
  });
  // Events the bus refused for good wait here for an admin to re-drive them.
  bus::OutboxAdminGrpc outbox_admin(database, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });

  OverdueWatch overdue(actions, absl::Seconds(std::max(1, absl::GetFlag(FLAGS_overdue_check_seconds))));
  overdue.Start();

  server::ServiceHost host(config);
  host.AddInterceptor((*authn)->NewInterceptor());
  host.AddService(&governance_grpc);
  host.AddService(&plans_grpc);
  host.AddService(&audit_grpc);
  host.AddService(&outbox_admin);
  if (absl::Status s = host.Start(); !s.ok()) ExitOnStartupError("cannot start the gRPC server", s);
  host.SetServing(true);

  host.WaitForShutdownSignal();
  host.Shutdown(absl::Seconds(10));
  overdue.Stop();
  own_events.Stop();
  // Give the relay a moment to publish what is committed; what is left stays
  // in the outbox and goes out on the next start.
  relay.WaitUntilIdle(absl::Seconds(3));
  database.SetCommitListener(nullptr);
  relay.Stop();
  log::Info("stopped");
  return 0;
}
