#include "libs/server/protobuf_log.h"

#include <mutex>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"
#include "libs/log/log.h"

namespace wp::server {
namespace {

// protobuf reports a client's malformed request (invalid UTF-8) at ERROR:
// that is the client's fault, so it is a warning here; FATAL stays an error.
log::Level LevelOf(google::protobuf::LogLevel level) {
  switch (level) {
    case google::protobuf::LOGLEVEL_INFO: return log::Level::kInfo;
    case google::protobuf::LOGLEVEL_WARNING:
    case google::protobuf::LOGLEVEL_ERROR: return log::Level::kWarn;
    default: return log::Level::kError;
  }
}

void Handle(google::protobuf::LogLevel level, const char* filename, int line, const std::string& message) {
  log::Write(LevelOf(level), "protobuf",
             {{"detail", message}, {"source", absl::StrCat(filename ? filename : "?", ":", line)}});
}

}  // namespace

void RouteProtobufLogs() {
  static std::once_flag once;
  std::call_once(once, [] { google::protobuf::SetLogHandler(&Handle); });
}

}  // namespace wp::server
