#include "services/westos/ingest/ingest_metrics.h"

#include "prometheus/family.h"

namespace wp::westos {
namespace {

constexpr const char* kPathNames[] = {"grpc", "csv", "xapi"};

// Events per batch: a single xAPI statement up to IngestUsage's and the
// CSV import's 20,000.
const prometheus::Histogram::BucketBoundaries& BatchBuckets() {
  static const auto* buckets =
      new prometheus::Histogram::BucketBoundaries{1, 10, 100, 500, 1000, 2500, 5000, 10000, 20000};
  return *buckets;
}

}  // namespace

IngestMetrics::IngestMetrics(prometheus::Registry& registry, const std::string& service) {
  auto& events = prometheus::BuildCounter()
                     .Name("wp_westos_usage_events_total")
                     .Help("Usage events of committed batches, by path and outcome")
                     .Labels({{"service", service}})
                     .Register(registry);
  auto& retractions = prometheus::BuildCounter()
                          .Name("wp_westos_usage_retractions_total")
                          .Help("Usage events newly retracted by committed calls, by path")
                          .Labels({{"service", service}})
                          .Register(registry);
  auto& batch_events = prometheus::BuildHistogram()
                           .Name("wp_westos_usage_batch_events")
                           .Help("Events per committed usage batch, by path")
                           .Labels({{"service", service}})
                           .Register(registry);
  for (size_t i = 0; i < paths_.size(); ++i) {
    const std::string path = kPathNames[i];
    auto outcome = [&](const char* name) { return &events.Add({{"path", path}, {"outcome", name}}); };
    paths_[i] = PathSeries{
        outcome("accepted"),
        outcome("duplicate"),
        outcome("conflict"),
        outcome("rejected"),
        static_cast<IngestPath>(i) == IngestPath::kCsv ? nullptr : &retractions.Add({{"path", path}}),
        &batch_events.Add({{"path", path}}, BatchBuckets()),
    };
  }
}

void IngestMetrics::RecordBatch(IngestPath path, const IngestTotals& totals) {
  const PathSeries& s = paths_[static_cast<size_t>(path)];
  s.accepted->Increment(static_cast<double>(totals.accepted));
  s.duplicate->Increment(static_cast<double>(totals.duplicates));
  s.conflict->Increment(static_cast<double>(totals.conflicts));
  s.rejected->Increment(static_cast<double>(totals.rejected));
  const int64_t events = totals.accepted + totals.duplicates + totals.conflicts + totals.rejected;
  if (events > 0) s.batch_events->Observe(static_cast<double>(events));
}

void IngestMetrics::RecordRetractions(IngestPath path, int64_t retracted) {
  const PathSeries& s = paths_[static_cast<size_t>(path)];
  if (s.retractions != nullptr && retracted > 0) s.retractions->Increment(static_cast<double>(retracted));
}

}  // namespace wp::westos
