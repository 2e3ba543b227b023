// Runs a gRPC server the same way in every service: health checking
// (NOT_SERVING until the service says it is wired, and again while
// draining), server reflection, the interceptor chain, request limits
// (32 MiB per message, 64 KiB of metadata, room for a 16 KiB token),
// protobuf's own log lines routed through libs/log, and a graceful drain on
// SIGTERM/SIGINT.
//
// Use from main():
//   wp::server::InstallShutdownSignalHandlers();  // first thing
//   ServiceHost host(config);
//   host.AddService(&my_service);
//   if (auto s = host.Start(); !s.ok()) { fatal }
//   ... wire store, bus, cache ...
//   host.SetServing(true);
//   host.WaitForShutdownSignal();
//   host.Shutdown(absl::Seconds(10));
//
// Thread-safety: Start/Shutdown from the main thread; SetServing from any.
#ifndef WP_LIBS_SERVER_SERVICE_HOST_H_
#define WP_LIBS_SERVER_SERVICE_HOST_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "grpcpp/server.h"
#include "grpcpp/support/server_interceptor.h"
#include "libs/config/config.h"

namespace wp::server {

// Routes SIGTERM and SIGINT to WaitForShutdownSignal(), whichever thread the
// kernel delivers them to (libraries start threads of their own). Ignores
// SIGPIPE, which a closed peer socket would otherwise turn into a crash.
void InstallShutdownSignalHandlers();

class ServiceHost {
 public:
  explicit ServiceHost(const ServiceConfig& config);
  ~ServiceHost();

  // Services must outlive the host. Call before Start().
  void AddService(grpc::Service* service);
  // Interceptors run in the order added, before the logging interceptor.
  // Authentication (libs/authz) goes here. Call before Start().
  void AddInterceptor(std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> factory);

  // Binds and starts serving with health NOT_SERVING. A busy port is an error.
  absl::Status Start();
  // The bound port (useful when the configured port was 0).
  int port() const { return port_; }

  void SetServing(bool serving);

  // Blocks until SIGTERM or SIGINT; returns the signal number.
  int WaitForShutdownSignal();

  // Health goes NOT_SERVING, new calls are refused, calls in flight get up to
  // `grace` to finish.
  void Shutdown(absl::Duration grace);

 private:
  ServiceConfig config_;
  std::vector<grpc::Service*> services_;
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_SERVICE_HOST_H_
