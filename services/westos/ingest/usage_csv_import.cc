#include "services/westos/ingest/usage_csv_import.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/westos/ingest/usage_event_proto.h"
#include "services/westos/usage/usage_csv.h"

namespace wp::westos {

absl::Status UsageCsvImport::Run(const server::Caller& caller, absl::Time now,
                                 const std::function<absl::StatusOr<bool>(std::string*)>& next_chunk,
                                 const std::function<bool(const CsvProgress&)>& progress) {
  UsageCsvReader reader(now);
  CsvProgress state;
  std::vector<IngestItem> items;
  std::vector<int> lines;
  items.reserve(batch_rows_);

  // Stores the batch read so far and reports it; false when the client left.
  auto flush = [&](bool done) -> absl::StatusOr<bool> {
    state.problems.clear();
    if (!items.empty()) {
      WP_ASSIGN_OR_RETURN(BatchResult batch, ingest_.Ingest(caller, items));
      state.totals.Add(batch.totals);
      for (size_t i = 0; i < batch.results.size(); ++i) {
        const ItemResult& r = batch.results[i];
        if (r.outcome == Outcome::kRejected || r.outcome == Outcome::kConflict) {
          state.problems.push_back({lines[i], r.event_id, r.outcome, r.field, r.reason});
        }
      }
      items.clear();
      lines.clear();
    }
    state.ignored_columns = reader.ignored_columns();
    state.done = done;
    return progress(state);
  };

  bool finished = false;
  std::string chunk;
  UsageCsvRow row;
  while (true) {
    while (true) {
      WP_ASSIGN_OR_RETURN(bool got, reader.Next(&row));
      if (!got) break;
      ++state.rows;
      lines.push_back(row.line);
      if (row.event.has_value()) {
        IngestItem item;
        item.event_id = row.event_id;
        item.event = std::move(row.event);
        items.push_back(std::move(item));
      } else {
        items.push_back(Rejected(row.event_id, absl::InvalidArgumentError(row.error)));
      }
      if (items.size() >= batch_rows_) {
        WP_ASSIGN_OR_RETURN(bool going_on, flush(/*done=*/false));
        if (!going_on) return absl::CancelledError("the client went away; the rows answered before are stored");
      }
    }
    if (finished) break;
    WP_ASSIGN_OR_RETURN(bool more, next_chunk(&chunk));
    if (more) {
      reader.Feed(chunk);
    } else {
      reader.Finish();
      finished = true;
    }
  }
  return flush(/*done=*/true).status();
}

}  // namespace wp::westos
