// wp.common.v1.LoggingService: reads and changes the process's log level
// while it runs (libs/log). For admins only; every change is audited in the
// service's own store (resource "logging/level").
//
// Every service registers one beside its audit and outbox admin services
// (libs/runtime does it):
//   log::LoggingGrpc logging(*db, [&guard](grpc::ServerContext& ctx) { return guard.Admit(ctx); });
//   host.AddService(&logging);
//
// Thread-safe: the level is an atomic, the Database is thread-safe; the hook
// must be too.
#ifndef WP_LIBS_LOG_LOGGING_SERVICE_H_
#define WP_LIBS_LOG_LOGGING_SERVICE_H_

#include <functional>

#include "absl/status/statusor.h"
#include "grpcpp/server_context.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/common/v1/logging.grpc.pb.h"

namespace wp::log {

// The caller of `context` when it may change logging, otherwise the status
// the call fails with.
using AuthorizeLoggingFn = std::function<absl::StatusOr<server::Caller>(grpc::ServerContext&)>;

// The level and format in force now.
wp::common::v1::LogSettings CurrentLogSettings();

// Sets the level after writing its audit record (the old and new level).
// INVALID_ARGUMENT naming `level` when it is unspecified or unknown.
absl::StatusOr<wp::common::v1::LogSettings> SetLogLevel(store::Database& db, const server::Caller& caller,
                                                        const wp::common::v1::SetLogLevelRequest& request);

class LoggingGrpc final : public wp::common::v1::LoggingService::Service {
 public:
  // `db` must outlive this object. `authorize` runs first on every call.
  LoggingGrpc(store::Database& db, AuthorizeLoggingFn authorize);

  grpc::Status GetLogLevel(grpc::ServerContext* context, const wp::common::v1::GetLogLevelRequest* request,
                           wp::common::v1::LogSettings* response) override;
  grpc::Status SetLogLevel(grpc::ServerContext* context, const wp::common::v1::SetLogLevelRequest* request,
                           wp::common::v1::LogSettings* response) override;

 private:
  store::Database& db_;
  AuthorizeLoggingFn authorize_;
};

}  // namespace wp::log

#endif  // WP_LIBS_LOG_LOGGING_SERVICE_H_
