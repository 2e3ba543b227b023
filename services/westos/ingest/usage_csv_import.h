// The platform's CSV export, stored as it is uploaded: chunks in, rows read
// one at a time (usage/usage_csv.h), stored a batch at a time through
// UsageIngest, and progress out after each batch commits. One batch is
// stored while the next is read, so parsing and storing overlap; memory
// holds two batches, however long the file. `progress` is called from the
// storing thread, one batch at a time, in order.
//
// Thread-compatible: one import per object at a time.
#ifndef WP_SERVICES_WESTOS_INGEST_USAGE_CSV_IMPORT_H_
#define WP_SERVICES_WESTOS_INGEST_USAGE_CSV_IMPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "services/westos/ingest/ingest_metrics.h"
#include "services/westos/ingest/usage_ingest.h"

namespace wp::westos {

// A row that was not stored for a reason the sender should see: rejected or
// in conflict. (Duplicates are only counted: a re-sent export is all
// duplicates.)
struct RowProblem {
  int line = 0;
  std::string event_id;
  Outcome outcome = Outcome::kRejected;
  std::string field;
  std::string reason;
};

struct CsvProgress {
  int64_t rows = 0;  // data rows read so far
  IngestTotals totals;  // over the file so far
  std::vector<RowProblem> problems;  // of the batch just committed
  std::vector<std::string> ignored_columns;  // the header's columns that are not the export's
  bool done = false;
};

class UsageCsvImport {
 public:
  static constexpr size_t kDefaultBatchRows = 20000;

  // `metrics` counts each committed batch (path csv).
  UsageCsvImport(UsageIngest& ingest, IngestMetrics& metrics, size_t batch_rows = kDefaultBatchRows)
      : ingest_(ingest), metrics_(metrics), batch_rows_(batch_rows) {}

  // Reads chunks from `next_chunk` (false at the end of the upload) and
  // calls `progress` after each committed batch and once more at the end
  // (done); `progress` returning false stops the import (the client left).
  // INVALID_ARGUMENT for a file that cannot be read at all (its header or
  // its quoting), before or between batches: batches answered before stay
  // stored.
  absl::Status Run(const server::Caller& caller, absl::Time now,
                   const std::function<absl::StatusOr<bool>(std::string*)>& next_chunk,
                   const std::function<bool(const CsvProgress&)>& progress);

 private:
  UsageIngest& ingest_;
  IngestMetrics& metrics_;
  const size_t batch_rows_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_USAGE_CSV_IMPORT_H_
