// Reads a service's Prometheus endpoint in a test, as Prometheus would: a
// plain HTTP GET of /metrics, and the value of one series in the text.
//
// Thread-safe: plain functions.
#ifndef WP_LIBS_TESTING_METRICS_SCRAPE_H_
#define WP_LIBS_TESTING_METRICS_SCRAPE_H_

#include <optional>
#include <string>
#include <vector>

namespace wp::testing {

// GET http://127.0.0.1:port/metrics; the body, or "" when the request failed.
std::string ScrapeMetrics(int port);

// The value of the first series `name` in `text` whose labels contain every
// one of `labels` (e.g. "code=\"OK\""); nullopt when there is none.
std::optional<double> MetricValue(const std::string& text, const std::string& name,
                                  const std::vector<std::string>& labels = {});

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_METRICS_SCRAPE_H_
