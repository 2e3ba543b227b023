// The histogram buckets of every latency series (seconds): 0.25 ms to 10 s,
// about three per decade, so both a cached read (well under 1 ms) and a slow
// write show where they fall. Thread-safe: a constant.
#ifndef WP_LIBS_METRICS_LATENCY_BUCKETS_H_
#define WP_LIBS_METRICS_LATENCY_BUCKETS_H_

#include "prometheus/histogram.h"

namespace wp::metrics {

inline const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *buckets;
}

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_LATENCY_BUCKETS_H_
