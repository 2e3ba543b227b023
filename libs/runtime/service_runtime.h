// The service runtime: everything every service wires the same way, owned by
// one object and started and stopped in the right order, so that a service's
// main.cc names only what is its own.
//
// It owns, in start-up order: the data folder and the store (restored first
// from a backup when --restore_from names one; SQLite or PostgreSQL as
// --store_url says (libs/store/open_store.h), the platform migrations and the
// service's own), the data generation (starting
// at the outbox position) and the store identity, Redis and the cache, the
// NATS connection, the outbox relay (publishing to the service's stream), the
// follower of the service's own events (other replicas' changes advance the
// generation), authentication with the service's policy table, the audit,
// outbox admin, store admin (backups), logging (run-time log level) and status
// services, the Prometheus metrics (libs/metrics: RPCs, store transactions,
// outbox, consumers, cache; served on config.metrics_address) and the service host (health, reflection,
// interceptors). After every committed write the database's commit listener
// wakes the relay and advances the generation to the last outbox position, so
// a replica reads its own writes through the cache.
//
// It also serves the change feed (libs/changes): the outbox in order for
// systems that keep a copy. Commits wake its watches; the relay prunes only
// what --change_feed_retention_events lets go; shutdown ends the watches
// first (UNAVAILABLE: watch again), so they never hold up the drain.
//
// Use from main():
//   const ServiceConfig config = runtime::LoadServiceConfig(argc, argv, kServiceName, kDefaultPort);
//   auto rt = runtime::ServiceRuntime::CreateOrExit(config, {kServiceName, Migrations(), AccessPolicy()});
//   MyDomain domain(rt->db(), rt->generation());          // the service's own objects
//   MyGrpc grpc_layer(domain, rt->guard());
//   rt->AddService(&grpc_layer);
//   rt->AddConsumer("the governance consumer", NewGovernanceConsumer(rt->nats(), rt->db()));
//   return rt->Run();  // serves until SIGTERM/SIGINT, then shuts down in order
//
// Shutdown order: change feed watches end (UNAVAILABLE: watch again), health
// NOT_SERVING and the server drains (calls in flight
// get 10 s), the service's background tasks and consumers stop (last added
// first), the own-events follower stops, the relay gets 3 s to publish what is
// committed (the rest waits in the outbox for the next start), the commit
// listener is removed and the relay stops; last, the metrics endpoint.
//
// Thread-safety: create, add, Start/Run and Shutdown from the main thread.
// The accessors may be used from any thread; what they return is as
// thread-safe as its own header says (Database, DataGeneration, CacheAside,
// NatsConnection and CallGuard all are).
#ifndef WP_LIBS_RUNTIME_SERVICE_RUNTIME_H_
#define WP_LIBS_RUNTIME_SERVICE_RUNTIME_H_

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/impl/service_type.h"
#include "libs/audit/audit_service.h"
#include "libs/authz/authentication.h"
#include "libs/authz/policy.h"
#include "libs/bus/durable_consumer.h"
#include "libs/bus/generation_follower.h"
#include "libs/bus/nats_connection.h"
#include "libs/bus/outbox_admin_service.h"
#include "libs/bus/outbox_relay.h"
#include "libs/bus/publisher.h"
#include "libs/cache/cache_aside.h"
#include "libs/cache/data_generation.h"
#include "libs/cache/redis_client.h"
#include "libs/changes/change_feed.h"
#include "libs/changes/change_feed_service.h"
#include "libs/config/config.h"
#include "libs/log/logging_service.h"
#include "libs/metrics/service_metrics.h"
#include "libs/metrics/status_service.h"
#include "libs/runtime/store_admin_service.h"
#include "libs/server/service_host.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::runtime {

// What a service tells the runtime about itself.
struct ServiceSpec {
  // Names the event stream (bus::StreamNameFor), the durable consumers, the
  // NATS connection and the log lines, e.g. "workstreams".
  std::string name;
  // The service's own schema, applied after the platform migrations.
  std::vector<store::Migration> migrations;
  // Which role may call which of the service's own RPCs (libs/authz); the
  // runtime adds the rows of the RPCs it serves itself (platform_policy.h).
  authz::RoleTable policy;
  // Which of the service's own events, committed by another replica, advance
  // this replica's data generation (every event when empty). The replica's
  // own commits always advance it, in the commit listener.
  std::function<bool(const wp::common::v1::Event&)> changes_aggregates = nullptr;
  // The entity types of the service's events (the <entity> of
  // wp.<service>.<entity>.<verb>): the change feed's type filter accepts
  // these and refuses others. Any well-formed name when empty.
  std::set<std::string> entity_types = {};
};

// For main(), first thing: routes SIGTERM/SIGINT to Run(), then reads the
// flags and WP_* environment variables (libs/config; exits on a bad flag).
ServiceConfig LoadServiceConfig(int argc, char** argv, absl::string_view service, int default_port);

class ServiceRuntime {
 public:
  // Opens the store and connects everything above; starts the relay and the
  // own-events follower. An error names the step that failed.
  static absl::StatusOr<std::unique_ptr<ServiceRuntime>> Create(const ServiceConfig& config,
                                                                ServiceSpec spec);
  // The same for main(): a failure is a start-up error (ExitOnStartupError).
  static std::unique_ptr<ServiceRuntime> CreateOrExit(const ServiceConfig& config, ServiceSpec spec);

