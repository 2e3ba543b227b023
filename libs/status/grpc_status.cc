#include "libs/status/grpc_status.h"

#include <string>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "libs/status/client_status.h"
#include "libs/status/field_errors.h"

namespace wp {

grpc::Status ToGrpcStatus(const absl::Status& original) {
  if (original.ok()) return grpc::Status::OK;
  const absl::Status status = ForClient(original);
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message(status.message());
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return grpc::Status(code, message);

  google::rpc::Status rich;
  rich.set_code(static_cast<int>(status.code()));
  rich.set_message(message);
  auto* detail = rich.add_details();
  detail->set_type_url(std::string(kBadRequestTypeUrl));
  detail->set_value(std::string(*payload));
  return grpc::Status(code, message, rich.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status result(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
  google::rpc::Status rich;
  if (!status.error_details().empty() && rich.ParseFromString(status.error_details())) {
    for (const auto& detail : rich.details()) {
      if (detail.type_url() == kBadRequestTypeUrl) {
        result.SetPayload(kBadRequestTypeUrl, absl::Cord(detail.value()));
      }
    }
  }
  return result;
}

}  // namespace wp
