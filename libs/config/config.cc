#include "libs/config/config.h"

#include <algorithm>
#include <cstdlib>
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
ABSL_FLAG(std::string, listen_host, "127.0.0.1", "Address the gRPC server binds");
ABSL_FLAG(std::string, data_dir, "data", "Folder for the service's SQLite file");
ABSL_FLAG(std::string, nats_url, "nats://127.0.0.1:4222", "NATS server with JetStream");
ABSL_FLAG(std::string, redis_url, "redis://127.0.0.1:6379", "Redis for the aggregate cache");
ABSL_FLAG(std::string, log_level, "info", "debug, info, warn or error");
ABSL_FLAG(bool, reflection, true, "Serve gRPC server reflection");
ABSL_FLAG(int32_t, near_cache_entries, 256,
          "Cached aggregates also kept in process memory (0: Redis only)");

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
  config.data_dir = absl::GetFlag(FLAGS_data_dir);
  config.database_path = absl::StrCat(config.data_dir, "/", service, ".db");
  config.nats_url = absl::GetFlag(FLAGS_nats_url);
  config.reflection = absl::GetFlag(FLAGS_reflection);
  config.near_cache_entries = std::max(0, absl::GetFlag(FLAGS_near_cache_entries));
  config.redis_url = absl::GetFlag(FLAGS_redis_url);
  if (absl::Status s = log::SetLevel(absl::GetFlag(FLAGS_log_level)); !s.ok()) fail(s);
  log::SetService(service);
  return config;
}

}  // namespace wp
