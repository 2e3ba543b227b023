// The runtime's Prometheus endpoint and StatusService against real
// nats-server, redis-server and SQLite: after a few calls, writes, consumed
// events and cache reads, a plain HTTP GET of /metrics shows the RPC,
// store, outbox, consumer and cache series with the values those caused,
// and GetStatus reports the same numbers.
#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"
#include "google/protobuf/wrappers.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/event_writer.h"
#include "libs/metrics/build_info.h"
#include "libs/runtime/runtime_test_support.h"
#include "libs/runtime/service_runtime.h"
#include "libs/testing/metrics_scrape.h"
#include "libs/testing/server_process.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/status.grpc.pb.h"

namespace wp::runtime {
namespace {

using bus::test_util::Eventually;
using wp::testing::MetricValue;
using wp::testing::ScrapeMetrics;

const char kName[] = "metricstest";

class RuntimeMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    config_ = TestServiceConfig(kName, nats_.url(), redis_.url());
  }

  ServiceSpec Spec() {
    ServiceSpec spec;
    spec.name = kName;
    spec.migrations = {{1, "items", "CREATE TABLE items (name TEXT PRIMARY KEY)"}};
    spec.policy["/wp.common.v1.StatusService/GetStatus"] = authz::Readers();
    return spec;
  }

  std::shared_ptr<grpc::Channel> Channel(int port) {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials());
  }

  bool HealthCheck(int port) {
    auto stub = grpc::health::v1::Health::NewStub(Channel(port));
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return stub->Check(&ctx, request, &response).ok();
  }

  void WriteItem(ServiceRuntime& rt, const std::string& name) { EXPECT_GT(WriteTestItem(rt, kName, name), 0); }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  ServiceConfig config_;
};

