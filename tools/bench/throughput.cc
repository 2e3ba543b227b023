#include "tools/bench/throughput.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include "absl/time/clock.h"

namespace wp::bench {
namespace {

constexpr int kRounds = 3;

}  // namespace

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

RunResult Throughput(int threads, absl::Duration duration, const std::function<bool()>& call) {
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(threads);
  std::vector<int64_t> errors(threads, 0);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      while (!stop.load(std::memory_order_relaxed)) {
        const absl::Time start = absl::Now();
        if (!call()) ++errors[t];
        latencies[t].push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
      }
    });
  }
  const absl::Time start = absl::Now();
  absl::SleepFor(duration);
  stop = true;
  for (auto& w : workers) w.join();
  const double elapsed = absl::ToDoubleSeconds(absl::Now() - start);
  std::vector<double> all;
  RunResult r;
  for (int t = 0; t < threads; ++t) {
    all.insert(all.end(), latencies[t].begin(), latencies[t].end());
    r.errors += errors[t];
  }
  r.calls = static_cast<int64_t>(all.size());
  r.qps = r.calls / elapsed;
  r.p50_ms = Percentile(all, 0.50);
  r.p99_ms = Percentile(all, 0.99);
  return r;
}

std::pair<RunResult, RunResult> Compare(int threads, absl::Duration duration,
                                        const std::function<bool()>& baseline,
                                        const std::function<bool()>& candidate) {
  std::vector<RunResult> a, b;
  for (int round = 0; round < kRounds; ++round) {
    a.push_back(Throughput(threads, duration, baseline));
    b.push_back(Throughput(threads, duration, candidate));
  }
  auto median = [](std::vector<RunResult>& runs) {
    std::sort(runs.begin(), runs.end(), [](const RunResult& x, const RunResult& y) { return x.qps < y.qps; });
    return runs[runs.size() / 2];
  };
  return {median(a), median(b)};
}

void Print(const char* name, const RunResult& r) {
  std::printf("%-28s %10.0f qps   p50 %7.3f ms   p99 %7.3f ms   (%lld calls, %lld errors)\n", name,
              r.qps, r.p50_ms, r.p99_ms, static_cast<long long>(r.calls),
              static_cast<long long>(r.errors));
}

}  // namespace wp::bench
