#include "libs/config/config.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/log/log.h"

ABSL_FLAG(int32_t, port, 0, "gRPC port; 0 means the service's default port");
ABSL_FLAG(std::optional<int32_t>, metrics_port, std::nullopt,
          "Prometheus metrics port (http://host:port/metrics); unset means the gRPC port + 1000, "
          "0 any free port, negative none");
ABSL_FLAG(std::string, listen_host, "127.0.0.1", "Address the gRPC server binds");
ABSL_FLAG(std::string, data_dir, "data", "Folder for the service's SQLite file, backups and local state");
ABSL_FLAG(std::string, store_url, "",
          "Where the service keeps its data: empty for SQLite at <data_dir>/<service>.db, a file "
          "path or sqlite:PATH, or postgres://user[:password]@host:port/db (libs/store/open_store.h)");
ABSL_FLAG(std::string, nats_url, "nats://127.0.0.1:4222", "NATS server with JetStream");
ABSL_FLAG(std::string, redis_url, "redis://127.0.0.1:6379", "Redis for the aggregate cache");
ABSL_FLAG(std::string, log_level, "info", "debug, info, warn or error (changeable at run time: LoggingService)");
ABSL_FLAG(std::string, log_format, "logfmt", "Log lines as logfmt or json (one object per line)");
ABSL_FLAG(bool, reflection, true, "Serve gRPC server reflection");
ABSL_FLAG(std::string, jwt_issuer, "west-partnership", "Accepted token issuer (iss)");
ABSL_FLAG(std::string, jwt_audience, "wp", "Required token audience (aud)");
ABSL_FLAG(std::string, jwt_hs256_secret, "", "Shared secret for HS256 tokens (secret)");
ABSL_FLAG(std::string, jwt_rs256_public_key_file, "", "PEM public key for RS256 tokens");
ABSL_FLAG(std::string, tls_cert_file, "", "PEM certificate chain: serve gRPC over TLS");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of the TLS certificate");
ABSL_FLAG(std::string, tls_client_ca_file, "", "PEM CA bundle: require client certificates");
ABSL_FLAG(bool, allow_plaintext, false, "Serve gRPC without TLS (local use only)");
ABSL_FLAG(std::string, nats_user, "", "NATS user name");
ABSL_FLAG(std::string, nats_password, "", "NATS password (secret)");
ABSL_FLAG(std::string, nats_token, "", "NATS token (secret)");
ABSL_FLAG(std::string, redis_password, "", "Redis AUTH password (secret)");
ABSL_FLAG(std::string, restore_from, "",
          "Backup file to restore the store from at start-up (the service stopped; the current "
          "database is moved aside)");
ABSL_FLAG(int32_t, near_cache_entries, 256,
          "Cached aggregates also kept in process memory (0: Redis only)");
ABSL_FLAG(int64_t, change_feed_retention_events, 100000,
          "Newest events the change feed keeps (older published ones are pruned hourly); -1 keeps all");

