// `wpctl status`: every service on one screen. Each is asked twice: the gRPC
// health check (public), then wp.common.v1.StatusService.GetStatus (readers;
// libs/metrics/status_service.h). A service that does not answer shows as
// DOWN; the screen is still printed and the exit code is 0.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "libs/status/grpc_status.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/status_views.h"
#include "wp/common/v1/status.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using grpc::health::v1::HealthCheckResponse;

// A status screen should not hang on one stuck service.
constexpr absl::Duration kStatusTimeout = absl::Seconds(5);

void PrepareStatusCall(const CommandEnv& env, grpc::ClientContext* context) {
  env.client->Prepare(context);
  const absl::Duration timeout = env.client->options().timeout;
  if (timeout <= absl::ZeroDuration() || timeout > kStatusTimeout) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + kStatusTimeout));
  }
}

// "UNAVAILABLE: failed to connect to all addresses".
std::string Reason(const grpc::Status& status) {
  const absl::Status s = FromGrpcStatus(status);
  return absl::StrCat(absl::StatusCodeToString(s.code()), ": ", s.message());
}

ServiceCheck Check(const CommandEnv& env, const std::string& name, const std::string& address,
                   const std::shared_ptr<grpc::Channel>& channel) {
  ServiceCheck check{name, address, "DOWN", std::nullopt, ""};
  {
    auto health = grpc::health::v1::Health::NewStub(channel);
    grpc::ClientContext context;
    PrepareStatusCall(env, &context);
    HealthCheckResponse response;
    grpc::Status s = health->Check(&context, grpc::health::v1::HealthCheckRequest(), &response);
    if (!s.ok()) {
      check.error = Reason(s);
      return check;
    }
    check.health = response.status() == HealthCheckResponse::SERVING ? "SERVING" : "NOT_SERVING";
  }
  auto stub = common::StatusService::NewStub(channel);
  grpc::ClientContext context;
  PrepareStatusCall(env, &context);
  common::GetStatusResponse response;
  grpc::Status s = stub->GetStatus(&context, common::GetStatusRequest(), &response);
  if (s.ok()) {
    check.status = std::move(response);
  } else {
    check.error = Reason(s);
  }
  return check;
}

// `text` as a JSON string literal.
std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (u < 0x20) {
      out += absl::StrFormat("\\u%04x", u);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace

CommandResult Status(const CommandEnv& env, const Args& args) {
  std::vector<ServiceCheck> checks;
  for (const ServiceAddress& s : Services()) {
    checks.push_back(Check(env, s.service, env.client->address(s.service), env.client->channel(s.service)));
  }
  if (!env.json) {
    *env.out << StatusText(checks, absl::Now());
    return kExitOk;
  }
  // One JSON object per line: the service, its health, its own status (null
  // when it gave none) and why not.
  for (const ServiceCheck& c : checks) {
    std::string status = "null";
    if (c.status.has_value()) {
      absl::StatusOr<std::string> json = ToJson(*c.status, /*one_line=*/true);
      if (!json.ok()) return json.status();
      status = std::string(absl::StripTrailingAsciiWhitespace(*json));
    }
    *env.out << "{\"name\":" << JsonString(c.name) << ",\"address\":" << JsonString(c.address)
             << ",\"health\":" << JsonString(c.health) << ",\"status\":" << status
             << ",\"error\":" << JsonString(c.error) << "}\n";
  }
  return kExitOk;
}

}  // namespace wp::wpctl
