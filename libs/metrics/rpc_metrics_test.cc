// RpcMetrics without a server: what Record() puts in the registry, one series
// per method and code, and the bound on method names.
#include "libs/metrics/rpc_metrics.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "prometheus/registry.h"

namespace wp::metrics {
namespace {

// The value of `family`'s series with `method` and `code` (its count for a
// histogram); -1 when there is none.
double SeriesValue(const prometheus::Registry& registry, const std::string& family,
                   const std::string& method, const std::string& code) {
  for (const prometheus::MetricFamily& f : registry.Collect()) {
    if (f.name != family) continue;
    for (const prometheus::ClientMetric& m : f.metric) {
      bool method_matches = false, code_matches = false;
      for (const auto& l : m.label) {
        method_matches |= l.name == "method" && l.value == method;
        code_matches |= l.name == "code" && l.value == code;
      }
      if (method_matches && code_matches) {
        return f.type == prometheus::MetricType::Histogram ? m.histogram.sample_count
                                                           : m.counter.value;
      }
    }
  }
  return -1;
}

TEST(RpcMetricsTest, CountsAndTimesPerMethodAndCode) {
  prometheus::Registry registry;
  RpcMetrics metrics(registry, "svc");
  RpcMetrics::Method* get = metrics.ForMethod("/a.v1.S/Get");
  EXPECT_EQ(metrics.ForMethod("/a.v1.S/Get"), get);  // found, not made again
  metrics.Record(get, grpc::StatusCode::OK, 0.001);
  metrics.Record(get, grpc::StatusCode::OK, 0.002);
  metrics.Record(get, grpc::StatusCode::NOT_FOUND, 0.003);
  // A code out of range counts as UNKNOWN rather than crash.
  metrics.Record(get, static_cast<grpc::StatusCode>(99), 0.001);

  EXPECT_EQ(SeriesValue(registry, "wp_rpc_requests_total", "/a.v1.S/Get", "OK"), 2);
  EXPECT_EQ(SeriesValue(registry, "wp_rpc_requests_total", "/a.v1.S/Get", "NOT_FOUND"), 1);
  EXPECT_EQ(SeriesValue(registry, "wp_rpc_requests_total", "/a.v1.S/Get", "UNKNOWN"), 1);
  EXPECT_EQ(SeriesValue(registry, "wp_rpc_duration_seconds", "/a.v1.S/Get", "OK"), 2);
  EXPECT_EQ(SeriesValue(registry, "wp_rpc_requests_total", "/a.v1.S/Get", "INTERNAL"), -1);
}

TEST(RpcMetricsTest, MethodNamesPastTheLimitShareOther) {
  prometheus::Registry registry;
  RpcMetrics metrics(registry, "svc");
  for (size_t i = 0; i < RpcMetrics::kMaxMethods; ++i) {
    metrics.ForMethod(absl::StrCat("/made.Up/M", i));
  }
  RpcMetrics::Method* extra = metrics.ForMethod("/made.Up/OneTooMany");
  EXPECT_EQ(extra->name(), "other");
  EXPECT_EQ(metrics.ForMethod("/made.Up/AnotherOne"), extra);
  metrics.Record(extra, grpc::StatusCode::UNIMPLEMENTED, 0.0001);
  EXPECT_EQ(SeriesValue(registry, "wp_rpc_requests_total", "other", "UNIMPLEMENTED"), 1);
}

}  // namespace
}  // namespace wp::metrics
