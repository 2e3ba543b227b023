// The StatusService answer built from a snapshot, and the two derived
// numbers (cache hit ratio, total consumer lag), without a server.
#include "libs/metrics/status_service.h"

#include "gtest/gtest.h"
#include "libs/metrics/build_info.h"

namespace wp::metrics {
namespace {

ServiceSnapshot Sample() {
  ServiceSnapshot s;
  s.outbox_unsent = 4;
  s.outbox_lag_seconds = 2.5;
  s.dead_letters = 1;
  s.relay.published = 10;
  s.relay.failures = 2;
  bus::DurableConsumerStats a;
  a.pending = 7;
  a.redeliveries = 1;
  a.handled = 30;
  bus::DurableConsumerStats b;  // not fetched yet: pending -1
  s.consumers = {{"svc-a", a}, {"svc-b", b}};
  s.cache.near_hits = 6;
  s.cache.hits = 2;
  s.cache.misses = 1;
  s.cache.redis_errors = 1;
  s.cache.computations = 2;
  s.has_cache = true;
  return s;
}

TEST(StatusResponseTest, CarriesTheSnapshotAndTheBuild) {
  ProcessInfo info{"svc", "host-127.0.0.1:1", absl::FromUnixSeconds(1700000000), 51052};
  const wp::common::v1::GetStatusResponse r = StatusResponse(info, Sample());
  EXPECT_EQ(r.service(), "svc");
  EXPECT_EQ(r.instance(), "host-127.0.0.1:1");
  EXPECT_EQ(r.version(), BuildVersion());
  EXPECT_EQ(r.git_commit(), BuildGitCommit());
  EXPECT_FALSE(r.git_commit().empty());
  EXPECT_EQ(r.start_time().seconds(), 1700000000);
  EXPECT_EQ(r.metrics_port(), 51052);
  EXPECT_EQ(r.outbox().unsent(), 4);
  EXPECT_DOUBLE_EQ(r.outbox().lag_seconds(), 2.5);
  EXPECT_EQ(r.outbox().dead_letters(), 1);
  EXPECT_EQ(r.outbox().published(), 10);
  EXPECT_EQ(r.outbox().publish_failures(), 2);
  ASSERT_EQ(r.consumers_size(), 2);
  EXPECT_EQ(r.consumers(0).name(), "svc-a");
  EXPECT_EQ(r.consumers(0).pending(), 7);
  EXPECT_EQ(r.consumers(0).redeliveries(), 1);
  EXPECT_EQ(r.consumers(0).handled(), 30);
  EXPECT_EQ(r.consumers(1).pending(), -1);
  EXPECT_EQ(r.cache().near_hits(), 6);
  EXPECT_EQ(r.cache().redis_hits(), 2);
  EXPECT_EQ(r.cache().store_fallbacks(), 2);
  EXPECT_DOUBLE_EQ(r.cache().hit_ratio(), 0.8);  // 8 answered of 10
}

TEST(StatusResponseTest, HitRatioIsUnknownBeforeAnyLookup) {
  EXPECT_EQ(CacheHitRatio(cache::CacheStats{}), -1);
}

TEST(StatusResponseTest, TotalLagSkipsUnknownConsumers) {
  EXPECT_EQ(TotalConsumerLag(Sample()), 7);
  EXPECT_EQ(TotalConsumerLag(ServiceSnapshot{}), 0);
}

}  // namespace
}  // namespace wp::metrics
