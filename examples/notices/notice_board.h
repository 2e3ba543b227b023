// The notice board: pins notices and shows them. A plain class over the
// store; no gRPC types, so it is tested on a SQLite file alone.
//
// Thread-safe: the Database serialises writes.
#ifndef WP_EXAMPLES_NOTICES_NOTICE_BOARD_H_
#define WP_EXAMPLES_NOTICES_NOTICE_BOARD_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/examples/v1/notices.pb.h"

namespace wp::examples::notices {

class NoticeBoard {
 public:
  explicit NoticeBoard(store::Database& db) : db_(db) {}

  // Stores the notice and emits notice.posted in the same transaction. A
  // retry with the same request_id returns the first notice and writes
  // nothing.
  absl::StatusOr<v1::Notice> PostNotice(const server::Caller& caller,
                                        const v1::PostNoticeRequest& request);
  absl::StatusOr<v1::Notice> GetNotice(const v1::GetNoticeRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_NOTICE_BOARD_H_
