// Process configuration: absl flags, each also settable from the environment.
//
// Every flag --some_name can be given as WP_SOME_NAME in the environment; the
// command line wins over the environment, which wins over the default.
// The flags every service shares are declared here; a service adds its own
// with ABSL_FLAG in its main.cc. Call LoadConfig once, first thing in main.
#ifndef WP_LIBS_CONFIG_CONFIG_H_
#define WP_LIBS_CONFIG_CONFIG_H_

#include <cstdint>
#include <string>

#include "absl/flags/declare.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

ABSL_DECLARE_FLAG(int32_t, port);
ABSL_DECLARE_FLAG(std::string, listen_host);
ABSL_DECLARE_FLAG(std::string, data_dir);
ABSL_DECLARE_FLAG(std::string, nats_url);
ABSL_DECLARE_FLAG(std::string, redis_url);
ABSL_DECLARE_FLAG(std::string, log_level);
ABSL_DECLARE_FLAG(bool, reflection);
ABSL_DECLARE_FLAG(int32_t, near_cache_entries);

namespace wp {

struct ServiceConfig {
  std::string service;     // e.g. "workstreams"
  std::string listen_address;  // host:port
  std::string data_dir;
  std::string database_path;   // <data_dir>/<service>.db
  std::string nats_url;
  std::string redis_url;  // parsed by libs/cache (ParseRedisUrl)
  bool reflection = true;
  int near_cache_entries = 256;  // 0 turns the in-process cache copy off
};

// Applies WP_* environment variables, parses the command line and validates.
// Exits the process with a clear message on a bad flag (start-up errors are fatal).
ServiceConfig LoadConfig(int argc, char** argv, absl::string_view service, int default_port);

// Environment overrides alone (exposed for tests and tools).
// Returns an error naming the variable when a value does not parse.
absl::Status ApplyEnvironmentOverrides();

}  // namespace wp

#endif  // WP_LIBS_CONFIG_CONFIG_H_
