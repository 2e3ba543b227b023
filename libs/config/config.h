// Process configuration: absl flags, each also settable from the environment.
//
// Every flag --some_name can be given as WP_SOME_NAME in the environment; the
// command line wins over the environment, which wins over the default.
// The flags every service shares are declared here; a service adds its own
// with ABSL_FLAG in its main.cc. Call LoadConfig once, first thing in main.
#ifndef WP_LIBS_CONFIG_CONFIG_H_
#define WP_LIBS_CONFIG_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/flags/declare.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

ABSL_DECLARE_FLAG(int32_t, port);
ABSL_DECLARE_FLAG(std::optional<int32_t>, metrics_port);
ABSL_DECLARE_FLAG(std::string, listen_host);
ABSL_DECLARE_FLAG(std::string, data_dir);
ABSL_DECLARE_FLAG(std::string, nats_url);
ABSL_DECLARE_FLAG(std::string, redis_url);
ABSL_DECLARE_FLAG(std::string, log_level);
ABSL_DECLARE_FLAG(std::string, log_format);
ABSL_DECLARE_FLAG(bool, reflection);
ABSL_DECLARE_FLAG(int32_t, near_cache_entries);
ABSL_DECLARE_FLAG(std::string, jwt_issuer);
ABSL_DECLARE_FLAG(std::string, jwt_audience);
ABSL_DECLARE_FLAG(std::string, jwt_hs256_secret);
ABSL_DECLARE_FLAG(std::string, jwt_rs256_public_key_file);
ABSL_DECLARE_FLAG(std::string, tls_cert_file);
ABSL_DECLARE_FLAG(std::string, tls_key_file);
ABSL_DECLARE_FLAG(std::string, tls_client_ca_file);
ABSL_DECLARE_FLAG(bool, allow_plaintext);
ABSL_DECLARE_FLAG(std::string, nats_user);
ABSL_DECLARE_FLAG(std::string, nats_password);
ABSL_DECLARE_FLAG(std::string, nats_token);
ABSL_DECLARE_FLAG(std::string, redis_password);
ABSL_DECLARE_FLAG(std::string, restore_from);
ABSL_DECLARE_FLAG(int64_t, change_feed_retention_events);

namespace wp {

struct ServiceConfig {
  std::string service;     // e.g. "workstreams"
  std::string listen_address;  // host:port
  // host:port of the Prometheus endpoint (libs/metrics); port 0 picks a free
  // one; empty serves none. --metrics_port, by default the gRPC port + 1000.
  std::string metrics_address;
  std::string data_dir;
  std::string database_path;   // <data_dir>/<service>.db
  // --store_url: empty for SQLite at database_path, else a path or a PostgreSQL
  // url (store::ParseStoreLocation). A url may hold a password: never logged.
  std::string store_url;
  std::string nats_url;
  std::string redis_url;  // parsed by libs/cache (ParseRedisUrl)
  bool reflection = true;
  int near_cache_entries = 256;  // 0 turns the in-process cache copy off

  // Bearer tokens: who may call (libs/auth, libs/authz).
  std::string jwt_issuer;
  std::string jwt_audience;
  std::string jwt_hs256_secret;        // secret: never logged
  std::string jwt_rs256_public_key;    // PEM text read from the file
  // Transport: TLS when a certificate and key are given; plaintext only when allowed.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;  // when set, clients must present a certificate
  bool allow_plaintext = false;
  // Credentials for the bus and the cache (secrets: never logged).
  std::string nats_user;
  std::string nats_password;
  std::string nats_token;
  std::string redis_password;
  // A backup file to restore the store from before it is opened (libs/store/restore.h).
  std::string restore_from;
  // The change feed (libs/changes) keeps at least this many of the newest
  // events; older published ones are pruned. -1 keeps every event.
  int64_t change_feed_retention_events = 100000;
};

// Applies WP_* environment variables, parses the command line and validates.
// Exits the process with a clear message on a bad flag (start-up errors are fatal).
ServiceConfig LoadConfig(int argc, char** argv, absl::string_view service, int default_port);

// The whole of a small text file (keys, certificates).
absl::StatusOr<std::string> ReadSmallFile(const std::string& path);

// Tells replicas of a service apart (host name and listen address), e.g. to
// name each replica's own durable consumer.
std::string InstanceName(const ServiceConfig& config);

// Start-up failed: logs `what` with the error and exits with status 1.
[[noreturn]] void ExitOnStartupError(absl::string_view what, const absl::Status& status);

// Environment overrides alone (exposed for tests and tools).
// Returns an error naming the variable when a value does not parse.
absl::Status ApplyEnvironmentOverrides();

}  // namespace wp

#endif  // WP_LIBS_CONFIG_CONFIG_H_
