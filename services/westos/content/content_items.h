// The content catalogue: items keyed by the content platform's id, created,
// read, updated (field mask, etag) and listed. Rules in content_rules.h;
// every change writes its row and its event (wp.westos.content.created or
// .updated, the item as payload) in one transaction.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_ITEMS_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_ITEMS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

// The UTC day of `now`: what "today" means for status dates and reports.
absl::CivilDay UtcDay(absl::Time now);

class ContentItems {
 public:
  explicit ContentItems(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS when the id is catalogued; an id known only from usage
  // is catalogued in place.
  absl::StatusOr<v1::ContentItem> Create(const server::Caller& caller, const v1::CreateContentItemRequest& request,
                                         absl::Time now);
  absl::StatusOr<v1::ContentItem> Get(const v1::GetContentItemRequest& request);
  // FAILED_PRECONDITION when the status would go back; ABORTED on a stale etag.
  absl::StatusOr<v1::ContentItem> Update(const server::Caller& caller, const v1::UpdateContentItemRequest& request,
                                         absl::Time now);
  absl::StatusOr<v1::ListContentItemsResponse> List(const v1::ListContentItemsRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_ITEMS_H_
