#include "libs/log/logging_service.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/log/log.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/trace/trace_context.h"
#include "libs/validation/request_check.h"

namespace wp::log {
namespace {

namespace v1 = wp::common::v1;

v1::LogLevel ToProto(Level level) {
  switch (level) {
    case Level::kDebug: return v1::LOG_LEVEL_DEBUG;
    case Level::kInfo: return v1::LOG_LEVEL_INFO;
    case Level::kWarn: return v1::LOG_LEVEL_WARN;
    case Level::kError: return v1::LOG_LEVEL_ERROR;
  }
  return v1::LOG_LEVEL_INFO;
}

absl::StatusOr<Level> FromProto(v1::LogLevel level) {
  switch (level) {
    case v1::LOG_LEVEL_DEBUG: return Level::kDebug;
    case v1::LOG_LEVEL_INFO: return Level::kInfo;
    case v1::LOG_LEVEL_WARN: return Level::kWarn;
    case v1::LOG_LEVEL_ERROR: return Level::kError;
    default: break;
  }
  return InvalidField("level", "is required: one of LOG_LEVEL_DEBUG, LOG_LEVEL_INFO, LOG_LEVEL_WARN, "
                               "LOG_LEVEL_ERROR");
}

}  // namespace

v1::LogSettings CurrentLogSettings() {
  v1::LogSettings settings;
  settings.set_level(ToProto(CurrentLevel()));
  settings.set_format(std::string(FormatName(CurrentFormat())));
  return settings;
}

absl::StatusOr<v1::LogSettings> SetLogLevel(store::Database& db, const server::Caller& caller,
                                            const v1::SetLogLevelRequest& request) {
  absl::StatusOr<Level> level = FromProto(request.level());
  if (!level.ok()) return level.status();
  const Level before = CurrentLevel();
  absl::Status audited = db.Write([&](store::Transaction& tx) {
    return audit::RecordAudit(
        tx, audit::EntryFor(caller, "logging/level",
                            absl::StrCat("log level: ", LevelName(before), " -> ", LevelName(*level)),
                            absl::Now()));
  });
  if (!audited.ok()) return audited;
  if (absl::Status s = SetLevel(LevelName(*level)); !s.ok()) return s;
  // Written at warn so it shows whichever way the level moved.
  Warn("log level changed", {{"from", std::string(LevelName(before))},
                             {"to", std::string(LevelName(*level))},
                             {"actor", caller.actor}});
  return CurrentLogSettings();
}

LoggingGrpc::LoggingGrpc(store::Database& db, AuthorizeLoggingFn authorize)
    : db_(db), authorize_(std::move(authorize)) {}

grpc::Status LoggingGrpc::GetLogLevel(grpc::ServerContext* context, const v1::GetLogLevelRequest* request,
                                      v1::LogSettings* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  *response = CurrentLogSettings();
  return grpc::Status::OK;
}

grpc::Status LoggingGrpc::SetLogLevel(grpc::ServerContext* context, const v1::SetLogLevelRequest* request,
                                      v1::LogSettings* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  trace::Scope trace(trace::TraceContext{caller->trace_id, caller->traceparent});
  absl::StatusOr<v1::LogSettings> result = log::SetLogLevel(db_, *caller, *request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::log