namespace wp {

absl::Status ApplyEnvironmentOverrides() {
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    const std::string variable = absl::StrCat("WP_", absl::AsciiStrToUpper(name));
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr) continue;
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(absl::StrCat(variable, ": ", error));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string InstanceName(const ServiceConfig& config) {
  char host[256] = {0};
  gethostname(host, sizeof(host) - 1);
  return absl::StrCat(host, "-", config.listen_address);
}

void ExitOnStartupError(absl::string_view what, const absl::Status& status) {
  log::Error(what, {{"error", std::string(status.message())}});
  std::exit(1);
}

ServiceConfig LoadConfig(int argc, char** argv, absl::string_view service, int default_port) {
  auto fail = [](const absl::Status& status) {
    std::cerr << "configuration error: " << status.message() << "\n";
    std::exit(2);
  };
  if (absl::Status s = ApplyEnvironmentOverrides(); !s.ok()) fail(s);
  absl::ParseCommandLine(argc, argv);

  ServiceConfig config;
  config.service = std::string(service);
  const int port = absl::GetFlag(FLAGS_port) == 0 ? default_port : absl::GetFlag(FLAGS_port);
  if (port < 0 || port > 65535) fail(absl::InvalidArgumentError("port must be 0..65535"));
  config.listen_address = absl::StrCat(absl::GetFlag(FLAGS_listen_host), ":", port);
  const int metrics_port = absl::GetFlag(FLAGS_metrics_port).value_or(port + 1000);
  if (metrics_port > 65535) {
    fail(absl::InvalidArgumentError(absl::StrCat(
        "metrics_port must be at most 65535 (by default it is the gRPC port + 1000: ", metrics_port,
        "); set --metrics_port")));
  }
  if (metrics_port >= 0) {
    config.metrics_address = absl::StrCat(absl::GetFlag(FLAGS_listen_host), ":", metrics_port);
  }
  config.data_dir = absl::GetFlag(FLAGS_data_dir);
  config.database_path = absl::StrCat(config.data_dir, "/", service, ".db");
  config.store_url = absl::GetFlag(FLAGS_store_url);
  config.nats_url = absl::GetFlag(FLAGS_nats_url);
  config.reflection = absl::GetFlag(FLAGS_reflection);
  config.near_cache_entries = std::max(0, absl::GetFlag(FLAGS_near_cache_entries));
  config.redis_url = absl::GetFlag(FLAGS_redis_url);
  config.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  config.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  config.jwt_hs256_secret = absl::GetFlag(FLAGS_jwt_hs256_secret);
  if (const std::string path = absl::GetFlag(FLAGS_jwt_rs256_public_key_file); !path.empty()) {
    absl::StatusOr<std::string> pem = ReadSmallFile(path);
    if (!pem.ok()) fail(pem.status());
    config.jwt_rs256_public_key = *pem;
  }
  if (config.jwt_hs256_secret.empty() && config.jwt_rs256_public_key.empty()) {
    fail(absl::InvalidArgumentError(
        "no token key: set --jwt_hs256_secret or --jwt_rs256_public_key_file "
        "(or WP_JWT_HS256_SECRET / WP_JWT_RS256_PUBLIC_KEY_FILE)"));
  }
  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  config.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  config.allow_plaintext = absl::GetFlag(FLAGS_allow_plaintext);
  if (config.tls_cert_file.empty() != config.tls_key_file.empty()) {
    fail(absl::InvalidArgumentError("--tls_cert_file and --tls_key_file go together"));
  }
  if (config.tls_cert_file.empty() && !config.tls_client_ca_file.empty()) {
    fail(absl::InvalidArgumentError("--tls_client_ca_file needs --tls_cert_file and --tls_key_file"));
  }
  if (config.tls_cert_file.empty() && !config.allow_plaintext) {
    fail(absl::InvalidArgumentError(
        "no TLS certificate: set --tls_cert_file and --tls_key_file, or --allow_plaintext for "
        "local use"));
  }
  config.nats_user = absl::GetFlag(FLAGS_nats_user);
  config.nats_password = absl::GetFlag(FLAGS_nats_password);
  config.nats_token = absl::GetFlag(FLAGS_nats_token);
  config.redis_password = absl::GetFlag(FLAGS_redis_password);
  config.restore_from = absl::GetFlag(FLAGS_restore_from);
  config.change_feed_retention_events = absl::GetFlag(FLAGS_change_feed_retention_events);
  if (config.change_feed_retention_events < -1) {
    fail(absl::InvalidArgumentError("--change_feed_retention_events must be -1 (keep all) or more"));
  }
  if (absl::Status s = log::SetLevel(absl::GetFlag(FLAGS_log_level)); !s.ok()) fail(s);
  if (absl::Status s = log::SetFormat(absl::GetFlag(FLAGS_log_format)); !s.ok()) fail(s);
  log::SetService(service);
  return config;
}

}  // namespace wp