TEST_F(RuntimeMetricsTest, ScrapeShowsRpcStoreOutboxConsumerAndCacheSeries) {
  auto created = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(created.ok()) << created.status();
  ServiceRuntime& rt = **created;
  ASSERT_GT(rt.metrics_port(), 0);

  // A consumer of the service's own stream, so that events flow through one.
  std::atomic<int> consumed{0};
  bus::DurableConsumerOptions options;
  options.stream = bus::StreamNameFor(kName);
  options.stream_subjects = {bus::StreamSubjectsFor(kName)};
  options.durable_name = "metricstest-items";
  rt.AddConsumer("the items consumer",
                 std::make_unique<bus::DurableConsumer>(
                     rt.nats(), options, [&](const wp::common::v1::Event&) {
                       consumed.fetch_add(1);
                       return absl::OkStatus();
                     }));
  ASSERT_TRUE(rt.Start().ok());

  // Calls: three health checks, one refused status call, one allowed.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(HealthCheck(rt.port()));
  auto status_stub = wp::common::v1::StatusService::NewStub(Channel(rt.port()));
  {
    grpc::ClientContext ctx;
    wp::common::v1::GetStatusResponse response;
    EXPECT_EQ(status_stub->GetStatus(&ctx, {}, &response).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }
  // Writes whose events the relay publishes and the consumer applies.
  for (const char* name : {"one", "two", "three"}) WriteItem(rt, name);
  ASSERT_TRUE(Eventually([&] { return consumed.load() == 3; }));
  // Cache reads: a miss that computes from the store, then an in-process hit.
  for (int i = 0; i < 2; ++i) {
    auto value = rt.cache()->GetOrCompute(absl::StrCat(rt.store_id(), ":metrics-key"),
                                          absl::Minutes(1), [] { return std::string("v"); });
    ASSERT_TRUE(value.ok()) << value.status();
  }

  std::string text;
  ASSERT_TRUE(Eventually([&] {
    text = ScrapeMetrics(rt.metrics_port());
    return MetricValue(text, "wp_outbox_unsent").value_or(-1) == 0 &&
           MetricValue(text, "wp_consumer_pending", {"consumer=\"metricstest-items\""}).value_or(-1) == 0;
  })) << text;
  const std::string service = absl::StrCat("service=\"", kName, "\"");

  // RPCs, by method and code, with their latency histogram.
  EXPECT_EQ(MetricValue(text, "wp_rpc_requests_total",
                        {service, "method=\"/grpc.health.v1.Health/Check\"", "code=\"OK\""}),
            3);
  EXPECT_EQ(MetricValue(text, "wp_rpc_requests_total",
                        {"method=\"/wp.common.v1.StatusService/GetStatus\"", "code=\"UNAUTHENTICATED\""}),
            1);
  EXPECT_EQ(MetricValue(text, "wp_rpc_duration_seconds_count",
                        {"method=\"/grpc.health.v1.Health/Check\"", "code=\"OK\""}),
            3);
  EXPECT_EQ(MetricValue(text, "wp_rpc_duration_seconds_bucket",
                        {"method=\"/grpc.health.v1.Health/Check\"", "le=\"+Inf\""}),
            3);
  // Store transactions: the three writes at least, and reads.
  EXPECT_GE(MetricValue(text, "wp_store_transaction_duration_seconds_count", {"kind=\"write\""}).value_or(0), 3);
  EXPECT_GE(MetricValue(text, "wp_store_transaction_duration_seconds_count", {"kind=\"read\""}).value_or(0), 1);
  // Outbox: all published, nothing waiting, no lag, no dead letters.
  EXPECT_EQ(MetricValue(text, "wp_outbox_published_total", {service}), 3);
  EXPECT_EQ(MetricValue(text, "wp_outbox_lag_seconds"), 0);
  EXPECT_EQ(MetricValue(text, "wp_outbox_dead_letters"), 0);
  // The consumer: all three applied, none redelivered, nothing pending.
  EXPECT_EQ(MetricValue(text, "wp_consumer_handled_total", {"consumer=\"metricstest-items\""}), 3);
  EXPECT_EQ(MetricValue(text, "wp_consumer_redeliveries_total", {"consumer=\"metricstest-items\""}), 0);
  // The cache: one miss computed from the store, then one in-process hit.
  EXPECT_EQ(MetricValue(text, "wp_cache_misses_total"), 1);
  EXPECT_EQ(MetricValue(text, "wp_cache_store_fallbacks_total"), 1);
  EXPECT_EQ(MetricValue(text, "wp_cache_hits_total", {"tier=\"near\""}), 1);
  EXPECT_EQ(MetricValue(text, "wp_cache_hits_total", {"tier=\"redis\""}), 0);
  // Build and start time.
  EXPECT_EQ(MetricValue(text, "wp_build_info", {absl::StrCat("git_commit=\"", metrics::BuildGitCommit(), "\"")}), 1);
  EXPECT_GT(MetricValue(text, "wp_process_start_time_seconds").value_or(0), 1.7e9);

  // The status service reads the same numbers.
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kAnalyst));
  wp::common::v1::GetStatusResponse status;
  grpc::Status call = status_stub->GetStatus(&ctx, {}, &status);
  ASSERT_TRUE(call.ok()) << call.error_message();
  EXPECT_EQ(status.service(), kName);
  EXPECT_EQ(status.version(), metrics::BuildVersion());
  EXPECT_EQ(status.metrics_port(), rt.metrics_port());
  EXPECT_GT(status.start_time().seconds(), 0);
  EXPECT_EQ(status.outbox().unsent(), 0);
  EXPECT_EQ(status.outbox().published(), 3);
  // The service's consumer, and the runtime's follower of its own stream.
  ASSERT_EQ(status.consumers_size(), 2);
  const auto items = std::find_if(status.consumers().begin(), status.consumers().end(),
                                  [](const auto& c) { return c.name() == "metricstest-items"; });
  ASSERT_NE(items, status.consumers().end());
  EXPECT_EQ(items->handled(), 3);
  EXPECT_EQ(items->pending(), 0);
  EXPECT_EQ(status.cache().near_hits(), 1);
  EXPECT_DOUBLE_EQ(status.cache().hit_ratio(), 0.5);

  // Shutdown stops the endpoint last.
  const int metrics_port = rt.metrics_port();
  rt.Shutdown();
  EXPECT_EQ(rt.metrics_port(), -1);
  EXPECT_EQ(ScrapeMetrics(metrics_port), "");
}

TEST_F(RuntimeMetricsTest, NegativeMetricsPortMeansNoEndpoint) {
  config_.metrics_address.clear();
  auto rt = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(rt.ok()) << rt.status();
  EXPECT_EQ((*rt)->metrics_port(), -1);
}

TEST_F(RuntimeMetricsTest, BusyMetricsPortIsAStartUpErrorNamingIt) {
  auto first = ServiceRuntime::Create(config_, Spec());
  ASSERT_TRUE(first.ok()) << first.status();
  config_.metrics_address = absl::StrCat("127.0.0.1:", (*first)->metrics_port());
  config_.data_dir += "-second";
  config_.database_path = config_.data_dir + "/" + kName + ".db";
  auto second = ServiceRuntime::Create(config_, Spec());
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("cannot serve metrics"), std::string::npos)
      << second.status();
}

}  // namespace
}  // namespace wp::runtime
