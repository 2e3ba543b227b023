// The channel a service listens on: TLS when a certificate and key are
// configured (and client certificates required when a client CA is given);
// plaintext only when explicitly allowed, with a warning in the log.
//
// Thread-safe: pure function (reads the files named in the config).
#ifndef WP_LIBS_SERVER_TRANSPORT_H_
#define WP_LIBS_SERVER_TRANSPORT_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "libs/config/config.h"

namespace wp::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServiceConfig& config);

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_TRANSPORT_H_
