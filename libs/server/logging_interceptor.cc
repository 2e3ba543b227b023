#include "libs/server/logging_interceptor.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/log/log.h"
#include "libs/trace/trace_context.h"

namespace wp::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

bool IsClientError(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::OUT_OF_RANGE:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::CANCELLED:
      return true;
    default:
      return false;
  }
}

class LoggingInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit LoggingInterceptor(grpc::experimental::ServerRpcInfo* info)
      : method_(info->method()), start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // The call's trace id, as authentication (earlier in the chain) tells
    // the client; initial metadata goes out before, or with, the status.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      const std::multimap<std::string, std::string>* sent = methods->GetSendInitialMetadata();
      auto it = sent->find("x-request-id");
      if (it != sent->end()) trace_id_ = it->second;
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const log::Level level = status.ok()                             ? log::Level::kDebug
                               : IsClientError(status.error_code()) ? log::Level::kInfo
                                                                       : log::Level::kWarn;
      if (log::Enabled(level)) {
        trace::Scope trace(trace::TraceContext{trace_id_, ""});  // the line's trace_id
        log::Write(level, "rpc",
                   {{"method", method_},
                    {"code", std::to_string(static_cast<int>(status.error_code()))},
                    {"ms", absl::StrCat(absl::ToDoubleMilliseconds(absl::Now() - start_))},
                    {"error", status.error_message()}});
      }
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  absl::Time start_;
  std::string trace_id_;
};

}  // namespace

grpc::experimental::Interceptor* LoggingInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new LoggingInterceptor(info);
}

}  // namespace wp::server
