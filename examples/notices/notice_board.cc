#include "examples/notices/notice_board.h"

#include <optional>
#include <string>

#include "absl/time/clock.h"
#include "examples/notices/events.h"
#include "examples/notices/notice_rules.h"
#include "examples/notices/notice_store.h"
#include "libs/status/status_macros.h"
#include "libs/store/request_ids.h"

namespace wp::examples::notices {

// [START post]
absl::StatusOr<v1::Notice> NoticeBoard::PostNotice(const server::Caller& caller,
                                                   const v1::PostNoticeRequest& request) {
  WP_RETURN_IF_ERROR(ValidateNewNotice(request.notice()));
  WP_RETURN_IF_ERROR(store::ValidateRequestId(request.request_id()));
  const absl::Time now = absl::Now();
  v1::Notice result;
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(std::optional<std::string> seen,
                        store::FindRequest(tx, "PostNotice", request.request_id()));
    if (seen.has_value()) {  // a retry: answer with the first notice
      WP_ASSIGN_OR_RETURN(std::string first, NoticeIdOf(*seen, "request_id"));
      WP_ASSIGN_OR_RETURN(result, LoadNotice(tx, first));
      return absl::OkStatus();
    }
    const std::string id = server::NewId();
    WP_RETURN_IF_ERROR(InsertNotice(tx, id, request.notice(), caller.actor, now));
    WP_ASSIGN_OR_RETURN(result, LoadNotice(tx, id));
    v1::NoticePosted event;
    *event.mutable_notice() = result;
    // Inside the transaction: the event commits with the row, or neither does.
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "notice", "posted", result.name(), event).status());
    return store::RecordRequest(tx, "PostNotice", request.request_id(), result.name(), now);
  }));
  return result;
}
// [END post]

absl::StatusOr<v1::Notice> NoticeBoard::GetNotice(const v1::GetNoticeRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, NoticeIdOf(request.name(), "name"));
  return store::ReadValue<v1::Notice>(
      db_, [&](store::Transaction& tx) { return LoadNotice(tx, id); });
}

}  // namespace wp::examples::notices
