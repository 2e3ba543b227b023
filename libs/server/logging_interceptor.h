// Server interceptor that writes one structured log line per RPC: method,
// status code, duration and the call's trace id (the `x-request-id` that
// authentication puts in the response's initial metadata). OK calls log at debug level (dashboards call many
// times a second), failures at info (client errors) or warn (server errors).
//
// It runs last in the chain (service_host.h), after authentication
// (libs/authz) and the metrics interceptor (libs/metrics/rpc_metrics.h).
// Thread-safe: one interceptor object per call.
#ifndef WP_LIBS_SERVER_LOGGING_INTERCEPTOR_H_
#define WP_LIBS_SERVER_LOGGING_INTERCEPTOR_H_

#include "grpcpp/support/server_interceptor.h"

namespace wp::server {

class LoggingInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_LOGGING_INTERCEPTOR_H_
