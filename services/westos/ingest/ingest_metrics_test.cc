// What IngestMetrics records: a batch's totals by outcome on its path's
// series alone, its size in the histogram unless it held no events, and
// retractions on the grpc and xapi paths.
#include "services/westos/ingest/ingest_metrics.h"

#include <map>
#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "prometheus/registry.h"

namespace wp::westos {
namespace {

// The series of family `name` whose labels include all of `labels`, as
// collected now; nullopt when there is none.
std::optional<prometheus::ClientMetric> Find(prometheus::Registry& registry, const std::string& name,
                                             const std::map<std::string, std::string>& labels) {
  for (const prometheus::MetricFamily& family : registry.Collect()) {
    if (family.name != name) continue;
    for (const prometheus::ClientMetric& metric : family.metric) {
      size_t matched = 0;
      for (const prometheus::ClientMetric::Label& l : metric.label) {
        auto it = labels.find(l.name);
        if (it != labels.end() && it->second == l.value) ++matched;
      }
      if (matched == labels.size()) return metric;
    }
  }
  return std::nullopt;
}

// A counter's value, or a histogram's sample count; -1 when there is none.
double Read(prometheus::Registry& registry, const std::string& name,
            const std::map<std::string, std::string>& labels) {
  std::optional<prometheus::ClientMetric> m = Find(registry, name, labels);
  if (!m.has_value()) return -1;
  return name == "wp_westos_usage_batch_events" ? static_cast<double>(m->histogram.sample_count) : m->counter.value;
}

double Events(prometheus::Registry& r, const std::string& path, const std::string& outcome) {
  return Read(r, "wp_westos_usage_events_total", {{"service", "westos"}, {"path", path}, {"outcome", outcome}});
}

TEST(IngestMetricsTest, EverySeriesStartsAtZero) {
  prometheus::Registry registry;
  IngestMetrics metrics(registry, "westos");
  for (const char* path : {"grpc", "csv", "xapi"}) {
    for (const char* outcome : {"accepted", "duplicate", "conflict", "rejected"}) {
      EXPECT_EQ(Events(registry, path, outcome), 0) << path << " " << outcome;
    }
    EXPECT_EQ(Read(registry, "wp_westos_usage_batch_events", {{"path", path}}), 0) << path;
  }
  EXPECT_EQ(Read(registry, "wp_westos_usage_retractions_total", {{"path", "grpc"}}), 0);
  EXPECT_EQ(Read(registry, "wp_westos_usage_retractions_total", {{"path", "xapi"}}), 0);
  EXPECT_EQ(Read(registry, "wp_westos_usage_retractions_total", {{"path", "csv"}}), -1);
}

TEST(IngestMetricsTest, ABatchCountsItsOutcomesOnItsPathAndItsSize) {
  prometheus::Registry registry;
  IngestMetrics metrics(registry, "westos");
  metrics.RecordBatch(IngestPath::kCsv, IngestTotals{5, 2, 1, 3});
  metrics.RecordBatch(IngestPath::kCsv, IngestTotals{1});
  EXPECT_EQ(Events(registry, "csv", "accepted"), 6);
  EXPECT_EQ(Events(registry, "csv", "duplicate"), 2);
  EXPECT_EQ(Events(registry, "csv", "conflict"), 1);
  EXPECT_EQ(Events(registry, "csv", "rejected"), 3);
  EXPECT_EQ(Events(registry, "grpc", "accepted"), 0);
  EXPECT_EQ(Events(registry, "xapi", "accepted"), 0);
  EXPECT_EQ(Read(registry, "wp_westos_usage_batch_events", {{"path", "csv"}}), 2);
  std::optional<prometheus::ClientMetric> sizes = Find(registry, "wp_westos_usage_batch_events", {{"path", "csv"}});
  ASSERT_TRUE(sizes.has_value());
  EXPECT_EQ(sizes->histogram.sample_sum, 12);  // 11 + 1 events
}

TEST(IngestMetricsTest, AnEmptyBatchIsNoBatch) {
  prometheus::Registry registry;
  IngestMetrics metrics(registry, "westos");
  metrics.RecordBatch(IngestPath::kGrpc, IngestTotals{});
  EXPECT_EQ(Read(registry, "wp_westos_usage_batch_events", {{"path", "grpc"}}), 0);
}

TEST(IngestMetricsTest, RetractionsCountOnGrpcAndXapi) {
  prometheus::Registry registry;
  IngestMetrics metrics(registry, "westos");
  metrics.RecordRetractions(IngestPath::kGrpc, 3);
  metrics.RecordRetractions(IngestPath::kXapi, 1);
  metrics.RecordRetractions(IngestPath::kXapi, 0);
  metrics.RecordRetractions(IngestPath::kCsv, 4);  // no series: nothing to count on
  EXPECT_EQ(Read(registry, "wp_westos_usage_retractions_total", {{"path", "grpc"}}), 3);
  EXPECT_EQ(Read(registry, "wp_westos_usage_retractions_total", {{"path", "xapi"}}), 1);
}

}  // namespace
}  // namespace wp::westos
