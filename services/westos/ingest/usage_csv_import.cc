#include "services/westos/ingest/usage_csv_import.h"

#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/usage_event_proto.h"
#include "services/westos/usage/usage_csv.h"

namespace wp::westos {
namespace {

// A batch read from the file, ready to store.
struct ReadBatch {
  std::vector<IngestItem> items;
  UsageIngest::PreparedBatch prepared;  // hashed on the reading thread
  std::vector<int> lines;  // the file line of each item
  int64_t rows_so_far = 0;
  std::vector<std::string> ignored_columns;
  bool done = false;
};

// Stores one batch at a time on its own thread while the caller reads and
// prepares (hashes) the next: the two overlap, one batch apart. Memory
// holds at most two batches.
class BatchStorer {
 public:
  BatchStorer(UsageIngest& ingest, IngestMetrics& metrics, const server::Caller& caller,
              const std::function<bool(const CsvProgress&)>& progress)
      : ingest_(ingest), metrics_(metrics), caller_(caller), progress_(progress) {}
  ~BatchStorer() { Wait().IgnoreError(); }

  // Waits for the batch being stored, then starts storing `batch`.
  absl::Status Store(ReadBatch batch) {
    WP_RETURN_IF_ERROR(Wait());
    thread_ = std::thread([this, batch = std::move(batch)] { status_ = StoreAndReport(batch); });
    return absl::OkStatus();
  }

  // Waits for the batch being stored: its error, CANCELLED when the client
  // left, or OK.
  absl::Status Wait() {
    if (thread_.joinable()) thread_.join();
    return status_;
  }

 private:
  absl::Status StoreAndReport(const ReadBatch& batch) {
    CsvProgress state;
    if (!batch.items.empty()) {
      WP_ASSIGN_OR_RETURN(BatchResult result, ingest_.Ingest(caller_, batch.items, batch.prepared));
      metrics_.RecordBatch(IngestPath::kCsv, result.totals);
      totals_.Add(result.totals);
      for (size_t i = 0; i < result.results.size(); ++i) {
        const ItemResult& r = result.results[i];
        if (r.outcome == Outcome::kRejected || r.outcome == Outcome::kConflict) {
          state.problems.push_back({batch.lines[i], r.event_id, r.outcome, r.field, r.reason});
        }
      }
    }
    state.rows = batch.rows_so_far;
    state.totals = totals_;
    state.ignored_columns = batch.ignored_columns;
    state.done = batch.done;
    if (!progress_(state)) return absl::CancelledError("the client went away; the rows answered before are stored");
    return absl::OkStatus();
  }

  UsageIngest& ingest_;
  IngestMetrics& metrics_;
  const server::Caller& caller_;
  const std::function<bool(const CsvProgress&)>& progress_;
  std::thread thread_;
  absl::Status status_;  // of the last batch; written by its thread, read after join
  IngestTotals totals_;  // over the file so far; only the storing thread touches it
};

}  // namespace

absl::Status UsageCsvImport::Run(const server::Caller& caller, absl::Time now,
                                 const std::function<absl::StatusOr<bool>(std::string*)>& next_chunk,
                                 const std::function<bool(const CsvProgress&)>& progress) {
  UsageCsvReader reader(now);
  BatchStorer storer(ingest_, metrics_, caller, progress);
  ReadBatch batch;
  batch.items.reserve(batch_rows_);
  int64_t rows = 0;
  auto hand_over = [&](bool done) {
    batch.rows_so_far = rows;
    batch.ignored_columns = reader.ignored_columns();
    batch.done = done;
    batch.prepared = UsageIngest::Prepare(batch.items);
    absl::Status s = storer.Store(std::move(batch));
    batch = ReadBatch{};
    batch.items.reserve(batch_rows_);
    return s;
  };

  bool finished = false;
  std::string chunk;
  UsageCsvRow row;
  while (true) {
    while (true) {
      // A file-level error ends the import once the batch before it is answered.
      absl::StatusOr<bool> got = reader.Next(&row);
      if (!got.ok()) {
        WP_RETURN_IF_ERROR(storer.Wait());
        return got.status();
      }
      if (!*got) break;
      ++rows;
      batch.lines.push_back(row.line);
      if (row.event.has_value()) {
        IngestItem item;
        item.event_id = row.event_id;
        item.event = std::move(row.event);
        batch.items.push_back(std::move(item));
      } else {
        batch.items.push_back(Rejected(row.event_id, absl::InvalidArgumentError(row.error)));
      }
      if (batch.items.size() >= batch_rows_) WP_RETURN_IF_ERROR(hand_over(/*done=*/false));
    }
    if (finished) break;
    absl::StatusOr<bool> more = next_chunk(&chunk);
    if (!more.ok()) {
      WP_RETURN_IF_ERROR(storer.Wait());
      return more.status();
    }
    if (*more) {
      reader.Feed(chunk);
    } else {
      reader.Finish();
      finished = true;
    }
  }
  WP_RETURN_IF_ERROR(hand_over(/*done=*/true));
  return storer.Wait();
}

}  // namespace wp::westos
