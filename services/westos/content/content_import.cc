#include "services/westos/content/content_import.h"

#include <optional>
#include <string>
#include <utility>

#include "google/protobuf/util/message_differencer.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "libs/text/bounded_text.h"
#include "services/westos/content/content_import_rows.h"
#include "services/westos/content/content_items.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/content_store.h"
#include "services/westos/events.h"

namespace wp::westos {

using Row = v1::ContentImportRow;

absl::StatusOr<v1::ImportContentItemsResponse> ContentImport::Import(const server::Caller& caller,
                                                                     const v1::ImportContentItemsRequest& request,
                                                                     absl::Time now) {
  const absl::CivilDay today = UtcDay(now);
  v1::ImportContentItemsResponse response;
  // Rules first, the store after: a row the rules refuse writes nothing.
  WP_ASSIGN_OR_RETURN(ContentImportFile file, ReadContentImportFile(request.content()));
  for (std::string& column : file.ignored_columns) response.add_ignored_columns(std::move(column));

  absl::Status written = db_.Write([&](store::Transaction& tx) -> absl::Status {
    response.clear_rows();
    response.set_created(0);
    response.set_updated(0);
    response.set_unchanged(0);
    response.set_rejected(0);
    for (const ImportedContentRow& p : file.rows) {
      Row* out = response.add_rows();
      out->set_line(p.line);
      out->set_content_id(text::Bounded(p.item.content_id(), kMaxContentIdBytes));
      if (!p.problems.ok()) {
        RejectImportedRow(p.problems, out);
        continue;
      }
      WP_ASSIGN_OR_RETURN(std::optional<v1::ContentItem> current, FindContentItem(tx, p.item.content_id()));
      // An id known only from usage is catalogued in place, as a new item.
      const bool catalogued = current.has_value() && current->status() != v1::CONTENT_STATUS_UNSPECIFIED;
      std::optional<v1::ContentItem> next = ApplyImportedRow(p, catalogued ? &*current : nullptr, file, today, out);
      if (!next.has_value()) continue;
      if (!catalogued) {
        WP_RETURN_IF_ERROR(InsertContentItem(tx, *next, now));
        out->set_outcome(Row::CREATED);
        continue;
      }
      if (google::protobuf::util::MessageDifferencer::Equals(*next, *current)) {
        out->set_outcome(Row::UNCHANGED);
        continue;
      }
      WP_RETURN_IF_ERROR(SaveContentItem(tx, *next, store::VersionOf(current->etag()), now));
      out->set_outcome(Row::UPDATED);
    }
    for (const Row& r : response.rows()) {
      switch (r.outcome()) {
        case Row::CREATED: response.set_created(response.created() + 1); break;
        case Row::UPDATED: response.set_updated(response.updated() + 1); break;
        case Row::UNCHANGED: response.set_unchanged(response.unchanged() + 1); break;
        default: response.set_rejected(response.rejected() + 1); break;
      }
    }
    if (response.created() + response.updated() == 0) return absl::OkStatus();
    v1::ContentImported event;
    event.set_created(response.created());
    event.set_updated(response.updated());
    event.set_rejected(response.rejected());
    return EmitEvent(tx, caller, "content", "imported", "contentItems", event).status();
  });
  WP_RETURN_IF_ERROR(written);
  return response;
}

}  // namespace wp::westos
