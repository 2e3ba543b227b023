#include "libs/server/logging_interceptor.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/log/log.h"

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
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const log::Level level = status.ok()                             ? log::Level::kDebug
                               : IsClientError(status.error_code()) ? log::Level::kInfo
                                                                       : log::Level::kWarn;
      if (log::Enabled(level)) {
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
};

}  // namespace

grpc::experimental::Interceptor* LoggingInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new LoggingInterceptor(info);
}

}  // namespace wp::server
