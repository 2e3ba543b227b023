// The SQL of catalogued content: rows of content_items (migrations 1 and 2)
// to and from ContentItem. Free functions on the caller's transaction.
//
// A row may exist uncatalogued (status 0): usage numbered the content id
// before the catalogue knew it. Writes here update that row in place, so
// the usage already counted for it groups under the catalogued subject and
// level from the next query on (usage_query.cc reads them fresh).
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_STORE_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

// "contentItems/<id>".
std::string ContentItemName(const std::string& content_id);

// The row of `content_id`, catalogued or not; nullopt when there is none.
// An uncatalogued row comes back with status unspecified.
absl::StatusOr<std::optional<v1::ContentItem>> FindContentItem(store::Transaction& tx, const std::string& content_id);

// The catalogued item; NOT_FOUND (naming content_id) otherwise.
absl::StatusOr<v1::ContentItem> LoadContentItem(store::Transaction& tx, const std::string& content_id);

// Catalogues `item` (complete, content_rules.h) at version 1: inserts its
// row, or fills the uncatalogued row usage made.
absl::Status InsertContentItem(store::Transaction& tx, const v1::ContentItem& item, absl::Time now);

// Writes `item` over the row still at `version`, moving it to version + 1;
// ABORTED when another change came first.
absl::Status SaveContentItem(store::Transaction& tx, const v1::ContentItem& item, int64_t version, absl::Time now);

struct ContentFilter {
  std::string subject;  // "" for any
  std::string level;
  int status = 0;  // 0 for any
};

// Catalogued items after `after_id` in id order, at most `limit`.
absl::StatusOr<std::vector<v1::ContentItem>> ListContentRows(store::Transaction& tx, const ContentFilter& filter,
                                                             const std::string& after_id, int limit);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_STORE_H_