  ~ServiceRuntime();  // Shutdown()
  ServiceRuntime(const ServiceRuntime&) = delete;
  ServiceRuntime& operator=(const ServiceRuntime&) = delete;

  const ServiceConfig& config() const { return config_; }
  const std::string& name() const { return spec_.name; }
  store::Database& db() { return *db_; }
  cache::DataGeneration& generation() { return generation_; }
  cache::CacheAside* cache() { return cache_.get(); }
  bus::NatsConnection& nats() { return *nats_; }
  // Tells this store's cached values from another store's (cache keys carry it).
  const std::string& store_id() const { return store_id_; }
  // Admits calls by the policy table; the service's gRPC layer uses it.
  const authz::CallGuard& guard() const { return authn_->guard(); }

  // A gRPC service of the service's own; it must outlive Shutdown(). The
  // runtime registers the audit and outbox admin services itself. Before Start().
  void AddService(grpc::Service* service);
  // A consumer of another service's events, owned by the runtime: started by
  // Start() before serving, stopped in Shutdown() after the drain. `what`
  // names it in a start-up error ("cannot start <what>"). Before Start().
  void AddConsumer(absl::string_view what, std::unique_ptr<bus::DurableConsumer> consumer);
  // Any other background work of the service's own (e.g. a periodic watch),
  // started and stopped like a consumer. Both functions must stay valid until
  // Shutdown(). Before Start().
  void AddBackgroundTask(absl::string_view what, std::function<absl::Status()> start,
                         std::function<void()> stop);

  // Starts the background tasks in the order added, then the server, and
  // sets health SERVING. An error names the step that failed.
  absl::Status Start();
  // The bound gRPC port, once started (useful when the configured port was 0).
  int port() const { return host_->port(); }
  // The bound metrics port, -1 when metrics are off (config.metrics_address
  // empty). Served from Create() on, so a stuck start-up can be seen.
  int metrics_port() const { return metrics_->port(); }
  // The numbers the metrics and the status service show, read now.
  metrics::ServiceSnapshot Snapshot();
  // Where a service registers Prometheus series of its own (served on the
  // same endpoint, whether or not metrics are on); lives as long as this.
  prometheus::Registry& metrics_registry() { return metrics_->registry(); }
  // Blocks until SIGTERM or SIGINT (LoadServiceConfig, or
  // server::InstallShutdownSignalHandlers, must have run first).
  void WaitForShutdownSignal();
  // Drains and stops everything in order (see the top of this file). Safe to
  // call more than once, and without Start().
  void Shutdown();
  // For main(): Start() (a failure is a start-up error), wait for the signal,
  // Shutdown(). Returns the process exit status (0).
  int Run();

 private:
  struct Failure {
    std::string what;
    absl::Status status;
  };
  struct BackgroundTask {
    std::string what;
    std::function<absl::Status()> start;
    std::function<void()> stop;
    bool started = false;
  };

  ServiceRuntime(const ServiceConfig& config, ServiceSpec spec);
  std::optional<Failure> Init();
  std::optional<Failure> StartAll();
  void OnCommit();

  const ServiceConfig config_;
  ServiceSpec spec_;
  const absl::Time start_time_;
  // Before the store: the store reports to it until it is destroyed.
  std::unique_ptr<metrics::ServiceMetrics> metrics_;
  // Declared in start-up order: destroyed in reverse, so everything that uses
  // the store, the cache or the connection goes before it.
  std::unique_ptr<store::Database> db_;
  cache::DataGeneration generation_;
  std::string store_id_;
  std::unique_ptr<cache::RedisClient> redis_;
  std::unique_ptr<cache::CacheAside> cache_;
  std::unique_ptr<bus::NatsConnection> nats_;
  std::unique_ptr<bus::Publisher> publisher_;
  std::unique_ptr<bus::OutboxRelay> relay_;
  std::unique_ptr<bus::GenerationFollower> own_events_;
  std::unique_ptr<authz::Authentication> authn_;
  std::unique_ptr<audit::AuditGrpc> audit_grpc_;
  std::unique_ptr<bus::OutboxAdminGrpc> outbox_admin_;
  std::unique_ptr<log::LoggingGrpc> logging_;
  std::unique_ptr<metrics::StatusGrpc> status_grpc_;
  std::unique_ptr<StoreAdminGrpc> store_admin_;
  std::unique_ptr<changes::ChangeFeed> change_feed_;  // set before the commit listener
  std::unique_ptr<changes::ChangeFeedGrpc> change_feed_grpc_;
  std::unique_ptr<server::ServiceHost> host_;
  absl::Mutex consumers_mu_;  // AddConsumer may run while a scrape reads the list
  std::vector<std::unique_ptr<bus::DurableConsumer>> consumers_ ABSL_GUARDED_BY(consumers_mu_);
  std::vector<BackgroundTask> tasks_;
  bool listening_ = false;  // the commit listener is set
  bool shut_down_ = false;
};

}  // namespace wp::runtime

#endif  // WP_LIBS_RUNTIME_SERVICE_RUNTIME_H_
