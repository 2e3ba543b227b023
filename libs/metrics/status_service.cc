#include "libs/metrics/status_service.h"

#include <utility>

#include "libs/calendar/timestamps.h"
#include "libs/metrics/build_info.h"
#include "libs/status/grpc_status.h"

namespace wp::metrics {

namespace v1 = wp::common::v1;

v1::GetStatusResponse StatusResponse(const ProcessInfo& info, const ServiceSnapshot& snapshot) {
  v1::GetStatusResponse r;
  r.set_service(info.service);
  r.set_version(BuildVersion());
  r.set_git_commit(BuildGitCommit());
  r.set_instance(info.instance);
  *r.mutable_start_time() = calendar::TimestampOf(info.start_time);
  r.set_metrics_port(info.metrics_port);

  v1::OutboxStatus* outbox = r.mutable_outbox();
  outbox->set_unsent(snapshot.outbox_unsent);
  outbox->set_lag_seconds(snapshot.outbox_lag_seconds);
  outbox->set_dead_letters(snapshot.dead_letters);
  outbox->set_published(snapshot.relay.published);
  outbox->set_publish_failures(snapshot.relay.failures);

  for (const ConsumerSnapshot& c : snapshot.consumers) {
    v1::ConsumerStatus* out = r.add_consumers();
    out->set_name(c.name);
    out->set_pending(c.stats.pending);
    out->set_redeliveries(c.stats.redeliveries);
    out->set_handled(c.stats.handled);
    out->set_failures(c.stats.failures);
  }

  v1::CacheStatus* cache = r.mutable_cache();
  cache->set_near_hits(snapshot.cache.near_hits);
  cache->set_redis_hits(snapshot.cache.hits);
  cache->set_misses(snapshot.cache.misses);
  cache->set_store_fallbacks(snapshot.cache.computations);
  cache->set_redis_errors(snapshot.cache.redis_errors);
  cache->set_hit_ratio(CacheHitRatio(snapshot.cache));
  return r;
}

StatusGrpc::StatusGrpc(std::function<absl::Status(grpc::ServerContext&)> authorize,
                       std::function<ProcessInfo()> info, std::function<ServiceSnapshot()> snapshot)
    : authorize_(std::move(authorize)), info_(std::move(info)), snapshot_(std::move(snapshot)) {}

grpc::Status StatusGrpc::GetStatus(grpc::ServerContext* context, const v1::GetStatusRequest*,
                                   v1::GetStatusResponse* response) {
  if (absl::Status s = authorize_(*context); !s.ok()) return ToGrpcStatus(s);
  *response = StatusResponse(info_(), snapshot_());
  return grpc::Status::OK;
}

}  // namespace wp::metrics
