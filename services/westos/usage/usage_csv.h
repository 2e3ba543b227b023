// The content platform's CSV export of usage events, read as it is uploaded:
// chunk by chunk, one event (or one rejected row) at a time, so an export of
// millions of rows is never held whole.
//
// The header names the columns event_id, occurred_at, user_id, role,
// authority, establishment, sector, simd, content_id, action, seconds and
// rating, in any order, in any letter case, with spaces around. The file is
// refused as a whole (before any row) when its header lacks a required column
// (event_id, occurred_at, user_id, role, authority, content_id, action),
// names a column twice, or its quoting is broken (an error of
// table::ChunkedTableReader). Other columns are ignored and listed. A bad
// data row is reported with its line and every problem, and reading goes
// on. Cells are trimmed of spaces; an empty cell of an optional column
// means absent. Every event returned passes ValidateUsageEvent.
// Thread-compatible: one thread at a time.
#ifndef WP_SERVICES_WESTOS_USAGE_USAGE_CSV_H_
#define WP_SERVICES_WESTOS_USAGE_USAGE_CSV_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/table/chunked_table_reader.h"
#include "services/westos/usage/usage_event.h"

namespace wp::westos {

// One data row of the export: an event, or why the row was rejected.
struct UsageCsvRow {
  int line = 0;                     // the file line the row starts on
  std::optional<UsageEvent> event;  // set when the row is good
  // The event_id cell as written (trimmed), so a rejection can be matched to
  // the source; cut to 128 bytes of valid UTF-8 when it is not an id. May be
  // empty.
  std::string event_id;
  // When event is empty: every problem of the row, "field: reason; ...",
  // bounded and valid UTF-8 ("row: ..." for a row over a table limit or with
  // the wrong number of cells).
  std::string error;
};

class UsageCsvReader {
 public:
  // Events may be at most kMaxClockSkew after `now`.
  explicit UsageCsvReader(absl::Time now);

  // The next piece of the file, split anywhere.
  void Feed(absl::string_view chunk);
  // No more pieces will come.
  void Finish();

  // The next row: true with *row set; false when more input is needed or at
  // the end (after Finish). A file-level error (bad header, broken quoting,
  // no header at all) is INVALID_ARGUMENT naming the line; the reader is
  // then at its end.
  absl::StatusOr<bool> Next(UsageCsvRow* row);

  // The header's columns that are not part of the export, as written
  // (trimmed), in header order; an unnamed one as "(column N, no name)".
  const std::vector<std::string>& ignored_columns() const { return ignored_columns_; }

  // The export's columns, in the order of its header.
  enum Column {
    kEventId, kOccurredAt, kUserId, kRole, kAuthority, kEstablishment,
    kSector, kSimd, kContentId, kAction, kSeconds, kRating, kColumnCount
  };

 private:
  absl::Status ReadHeader(const table::TableRow& header);
  absl::Status Fail(absl::Status status);
  UsageCsvRow ConvertRow(const table::TableRow& row) const;

  table::ChunkedTableReader table_;
  absl::Time now_;
  bool finished_ = false;
  bool failed_ = false;
  bool have_header_ = false;
  size_t header_cells_ = 0;
  std::array<int, kColumnCount> cell_of_;  // the cell index of each column, -1 when absent
  std::vector<std::string> ignored_columns_;
  table::TableRow scratch_;  // the row being read, reused
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_USAGE_USAGE_CSV_H_
