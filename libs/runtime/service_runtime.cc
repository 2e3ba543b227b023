#include "libs/runtime/service_runtime.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "libs/bus/event_writer.h"
#include "libs/cache/redis_options.h"
#include "libs/log/log.h"
#include "libs/runtime/platform_policy.h"
#include "libs/store/open_store.h"
#include "libs/store/outbox.h"
#include "libs/store/restore.h"

namespace wp::runtime {
namespace {

// Calls in flight get this long to finish once shutdown starts.
constexpr absl::Duration kDrainGrace = absl::Seconds(10);
// The relay gets this long to publish what is committed before it stops.
constexpr absl::Duration kRelayFlush = absl::Seconds(3);

}  // namespace

ServiceConfig LoadServiceConfig(int argc, char** argv, absl::string_view service, int default_port) {
  server::InstallShutdownSignalHandlers();
  // Abseil as Debian builds it checks every Mutex acquisition for lock-order
  // cycles, a debugging aid that showed in the RPC path's profile. Services
  // run without it; the unit tests, which create no service, keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  return LoadConfig(argc, argv, service, default_port);
}

ServiceRuntime::ServiceRuntime(const ServiceConfig& config, ServiceSpec spec)
    : config_(config),
      spec_(std::move(spec)),
      start_time_(absl::Now()),
      metrics_(std::make_unique<metrics::ServiceMetrics>(spec_.name)) {}

absl::StatusOr<std::unique_ptr<ServiceRuntime>> ServiceRuntime::Create(const ServiceConfig& config,
                                                                       ServiceSpec spec) {
  std::unique_ptr<ServiceRuntime> rt(new ServiceRuntime(config, std::move(spec)));
  if (std::optional<Failure> f = rt->Init()) {
    return absl::Status(f->status.code(), absl::StrCat(f->what, ": ", f->status.message()));
  }
  return rt;
}

std::unique_ptr<ServiceRuntime> ServiceRuntime::CreateOrExit(const ServiceConfig& config,
                                                             ServiceSpec spec) {
  std::unique_ptr<ServiceRuntime> rt(new ServiceRuntime(config, std::move(spec)));
  if (std::optional<Failure> f = rt->Init()) ExitOnStartupError(f->what, f->status);
  return rt;
}

std::optional<ServiceRuntime::Failure> ServiceRuntime::Init() {
  // Store: the record of truth; migrations run before anything is served.
  std::error_code mkdir_error;
  std::filesystem::create_directories(config_.data_dir, mkdir_error);
  if (mkdir_error) {
    return Failure{"cannot create the data folder", absl::UnavailableError(mkdir_error.message())};
  }
  auto location = store::ParseStoreLocation(config_.store_url, config_.database_path);
  if (!location.ok()) return Failure{"bad store setting", location.status()};
  if (!config_.restore_from.empty()) {
    if (location->engine != store::StoreEngine::kSqlite) {
      return Failure{"cannot restore the store",
                     absl::FailedPreconditionError(
                         "--restore_from restores SQLite backups; restore a PostgreSQL store with the "
                         "database's own tools (docs/operations.md)")};
    }
    // Before the store is opened: the service must be stopped (restore.h).
    auto restored = store::RestoreStore(config_.restore_from, location->sqlite_path, spec_.name,
                                        spec_.migrations, absl::Now());
    if (!restored.ok()) return Failure{"cannot restore the store", restored.status()};
    log::Info(restored->already_restored ? "restore skipped: this backup was restored already"
                                         : "store restored",
              {{"from", config_.restore_from},
               {"outbox_position", absl::StrCat(restored->backup.last_outbox_seq)},
               {"moved_aside", restored->moved_aside}});
  }
  auto db = store::OpenStore(*location, spec_.migrations);
  if (!db.ok()) return Failure{"cannot open the database", db.status()};
  log::Info("store opened", {{"store", store::DescribeStore(*location)}});
  db_ = std::move(*db);
  db_->SetTransactionObserver(&metrics_->store());
  auto last_seq = store::LastOutboxSeq(*db_);
  if (!last_seq.ok()) return Failure{"cannot read the outbox", last_seq.status()};
  generation_.AdvanceTo(*last_seq);
  auto store_id = store::StoreIdentity(*db_);
  if (!store_id.ok()) return Failure{"cannot read the store identity", store_id.status()};
  store_id_ = *store_id;
  // The change feed reads the outbox; the commit listener wakes its watches.
  changes::ChangeFeedOptions feed_options;
  feed_options.service = spec_.name;
  feed_options.store_id = store_id_;
  feed_options.entity_types = spec_.entity_types;
  feed_options.retention_events = config_.change_feed_retention_events;
  change_feed_ = std::make_unique<changes::ChangeFeed>(*db_, feed_options);

  // Cache: optional at run time; without Redis aggregates are computed.
  auto redis_options = cache::ParseRedisUrl(config_.redis_url);
  if (!redis_options.ok()) return Failure{"bad redis_url", redis_options.status()};
  if (!config_.redis_password.empty()) redis_options->password = config_.redis_password;
  redis_ = std::make_unique<cache::RedisClient>(*redis_options);
  cache_ = std::make_unique<cache::CacheAside>(redis_.get(), config_.near_cache_entries);

  // Bus: the relay publishes the outbox; NATS may come up after us.
  bus::NatsOptions nats_options;
  nats_options.url = config_.nats_url;
  nats_options.name = spec_.name;
  nats_options.user = config_.nats_user;
  nats_options.password = config_.nats_password;
  nats_options.token = config_.nats_token;
  auto nats = bus::NatsConnection::Connect(nats_options);
  if (!nats.ok()) return Failure{"cannot set up the NATS connection", nats.status()};
  nats_ = std::move(*nats);
  publisher_ = std::make_unique<bus::Publisher>(*nats_);
  bus::OutboxRelayOptions relay_options;
  relay_options.stream_name = bus::StreamNameFor(spec_.name);
  relay_options.stream_subjects = {bus::StreamSubjectsFor(spec_.name)};
  // Pruning keeps what the change feed promises to hold.
  relay_options.keep_sent_rows = config_.change_feed_retention_events;
  relay_ = std::make_unique<bus::OutboxRelay>(*db_, *publisher_, relay_options);
  db_->SetCommitListener([this] { OnCommit(); });
  listening_ = true;
  if (absl::Status s = relay_->Start(); !s.ok()) return Failure{"cannot start the outbox relay", s};
  // Other replicas' changes advance the generation through the bus.
  own_events_ = std::make_unique<bus::GenerationFollower>(*nats_, spec_.name, InstanceName(config_),
                                                          generation_, spec_.changes_aggregates);
  if (absl::Status s = own_events_->Start(); !s.ok()) {
    return Failure{"cannot start the event consumer", s};
  }

  // Every call but health checks needs a bearer token allowed by the policy.
  auto authn = authz::Authentication::Create(config_, ServicePolicy(spec_.policy));
  if (!authn.ok()) return Failure{"cannot set up token verification", authn.status()};
  authn_ = std::move(*authn);
  const authz::CallGuard& guard = authn_->guard();
  // Every change is audited in its own transaction (the table is a platform
  // migration); admins read the trail here.
  audit_grpc_ = std::make_unique<audit::AuditGrpc>(
      *db_, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx).status(); });
  // Events the bus refused for good wait here for an admin to re-drive them.
  outbox_admin_ = std::make_unique<bus::OutboxAdminGrpc>(
      *db_, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });
  // Every change in order, for systems that keep a copy (the policy says who).
  change_feed_grpc_ = std::make_unique<changes::ChangeFeedGrpc>(*change_feed_, guard);

  // How the service is doing, for `wpctl status`: readers may ask.
  status_grpc_ = std::make_unique<metrics::StatusGrpc>(
      [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx).status(); },
      [this] {
        return metrics::ProcessInfo{spec_.name, InstanceName(config_), start_time_,
                                    std::max(0, metrics_->port())};
      },
      [this] { return Snapshot(); });
  // Online backups to <data_dir>/backups, for admins; paths shown in full.
  std::error_code absolute_error;
  std::filesystem::path backups = std::filesystem::absolute(config_.data_dir, absolute_error);
  if (absolute_error) backups = config_.data_dir;
  store_admin_ = std::make_unique<StoreAdminGrpc>(
      *db_, spec_.name, (backups.lexically_normal() / "backups").string(),
      [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });

  host_ = std::make_unique<server::ServiceHost>(config_);
  host_->AddInterceptor(authn_->NewInterceptor());
  // After authentication, so a refused call counts with the code it got.
  host_->AddInterceptor(metrics_->rpc().NewInterceptorFactory());
  host_->AddService(audit_grpc_.get());
  host_->AddService(outbox_admin_.get());
  host_->AddService(status_grpc_.get());
  host_->AddService(change_feed_grpc_.get());

  // Prometheus scrapes from now on; the consumers added later join the
  // snapshot as they are added (before Start, on this thread).
  if (!config_.metrics_address.empty()) {
    absl::Status s = metrics_->Serve(config_.metrics_address, start_time_, [this] { return Snapshot(); });
    if (!s.ok()) return Failure{"cannot start the metrics endpoint", s};
  }
  // The log level, changed at run time by admins (audited).
  logging_ = std::make_unique<log::LoggingGrpc>(
      *db_, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });
  host_->AddService(logging_.get());
  host_->AddService(store_admin_.get());
  return std::nullopt;
}

