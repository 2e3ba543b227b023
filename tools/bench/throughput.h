// What the benchmarks share: running a call back to back on several client
// threads, comparing it with a baseline run alternately, and printing the
// figures. Benchmarks print figures; tests never time anything.
#ifndef WP_TOOLS_BENCH_THROUGHPUT_H_
#define WP_TOOLS_BENCH_THROUGHPUT_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "absl/time/time.h"

namespace wp::bench {

struct RunResult {
  double qps = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  int64_t calls = 0;
  int64_t errors = 0;
};

// The value at fraction `p` (0..1) of `v`, which is sorted in place.
double Percentile(std::vector<double>& v, double p);

// Runs `call` back to back on `threads` threads for `duration`.
RunResult Throughput(int threads, absl::Duration duration, const std::function<bool()>& call);

// Alternates baseline and candidate runs (3 each) so that both see the same
// machine, and returns the run with the median QPS of each.
std::pair<RunResult, RunResult> Compare(int threads, absl::Duration duration,
                                        const std::function<bool()>& baseline,
                                        const std::function<bool()>& candidate);

// One line: name, QPS, p50, p99, calls and errors.
void Print(const char* name, const RunResult& r);

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_THROUGHPUT_H_
