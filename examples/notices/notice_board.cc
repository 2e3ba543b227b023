#include "examples/notices/notice_board.h"

#include <string>

#include "absl/time/clock.h"
#include "examples/notices/events.h"
#include "examples/notices/notice_rules.h"
#include "examples/notices/notice_store.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/database.h"
#include "libs/store/request_ids.h"

namespace wp::examples::notices {

// [START post]
absl::StatusOr<v1::Notice> NoticeBoard::PostNotice(const server::Caller& caller,
                                                   const v1::PostNoticeRequest& request) {
  WP_RETURN_IF_ERROR(ValidateNewNotice(request.notice()));
  WP_RETURN_IF_ERROR(store::ValidateRequestId(request.request_id()));
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Notice>(db_, [&](store::Transaction& tx) {
    return store::CreateOnce<v1::Notice>(
        tx, {"PostNotice", request.request_id(), now},
        /*replay=*/[&](const std::string& first) -> absl::StatusOr<v1::Notice> {
          WP_ASSIGN_OR_RETURN(std::string id, NoticeIdOf(first, "request_id"));
          return LoadNotice(tx, id);
        },
        /*create=*/[&]() -> absl::StatusOr<v1::Notice> {
          const std::string id = server::NewId();
          WP_RETURN_IF_ERROR(InsertNotice(tx, id, request.notice(), caller.actor, now));
          WP_ASSIGN_OR_RETURN(v1::Notice notice, LoadNotice(tx, id));
          v1::NoticePosted event;
          *event.mutable_notice() = notice;
          // Inside the transaction: the event commits with the row, or neither does.
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "notice", "posted", notice.name(), event).status());
          return notice;
        });
  });
}
// [END post]

absl::StatusOr<v1::Notice> NoticeBoard::GetNotice(const v1::GetNoticeRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, NoticeIdOf(request.name(), "name"));
  return store::ReadValue<v1::Notice>(
      db_, [&](store::Transaction& tx) { return LoadNotice(tx, id); });
}

}  // namespace wp::examples::notices