// Every change writes an event, so after each commit the outbox position is
// the new data generation (read-your-writes for the cache). A commit without
// an event leaves the position, and so the generation, where it was.
void ServiceRuntime::OnCommit() {
  relay_->Notify();
  change_feed_->Notify();
  bus::AdvanceToLastEvent(*db_, generation_);
}

metrics::ServiceSnapshot ServiceRuntime::Snapshot() {
  metrics::SnapshotSources sources;
  sources.db = db_.get();
  sources.relay = relay_.get();
  sources.cache = cache_.get();
  if (own_events_) sources.consumers.push_back(&own_events_->consumer());
  {
    absl::MutexLock lock(&consumers_mu_);
    for (const auto& c : consumers_) sources.consumers.push_back(c.get());
  }
  return metrics::TakeSnapshot(sources, absl::Now());
}

void ServiceRuntime::AddService(grpc::Service* service) { host_->AddService(service); }

void ServiceRuntime::AddConsumer(absl::string_view what,
                                 std::unique_ptr<bus::DurableConsumer> consumer) {
  bus::DurableConsumer* c = consumer.get();
  {
    absl::MutexLock lock(&consumers_mu_);  // a scrape may be reading the list
    consumers_.push_back(std::move(consumer));
  }
  AddBackgroundTask(what, [c] { return c->Start(); }, [c] { c->Stop(); });
}

