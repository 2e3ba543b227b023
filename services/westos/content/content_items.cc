#include "services/westos/content/content_items.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/fields/field_checks.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag_update.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/content_store.h"
#include "services/westos/content/levels.h"
#include "services/westos/events.h"

namespace wp::westos {
namespace {

const std::set<std::string>& UpdatablePaths() {
  static const auto* paths = new std::set<std::string>{
      "title", "subject", "level", "sector", "status", "commissioned_date", "uploaded_date", "published_date"};
  return *paths;
}

absl::Status CheckMask(const google::protobuf::FieldMask& mask) {
  const std::string allowed = absl::StrJoin(UpdatablePaths(), ", ");
  if (mask.paths().empty()) return InvalidField("update_mask", absl::StrCat("must name the fields to change, out of: ", allowed));
  for (const std::string& path : mask.paths()) {
    if (UpdatablePaths().count(path) == 0) {
      return InvalidField("update_mask", absl::StrCat("\"", path, "\" cannot be updated; allowed: ", allowed));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckContentId(const std::string& content_id, absl::string_view field) {
  FieldViolations v;
  fields::CheckUntrustedLine(content_id, std::string(field), kMaxContentIdBytes, /*required=*/true, &v);
  return v.ToStatus();
}

// Output-only fields are the store's; whatever the caller sent is dropped.
void ClearOutputOnly(v1::ContentItem& item) {
  item.clear_name();
  item.clear_create_time();
  item.clear_update_time();
  item.clear_etag();
}

}  // namespace

absl::CivilDay UtcDay(absl::Time now) { return absl::ToCivilDay(now, absl::UTCTimeZone()); }

absl::StatusOr<v1::ContentItem> ContentItems::Create(const server::Caller& caller,
                                                     const v1::CreateContentItemRequest& request, absl::Time now) {
  v1::ContentItem item = request.content_item();
  ClearOutputOnly(item);
  WP_RETURN_IF_ERROR(CompleteItem(item, UtcDay(now), "content_item."));
  return store::WriteValue<v1::ContentItem>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ContentItem> {
    WP_ASSIGN_OR_RETURN(std::optional<v1::ContentItem> existing, FindContentItem(tx, item.content_id()));
    if (existing.has_value() && existing->status() != v1::CONTENT_STATUS_UNSPECIFIED) {
      return absl::AlreadyExistsError(
          absl::StrCat("content_item.content_id: \"", item.content_id(), "\" is already in the catalogue"));
    }
    WP_RETURN_IF_ERROR(InsertContentItem(tx, item, now));
    WP_ASSIGN_OR_RETURN(v1::ContentItem stored, LoadContentItem(tx, item.content_id()));
    WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "content", "created", stored.name(), stored).status());
    return stored;
  });
}

absl::StatusOr<v1::ContentItem> ContentItems::Get(const v1::GetContentItemRequest& request) {
  WP_RETURN_IF_ERROR(CheckContentId(request.content_id(), "content_id"));
  return store::ReadValue<v1::ContentItem>(
      db_, [&](store::Transaction& tx) { return LoadContentItem(tx, request.content_id()); });
}

absl::StatusOr<v1::ContentItem> ContentItems::Update(const server::Caller& caller,
                                                     const v1::UpdateContentItemRequest& request, absl::Time now) {
  const v1::ContentItem& in = request.content_item();
  WP_RETURN_IF_ERROR(CheckContentId(in.content_id(), "content_item.content_id"));
  WP_RETURN_IF_ERROR(CheckMask(request.update_mask()));
  auto in_mask = [&](const char* path) {
    for (const std::string& p : request.update_mask().paths()) {
      if (p == path) return true;
    }
    return false;
  };
  return store::WriteValue<v1::ContentItem>(db_, [&](store::Transaction& tx) {
    v1::ContentItem was;  // for the audit record's changes
    return store::UpdateWithEtag<v1::ContentItem>(
        in.etag(), /*load=*/[&]() -> absl::StatusOr<v1::ContentItem> {
          WP_ASSIGN_OR_RETURN(was, LoadContentItem(tx, in.content_id()));
          return was;
        },
        /*change=*/
        [&](v1::ContentItem& next) -> absl::Status {
          const v1::ContentStatus before = next.status();
          if (in_mask("title")) next.set_title(in.title());
          if (in_mask("subject")) next.set_subject(in.subject());
          if (in_mask("level")) next.set_level(in.level());
          if (in_mask("sector")) next.set_sector(in.sector());
          if (in_mask("status")) {
            if (in.status() == v1::CONTENT_STATUS_UNSPECIFIED) {
              return InvalidField("content_item.status", "is required when the mask names it");
            }
            WP_RETURN_IF_ERROR(CheckStatusMove(before, in.status(), "content_item.status"));
            next.set_status(in.status());
          }
          if (in_mask("commissioned_date")) *next.mutable_commissioned_date() = in.commissioned_date();
          if (in_mask("uploaded_date")) *next.mutable_uploaded_date() = in.uploaded_date();
          if (in_mask("published_date")) *next.mutable_published_date() = in.published_date();
          return CompleteItem(next, UtcDay(now), "content_item.");
        },
        /*save=*/
        [&](const v1::ContentItem& next, int64_t version) -> absl::StatusOr<v1::ContentItem> {
          WP_RETURN_IF_ERROR(SaveContentItem(tx, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::ContentItem stored, LoadContentItem(tx, next.content_id()));
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "content", "updated", stored.name(), stored, {&was}).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::ListContentItemsResponse> ContentItems::List(const v1::ListContentItemsRequest& request) {
  FieldViolations v;
  ContentFilter filter;
  fields::CheckUntrustedLine(request.subject(), "subject", kMaxSubjectBytes, /*required=*/false, &v);
  filter.subject = request.subject();
  if (!request.level().empty()) {
    absl::StatusOr<std::string> level = ParseLevel("level", request.level());
    if (level.ok()) {
      filter.level = *level;
    } else {
      AddViolationsOf(level.status(), &v, "level");
    }
  }
  if (!v1::ContentStatus_IsValid(request.status())) {
    v.Add("status", absl::StrCat(static_cast<int>(request.status()), " is not a status"));
  }
  filter.status = request.status();
  WP_RETURN_IF_ERROR(v.ToStatus());
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 1));
  return store::ReadValue<v1::ListContentItemsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListContentItemsResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::ContentItem> rows,
                            ListContentRows(tx, filter, after.Text(0), page_size + 1));
        v1::ListContentItemsResponse response;
        response.set_next_page_token(paging::FillPage(rows, page_size, response.mutable_content_items(),
                                                      [](const v1::ContentItem& i) { return paging::KeyOf(i.content_id()); }));
        return response;
      });
}

}  // namespace wp::westos
