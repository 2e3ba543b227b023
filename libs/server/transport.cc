#include "libs/server/transport.h"

#include "grpcpp/security/server_credentials.h"
#include "libs/log/log.h"

namespace wp::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServiceConfig& config) {
  if (config.tls_cert_file.empty()) {
    if (!config.allow_plaintext) {
      return absl::FailedPreconditionError("no TLS certificate and plaintext is not allowed");
    }
    log::Warn("serving plaintext gRPC: no TLS (allowed by --allow_plaintext; local use only)");
    return grpc::InsecureServerCredentials();
  }
  absl::StatusOr<std::string> cert = ReadSmallFile(config.tls_cert_file);
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadSmallFile(config.tls_key_file);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions options;
  options.pem_key_cert_pairs.push_back({*key, *cert});
  if (!config.tls_client_ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadSmallFile(config.tls_client_ca_file);
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *ca;
    options.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  log::Info("serving gRPC over TLS",
            {{"client_certificates", config.tls_client_ca_file.empty() ? "not requested" : "required"}});
  return grpc::SslServerCredentials(options);
}

}  // namespace wp::server