void ServiceRuntime::AddBackgroundTask(absl::string_view what, std::function<absl::Status()> start,
                                       std::function<void()> stop) {
  tasks_.push_back(BackgroundTask{std::string(what), std::move(start), std::move(stop)});
}

std::optional<ServiceRuntime::Failure> ServiceRuntime::StartAll() {
  for (BackgroundTask& task : tasks_) {
    if (absl::Status s = task.start(); !s.ok()) return Failure{absl::StrCat("cannot start ", task.what), s};
    task.started = true;
  }
  if (absl::Status s = host_->Start(); !s.ok()) return Failure{"cannot start the gRPC server", s};
  host_->SetServing(true);
  return std::nullopt;
}

absl::Status ServiceRuntime::Start() {
  if (std::optional<Failure> f = StartAll()) {
    return absl::Status(f->status.code(), absl::StrCat(f->what, ": ", f->status.message()));
  }
  return absl::OkStatus();
}

void ServiceRuntime::WaitForShutdownSignal() { host_->WaitForShutdownSignal(); }

void ServiceRuntime::Shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  // Watches would otherwise hold the drain for its whole grace.
  if (change_feed_) change_feed_->Close();
  if (host_) host_->Shutdown(kDrainGrace);
  for (auto it = tasks_.rbegin(); it != tasks_.rend(); ++it) {
    if (it->started) it->stop();
    it->started = false;
  }
  if (own_events_) own_events_->Stop();
  // Give the relay a moment to publish what is committed; what is left stays
  // in the outbox and goes out on the next start.
  if (relay_) relay_->WaitUntilIdle(kRelayFlush);
  if (listening_) db_->SetCommitListener(nullptr);
  listening_ = false;
  if (relay_) relay_->Stop();
  if (db_) db_->SetTransactionObserver(nullptr);
  // Scraped until here: what the snapshot reads lives until destruction.
  metrics_->StopServing();
  log::Info("stopped");
}

int ServiceRuntime::Run() {
  if (std::optional<Failure> f = StartAll()) ExitOnStartupError(f->what, f->status);
  WaitForShutdownSignal();
  Shutdown();
  return 0;
}

ServiceRuntime::~ServiceRuntime() { Shutdown(); }

}  // namespace wp::runtime
