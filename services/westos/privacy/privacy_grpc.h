// The gRPC layer of usage privacy (wp.westos.v1.UsagePrivacyService):
// admits the caller, converts and calls UsagePrivacy, converts the status.
#ifndef WP_SERVICES_WESTOS_PRIVACY_PRIVACY_GRPC_H_
#define WP_SERVICES_WESTOS_PRIVACY_PRIVACY_GRPC_H_

#include "libs/authz/call_guard.h"
#include "services/westos/privacy/usage_privacy.h"
#include "wp/westos/v1/privacy.grpc.pb.h"

namespace wp::westos {

class PrivacyGrpc final : public v1::UsagePrivacyService::Service {
 public:
  PrivacyGrpc(UsagePrivacy& privacy, const authz::CallGuard& guard) : privacy_(privacy), guard_(guard) {}

  grpc::Status EraseUser(grpc::ServerContext* ctx, const v1::EraseUserRequest* req,
                         v1::EraseUserResponse* resp) override;
  grpc::Status PurgeEvents(grpc::ServerContext* ctx, const v1::PurgeEventsRequest* req,
                           v1::PurgeEventsResponse* resp) override;

 private:
  UsagePrivacy& privacy_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_PRIVACY_PRIVACY_GRPC_H_
