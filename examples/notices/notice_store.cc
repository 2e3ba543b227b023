#include "examples/notices/notice_store.h"

#include "absl/strings/str_cat.h"
#include "examples/notices/notice_rules.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"

namespace wp::examples::notices {

absl::Status InsertNotice(store::Transaction& tx, const std::string& id, const v1::Notice& notice,
                          const std::string& posted_by, absl::Time now) {
  return tx.Execute("INSERT INTO notices (id, title, body, posted_by, create_us) VALUES (?, ?, ?, ?, ?)",
                    {id, notice.title(), notice.body(), posted_by, calendar::Micros(now)})
      .status();
}

// [START load]
absl::StatusOr<v1::Notice> LoadNotice(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT title, body, posted_by, create_us FROM notices WHERE id = ?",
                                          {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(NoticeName(id), " does not exist"));
  v1::Notice notice;
  notice.set_name(NoticeName(id));
  notice.set_title(rows.front().Text(0));
  notice.set_body(rows.front().Text(1));
  notice.set_posted_by(rows.front().Text(2));
  calendar::SetTimestamp(rows.front().Int(3), notice.mutable_create_time());
  return notice;
}
// [END load]

}  // namespace wp::examples::notices
