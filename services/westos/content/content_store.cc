#include "services/westos/content/content_store.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"

namespace wp::westos {
namespace {

constexpr char kColumns[] =
    "content_id, title, subject, level, sector, status, commissioned_date, uploaded_date, published_date, "
    "create_us, update_us, version";

void SetDate(const std::string& iso, common::v1::Date* out) {
  if (std::optional<common::v1::Date> d = calendar::FromIsoText(iso); d.has_value()) *out = *d;
}

v1::ContentItem ItemFrom(const store::Row& row) {
  v1::ContentItem item;
  item.set_content_id(row.Text(0));
  item.set_name(ContentItemName(item.content_id()));
  item.set_title(row.Text(1));
  item.set_subject(row.Text(2));
  item.set_level(row.Text(3));
  item.set_sector(static_cast<v1::Sector>(row.Int(4)));
  item.set_status(static_cast<v1::ContentStatus>(row.Int(5)));
  SetDate(row.Text(6), item.mutable_commissioned_date());
  SetDate(row.Text(7), item.mutable_uploaded_date());
  SetDate(row.Text(8), item.mutable_published_date());
  if (row.Int(9) != 0) calendar::SetTimestamp(row.Int(9), item.mutable_create_time());
  if (row.Int(10) != 0) calendar::SetTimestamp(row.Int(10), item.mutable_update_time());
  item.set_etag(store::EtagOf(row.Int(11)));
  return item;
}

std::string DateText(const common::v1::Date& date) {
  return calendar::IsSet(date) ? calendar::ToIsoText(date) : std::string();
}

}  // namespace

std::string ContentItemName(const std::string& content_id) { return absl::StrCat("contentItems/", content_id); }

absl::StatusOr<std::optional<v1::ContentItem>> FindContentItem(store::Transaction& tx, const std::string& content_id) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query(absl::StrCat("SELECT ", kColumns, " FROM content_items WHERE content_id = ?"),
                               {content_id}));
  if (rows.empty()) return std::nullopt;
  return ItemFrom(rows[0]);
}

absl::StatusOr<v1::ContentItem> LoadContentItem(store::Transaction& tx, const std::string& content_id) {
  WP_ASSIGN_OR_RETURN(std::optional<v1::ContentItem> item, FindContentItem(tx, content_id));
  if (!item.has_value() || item->status() == v1::CONTENT_STATUS_UNSPECIFIED) {
    return absl::NotFoundError(absl::StrCat("content_id: \"", content_id, "\" is not in the catalogue",
                                            item.has_value() ? " (it is only seen in usage)" : ""));
  }
  return *item;
}

absl::Status InsertContentItem(store::Transaction& tx, const v1::ContentItem& item, absl::Time now) {
  const int64_t us = calendar::Micros(now);
  const std::vector<store::Value> values = {
      item.title(), item.subject(), item.level(), int64_t{item.sector()}, int64_t{item.status()},
      DateText(item.commissioned_date()), DateText(item.uploaded_date()), DateText(item.published_date()), us, us,
      item.content_id()};
  // Fill the row usage numbered, if any; the catalogue starts at version 1.
  WP_ASSIGN_OR_RETURN(int64_t filled,
                      tx.Execute("UPDATE content_items SET title = ?, subject = ?, level = ?, sector = ?, status = ?, "
                                 "commissioned_date = ?, uploaded_date = ?, published_date = ?, create_us = ?, "
                                 "update_us = ?, version = 1 WHERE content_id = ? AND status = 0",
                                 values));
  if (filled > 0) return absl::OkStatus();
  return tx.Execute("INSERT INTO content_items (title, subject, level, sector, status, commissioned_date, "
                    "uploaded_date, published_date, create_us, update_us, content_id, version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    values)
      .status();
}

absl::Status SaveContentItem(store::Transaction& tx, const v1::ContentItem& item, int64_t version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(
      int64_t changed,
      tx.Execute("UPDATE content_items SET title = ?, subject = ?, level = ?, sector = ?, status = ?, "
                 "commissioned_date = ?, uploaded_date = ?, published_date = ?, update_us = ?, version = version + 1 "
                 "WHERE content_id = ? AND version = ?",
                 {item.title(), item.subject(), item.level(), int64_t{item.sector()}, int64_t{item.status()},
                  DateText(item.commissioned_date()), DateText(item.uploaded_date()),
                  DateText(item.published_date()), calendar::Micros(now), item.content_id(), version}));
  if (changed == 0) {
    return absl::AbortedError(absl::StrCat(ContentItemName(item.content_id()), " was changed meanwhile; read it again"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::ContentItem>> ListContentRows(store::Transaction& tx, const ContentFilter& filter,
                                                             const std::string& after_id, int limit) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM content_items WHERE status > 0 AND content_id > ?");
  std::vector<store::Value> params = {after_id};
  if (!filter.subject.empty()) {
    absl::StrAppend(&sql, " AND subject = ?");
    params.push_back(filter.subject);
  }
  if (!filter.level.empty()) {
    absl::StrAppend(&sql, " AND level = ?");
    params.push_back(filter.level);
  }
  if (filter.status != 0) {
    absl::StrAppend(&sql, " AND status = ?");
    params.push_back(int64_t{filter.status});
  }
  absl::StrAppend(&sql, " ORDER BY content_id LIMIT ?");
  params.push_back(int64_t{limit});
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows, tx.Query(sql, params));
  std::vector<v1::ContentItem> items;
  items.reserve(rows.size());
  for (const store::Row& row : rows) items.push_back(ItemFrom(row));
  return items;
}

}  // namespace wp::westos
