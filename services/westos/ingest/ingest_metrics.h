// Usage ingestion on the service's Prometheus endpoint: what became of the
// events of each committed batch, by the path they came in on, and how many
// events a committed retraction retracted. The gRPC layer and the CSV
// import record a batch once UsageIngest (or StatementIntake) has returned
// its result, which it gives only for a committed transaction, so a batch
// rolled back counts nothing.
//
//   wp_westos_usage_events_total{service,path,outcome}  counter
//   wp_westos_usage_retractions_total{service,path}     counter
//   wp_westos_usage_batch_events{service,path}          histogram
//
// path: grpc (IngestUsage, RetractUsageEvents), csv (ImportUsageCsv), xapi
// (SendStatements; a voiding statement retracts). outcome: accepted,
// duplicate, conflict, rejected. Every series exists from the start (at 0),
// so a rate has a beginning; retractions have no csv series (the CSV import
// never retracts).
//
// Thread-safe: counters are lock-free; a histogram takes a short lock per
// batch. The registry must outlive this object.
#ifndef WP_SERVICES_WESTOS_INGEST_INGEST_METRICS_H_
#define WP_SERVICES_WESTOS_INGEST_INGEST_METRICS_H_

#include <array>
#include <cstdint>
#include <string>

#include "prometheus/counter.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "services/westos/ingest/usage_ingest.h"

namespace wp::westos {

enum class IngestPath { kGrpc = 0, kCsv = 1, kXapi = 2 };

class IngestMetrics {
 public:
  IngestMetrics(prometheus::Registry& registry, const std::string& service);
  IngestMetrics(const IngestMetrics&) = delete;
  IngestMetrics& operator=(const IngestMetrics&) = delete;

  // The totals of one committed batch. A batch of no events is not
  // observed in the batch size histogram.
  void RecordBatch(IngestPath path, const IngestTotals& totals);
  // Events newly retracted by one committed call (0 adds nothing).
  void RecordRetractions(IngestPath path, int64_t retracted);

 private:
  struct PathSeries {
    prometheus::Counter* accepted;
    prometheus::Counter* duplicate;
    prometheus::Counter* conflict;
    prometheus::Counter* rejected;
    prometheus::Counter* retractions;  // null for csv
    prometheus::Histogram* batch_events;
  };
  std::array<PathSeries, 3> paths_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_INGEST_METRICS_H_
