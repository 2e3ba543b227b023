// `wpctl log-level get|set`: a running service's log level
// (wp.common.v1.LoggingService, libs/log/logging_service.h). Admins only;
// --service picks which service (workstreams by default).
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/status/status_macros.h"
#include "tools/wpctl/commands.h"
#include "wp/common/v1/logging.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using Stub = common::LoggingService::Stub;

absl::StatusOr<std::unique_ptr<Stub>> StubFor(const CommandEnv& env, const Args& args) {
  WP_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, ServiceChannel(env, args));
  return common::LoggingService::NewStub(channel);
}

// "debug" <-> LOG_LEVEL_DEBUG.
std::string LevelText(common::LogLevel level) {
  const std::string name = common::LogLevel_Name(level);
  return absl::AsciiStrToLower(absl::StripPrefix(name, "LOG_LEVEL_"));
}

std::string SettingsText(const Args& args, const common::LogSettings& s) {
  return absl::StrCat(args.Get("service", "workstreams"), ": log level ", LevelText(s.level()),
                      ", format ", s.format(), "\n");
}

}  // namespace

CommandResult LogLevelGet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  auto settings = env.client->Call(stub->get(), &Stub::GetLogLevel, common::GetLogLevelRequest());
  if (!settings.ok()) return settings.status();
  return Print(env, *settings, SettingsText(args, *settings));
}

CommandResult LogLevelSet(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  common::LogLevel level = common::LOG_LEVEL_UNSPECIFIED;
  const std::string word = absl::AsciiStrToUpper(args.positional[0]);
  if (!common::LogLevel_Parse(absl::StrCat("LOG_LEVEL_", word), &level) ||
      level == common::LOG_LEVEL_UNSPECIFIED) {
    return UsageError(absl::StrCat("\"", args.positional[0], "\" is not one of debug, info, warn, error"));
  }
  common::SetLogLevelRequest request;
  request.set_level(level);
  auto settings = env.client->Call(stub->get(), &Stub::SetLogLevel, request);
  if (!settings.ok()) return settings.status();
  return Print(env, *settings, SettingsText(args, *settings));
}

}  // namespace wp::wpctl
