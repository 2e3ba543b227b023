// Import and export of tracker spreadsheets (CSV or TSV with the columns
// Ref, Task, Workstream Lead, Status, Expected Date, Comments).
//
// Import applies each row as a create or an update under the usual rules and
// reports a result per row (for an update, what changed). A first pass over
// the rows finds the workstreams they name: missing ones fail the import
// before any row, or are created first when the request asks. A dry run does
// all of it in transactions that are rolled back: the same results, nothing
// changed, no event. Rows are applied in batches, one transaction per
// batch; if a batch fails unexpectedly its rows are retried one by one, so a
// bad row never costs the good ones. Importing the same file again changes
// nothing (every row UNCHANGED).
//
// Memory: the file is read row by row (TrackerReader), so an import holds the
// request, one batch of rows and one message of results, whatever the file's
// shape (the first pass keeps only workstream numbers and a bounded count of
// leads, import_workstreams.h); and at most max_concurrent imports run at once, the others being
// refused with RESOURCE_EXHAUSTED. Thread-safe.
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/server/concurrency_limit.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/workstreams/import_progress.h"
#include "services/workstreams/tracker_row.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

class TrackerImporter {
 public:
  // Called after each batch with the results of its rows; the last call has
  // done set. Returning false stops the import (client gone); rows already
  // applied stay applied.
  using ProgressSink = ImportProgress::Sink;

  // Two imports of a 32 MB file at once stay well inside a small container.
  static constexpr int kDefaultConcurrentImports = 2;

  explicit TrackerImporter(store::Database& db, int batch_size = 100,
                           int max_concurrent = kDefaultConcurrentImports)
      : db_(db),
        batch_size_(static_cast<size_t>(batch_size < 1 ? 1 : batch_size)),
        running_("tracker imports", max_concurrent) {}

  // INVALID_ARGUMENT for a file that cannot be read as a tracker at all
  // (no header naming Ref, Task and Status; an unterminated quote; a title
  // or header row over a limit of table::TableRow) and for an author longer
  // than kMaxNoteAuthorBytes; for bad workstream_titles (see
  // ValidateWorkstreamTitles, PlanMissingWorkstreams). FAILED_PRECONDITION,
  // with nothing applied, when rows name workstreams the period lacks and
  // create_missing_workstreams is not set. RESOURCE_EXHAUSTED when max_concurrent imports are
  // already running: retry later.
  absl::Status Import(const server::Caller& caller, const v1::ImportTrackerRequest& request,
                      const ProgressSink& sink);

  absl::StatusOr<v1::ExportTrackerResponse> Export(const v1::ExportTrackerRequest& request);

 private:
  // What every batch of one import shares.
  struct ImportRun {
    std::string period;
    std::string author;
    bool dry_run = false;
    // The workstreams the period lacked (created before the first batch, or
    // in a dry run, inside each batch's rolled-back transaction).
    std::vector<v1::Workstream> missing_workstreams;
  };

  // Applies rows in one transaction, or one by one if that fails; a result
  // per row. A dry run rolls every transaction back.
  std::vector<v1::ImportRowResult> ApplyBatch(const server::Caller& caller, const ImportRun& run,
                                              const std::vector<TrackerRow>& rows);

  store::Database& db_;
  const size_t batch_size_;
  server::ConcurrencyLimit running_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_IMPORT_H_
