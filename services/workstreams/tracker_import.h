// Import and export of tracker spreadsheets (CSV or TSV with the columns
// Ref, Task, Workstream Lead, Status, Expected Date, Comments).
//
// Import applies each row as a create or an update under the usual rules and
// reports a result per row. Rows are applied in batches, one transaction per
// batch; if a batch fails unexpectedly its rows are retried one by one, so a
// bad row never costs the good ones. Importing the same file again changes
// nothing (every row UNCHANGED). Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_

#include <functional>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "libs/cache/data_generation.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

class TrackerImporter {
 public:
  // Called after each batch with the results of its rows; the last call has
  // done set. Returning false stops the import (client gone); rows already
  // applied stay applied.
  using ProgressSink = std::function<bool(const v1::ImportTrackerProgress&)>;

  TrackerImporter(store::Database& db, cache::DataGeneration& generation, int batch_size = 100)
      : db_(db), generation_(generation), batch_size_(batch_size) {}

  // INVALID_ARGUMENT for a file that cannot be read as a tracker at all
  // (no header naming Ref, Task and Status; an unterminated quote).
  absl::Status Import(const server::Caller& caller, const v1::ImportTrackerRequest& request,
                      const ProgressSink& sink);

  absl::StatusOr<v1::ExportTrackerResponse> Export(const v1::ExportTrackerRequest& request);

 private:
  store::Database& db_;
  cache::DataGeneration& generation_;
  int batch_size_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_
