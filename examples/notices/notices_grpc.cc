#include "examples/notices/notices_grpc.h"

#include "libs/authz/serve.h"

namespace wp::examples::notices {

// [START grpc]
grpc::Status NoticesGrpc::PostNotice(grpc::ServerContext* ctx, const v1::PostNoticeRequest* req,
                                     v1::Notice* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller& caller) {
    return board_.PostNotice(caller, *req);
  });
}
// [END grpc]

grpc::Status NoticesGrpc::GetNotice(grpc::ServerContext* ctx, const v1::GetNoticeRequest* req,
                                    v1::Notice* resp) {
  return authz::Serve(guard_, *ctx, *req, resp, [&](const server::Caller&) {
    return board_.GetNotice(*req);
  });
}

}  // namespace wp::examples::notices
