// The gRPC face of the notice board: each method admits the caller, checks
// the request against its proto's limits (authz::Serve), calls the domain
// class and converts its absl::Status. No rules here.
//
// Thread-safe: gRPC calls these from many threads; NoticeBoard is thread-safe.
#ifndef WP_EXAMPLES_NOTICES_NOTICES_GRPC_H_
#define WP_EXAMPLES_NOTICES_NOTICES_GRPC_H_

#include "examples/notices/notice_board.h"
#include "libs/authz/call_guard.h"
#include "wp/examples/v1/notices.grpc.pb.h"

namespace wp::examples::notices {

class NoticesGrpc final : public v1::NoticesService::Service {
 public:
  NoticesGrpc(NoticeBoard& board, const authz::CallGuard& guard) : board_(board), guard_(guard) {}

  grpc::Status PostNotice(grpc::ServerContext* ctx, const v1::PostNoticeRequest* req,
                          v1::Notice* resp) override;
  grpc::Status GetNotice(grpc::ServerContext* ctx, const v1::GetNoticeRequest* req,
                         v1::Notice* resp) override;

 private:
  NoticeBoard& board_;
  const authz::CallGuard& guard_;
};

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_NOTICES_GRPC_H_
