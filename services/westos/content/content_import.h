// Bulk cataloguing from a CSV file (ImportContentItems). Like the tracker
// import (services/workstreams/tracker_import.h), the whole file comes in
// one request and every row is answered on its own: CREATED, UPDATED,
// UNCHANGED or REJECTED with the column and reason; a bad row never costs
// the good ones. Unlike usage, a catalogue is thousands of rows, not
// millions, so one request and one transaction (one content.imported
// event) suffice; no chunked stream is needed. Importing the same file again
// changes nothing (every row UNCHANGED).
//
// Reading the file and the rules per row are pure (content_import_rows.h);
// here they meet the store.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_H_
#define WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/content/content_import_rows.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

class ContentImport {
 public:
  explicit ContentImport(store::Database& db) : db_(db) {}

  // INVALID_ARGUMENT on "content" for a file that cannot be read as a
  // catalogue at all: no header naming the required columns, broken
  // quoting, more than kMaxImportRows rows.
  absl::StatusOr<v1::ImportContentItemsResponse> Import(const server::Caller& caller,
                                                        const v1::ImportContentItemsRequest& request, absl::Time now);

 private:
  store::Database& db_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_CONTENT_IMPORT_H_
