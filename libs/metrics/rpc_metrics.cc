#include "libs/metrics/rpc_metrics.h"

#include <chrono>
#include <utility>

#include "libs/metrics/latency_buckets.h"

namespace wp::metrics {
namespace {

using grpc::experimental::InterceptionHookPoints;

const char* CodeName(int code) {
  static const char* const kNames[] = {
      "OK",        "CANCELLED",          "UNKNOWN",           "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND",  "ALREADY_EXISTS",    "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL",       "UNAVAILABLE",       "DATA_LOSS",
      "UNAUTHENTICATED"};
  return kNames[code];
}

class RpcMetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcMetricsInterceptor(RpcMetrics& metrics, RpcMetrics::Method* method)
      : metrics_(metrics), method_(method), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
      metrics_.Record(method_, methods->GetSendStatus().error_code(), elapsed.count());
    }
    methods->Proceed();
  }

 private:
  RpcMetrics& metrics_;
  RpcMetrics::Method* const method_;
  const std::chrono::steady_clock::time_point start_;
};

class RpcMetricsFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcMetricsFactory(RpcMetrics& metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcMetricsInterceptor(metrics_, metrics_.ForMethod(info->method()));
  }

 private:
  RpcMetrics& metrics_;
};

}  // namespace

RpcMetrics::RpcMetrics(prometheus::Registry& registry, const std::string& service)
    : requests_(prometheus::BuildCounter()
                    .Name("wp_rpc_requests_total")
                    .Help("RPCs answered, by method and gRPC status code")
                    .Labels({{"service", service}})
                    .Register(registry)),
      duration_(prometheus::BuildHistogram()
                    .Name("wp_rpc_duration_seconds")
                    .Help("Time from the start of an RPC to its status, by method and code")
                    .Labels({{"service", service}})
                    .Register(registry)) {}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
RpcMetrics::NewInterceptorFactory() {
  return std::make_unique<RpcMetricsFactory>(*this);
}

RpcMetrics::Method* RpcMetrics::ForMethod(const std::string& method) {
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = methods_.find(method);
    if (it != methods_.end()) return it->second.get();
  }
  absl::MutexLock lock(&mu_);
  const std::string name = methods_.size() < kMaxMethods ? method : std::string("other");
  std::unique_ptr<Method>& slot = methods_[name];
  if (slot == nullptr) slot = std::make_unique<Method>(name);
  return slot.get();
}

void RpcMetrics::Record(Method* method, grpc::StatusCode code, double seconds) {
  int c = static_cast<int>(code);
  if (c < 0 || c >= Method::kCodes) c = static_cast<int>(grpc::StatusCode::UNKNOWN);
  Series* series = method->by_code_[c].load(std::memory_order_acquire);
  if (series == nullptr) series = CreateSeries(method, c);
  series->requests->Increment();
  series->duration->Observe(seconds);
}

RpcMetrics::Series* RpcMetrics::CreateSeries(Method* method, int code) {
  absl::MutexLock lock(&mu_);
  Series* existing = method->by_code_[code].load(std::memory_order_acquire);
  if (existing != nullptr) return existing;
  const prometheus::Labels labels = {{"method", method->name()}, {"code", CodeName(code)}};
  auto series = std::make_unique<Series>(
      Series{&requests_.Add(labels), &duration_.Add(labels, LatencyBuckets())});
  Series* created = series.get();
  series_.push_back(std::move(series));
  method->by_code_[code].store(created, std::memory_order_release);
  return created;
}

}  // namespace wp::metrics
