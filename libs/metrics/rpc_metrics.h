// Every RPC counted and timed, per method and gRPC status code, with no line
// in the service: a server interceptor the service runtime adds to the chain
// after authentication (so refused calls count with the code they got).
//
//   wp_rpc_requests_total{service,method,code}         counter
//   wp_rpc_duration_seconds{service,method,code}       histogram
//
// Hot path (e.g. ~13k cached summary reads a second): a call finds its
// method's series under a reader lock when it starts, and its code's series
// through an atomic pointer when it ends; the series of a method and code is
// created once, on its first call. The counter is lock-free; a histogram
// takes its own short mutex per observation (prometheus-cpp). At most
// kMaxMethods method names get their own series (methods a client made up
// and the server does not serve share method="other"), so a caller cannot
// grow memory without bound.
//
// Thread-safe. The registry must outlive this object, and this object the
// server.
#ifndef WP_LIBS_METRICS_RPC_METRICS_H_
#define WP_LIBS_METRICS_RPC_METRICS_H_

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace wp::metrics {

class RpcMetrics {
 public:
  static constexpr size_t kMaxMethods = 256;

  RpcMetrics(prometheus::Registry& registry, const std::string& service);
  RpcMetrics(const RpcMetrics&) = delete;
  RpcMetrics& operator=(const RpcMetrics&) = delete;

  // For ServiceHost::AddInterceptor; the factory refers to this object.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInterceptorFactory();

  // The series of one method, by status code.
  class Method;
  // The method's series (created on first use; "other" past kMaxMethods).
  Method* ForMethod(const std::string& method);
  // Records one finished call (what the interceptor does).
  void Record(Method* method, grpc::StatusCode code, double seconds);

 private:
  struct Series {
    prometheus::Counter* requests;
    prometheus::Histogram* duration;
  };
  Series* CreateSeries(Method* method, int code);

  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& duration_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<Method>> methods_ ABSL_GUARDED_BY(mu_);
  std::vector<std::unique_ptr<Series>> series_ ABSL_GUARDED_BY(mu_);
};

class RpcMetrics::Method {
 public:
  explicit Method(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }

 private:
  friend class RpcMetrics;
  static constexpr int kCodes = 17;  // OK .. UNAUTHENTICATED
  const std::string name_;
  std::array<std::atomic<Series*>, kCodes> by_code_{};
};

}  // namespace wp::metrics

#endif  // WP_LIBS_METRICS_RPC_METRICS_H_
