// The improvement-plan tracker spreadsheet, read and written as plain rows.
//
// A tracker has the columns Ref, Task, Workstream Lead, Status, Expected Date
// and Comments. Import is forgiving about how people fill a spreadsheet in
// (header spelling and order, status words, date styles, several dated notes
// in one Comments cell) and strict about what would corrupt the plan (bad or
// duplicate refs, unknown statuses, impossible dates, text that is not UTF-8,
// rows over a limit): such a row is rejected with its line and a reason, and
// the other rows still import. Export writes the canonical form, which
// imports back to equal rows.
// No I/O, protos or storage here. Thread-safe: pure functions; a
// TrackerReader is used by one thread.
#ifndef WP_SERVICES_WORKSTREAMS_TRACKER_ROW_H_
#define WP_SERVICES_WORKSTREAMS_TRACKER_ROW_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/table/table_text.h"
#include "services/workstreams/plan_item_types.h"

namespace wp::workstreams {

// One progress note from a Comments cell; date absent for text written before
// the first date (or a cell with no date at all).
struct DatedNote {
  std::optional<CalendarDate> date;
  std::string text;  // whitespace runs collapsed to one space, trimmed
};

struct TrackerRow {
  int line = 0;                // file line where the row starts
  std::string ref;             // canonical "4.2"
  int workstream_number = 0;   // 4
  int task_number = 0;         // 2
  std::string task;            // trimmed; line breaks kept as "\n"
  std::string lead;            // may be empty
  ItemStatus status = ItemStatus::kNotStarted;
  std::optional<CalendarDate> expected_date;
  std::vector<DatedNote> notes;  // in cell order
  std::string superseded_by;     // "5.2", only when status is kSuperseded
};

bool operator==(const DatedNote& a, const DatedNote& b);
bool operator!=(const DatedNote& a, const DatedNote& b);
// Compares every field, line included.
bool operator==(const TrackerRow& a, const TrackerRow& b);
bool operator!=(const TrackerRow& a, const TrackerRow& b);

// A data row that did not import. The rest of the file is unaffected.
struct RowRejection {
  int line = 0;
  std::string ref;     // the Ref cell as written (trimmed), maybe empty
  std::string reason;  // every problem of the row, joined by "; "
};

struct TrackerFile {
  table::Format format = table::Format::kCsv;
  int header_line = 0;
  std::vector<TrackerRow> rows;          // file order
  std::vector<RowRejection> rejections;  // file order
};

// Reads a tracker file row by row, so an import holds one row (and what it
// keeps of earlier rows) rather than every cell of the file at once.
//
// A row is rejected, besides the cell rules below, when it breaks a limit of
// table::TableRow (too many cells, a cell too long), when a cell is not UTF-8
// text (or holds a NUL), when a Comments note is longer than
// kMaxNoteTextBytes, or when Comments hold more than kMaxProgressNotesPerItem
// notes.
class TrackerReader {
 public:
  // Reads the whole text once, keeping nothing but counts: checks that it is
  // well formed and has a header (the errors of ParseTracker below), and
  // counts its data rows, so that nothing is applied from a file that turns
  // out to be malformed at its end.
  static absl::StatusOr<TrackerReader> Open(absl::string_view text, table::Format format);

  table::Format format() const { return format_; }
  int header_line() const { return header_line_; }
  // Non-blank rows after the header, good or rejected.
  int data_rows() const { return data_rows_; }

  // The next data row, good or rejected (exactly one is set); false at the end.
  bool Next(std::optional<TrackerRow>* row, std::optional<RowRejection>* rejection);

 private:
  TrackerReader(absl::string_view text, table::Format format)
      : table_(text, format), format_(format) {}

  table::TableReader table_;
  table::Format format_;
  int header_line_ = 0;
  int data_rows_ = 0;
  std::array<int, 6> columns_{};  // cell index of Ref, Task, Lead, Status, Expected Date, Comments
  absl::flat_hash_map<int, int> first_line_of_ref_;  // workstream * 10000 + task -> line
  table::TableRow scratch_;  // the row being read, reused
};

// Reads a tracker file (format detected from its header, or given).
// The header is the first non-blank row that names Ref, Task and Status;
// title rows above it (within the first 10 rows) are ignored. Blank rows are
// skipped. INVALID_ARGUMENT for the whole file when the text is malformed
// (see table::ParseTable) or when no header names every required column: the
// message names the missing column(s) and the header's line.
absl::StatusOr<TrackerFile> ParseTracker(absl::string_view text);
absl::StatusOr<TrackerFile> ParseTracker(absl::string_view text, table::Format format);

// Header then one line per row, columns Ref, Task, Workstream Lead, Status,
// Expected Date, Comments; dates as FormatDate, statuses as StatusWord, notes
// as FormatNotes. A superseded row whose superseded_by is not named by its
// notes gets a first line "Superseded by 5.2" so the link survives import.
// ParseTracker(WriteTracker(rows)) gives rows back (line numbers aside) for
// rows in the form ParseTracker produces.
std::string WriteTracker(const std::vector<TrackerRow>& rows, table::Format format);

// ---- The cell rules, exposed for the service and for tests. ----

// "4.2" (spaces around and leading zeros tolerated; workstream 1..99, task
// 1..9999) -> {4, 2}. Import writes the canonical form back ("04.2" -> "4.2").
// INVALID_ARGUMENT naming the Ref and what is wrong otherwise.
absl::StatusOr<PlanRef> ParseRef(absl::string_view cell);
std::string FormatRef(const PlanRef& ref);  // "4.2"

// Empty, "TBC", "TBA", "N/A", "-", "Ongoing" -> no date. Otherwise
// "30 November 2018", "30th Nov 2018", "November 30, 2018", "30-Nov-2018",
// "30/11/2018", "30.11.18", "2018-11-30" (day first unless the year leads),
// "November 2018", "Nov-18" (month precision). Years 2000..2099.
// INVALID_ARGUMENT for seasons ("Summer 2019"), impossible days ("31 June
// 2019") and anything else, saying why.
absl::StatusOr<std::optional<CalendarDate>> ParseExpectedDate(absl::string_view cell);
// "30 November 2018", or "November 2018" when day is 0.
std::string FormatDate(const CalendarDate& date);

// Splits a Comments cell into notes. A note starts at a month and year
// ("Dec 2018", "December 2018:", "5 Jan 2019 -") found at the start of the
// cell or of a line, after the end of a sentence (". Jan 2019"), or followed
// by ":" or a dash; a date elsewhere ("planned for March 2019") is just text.
// Text before the first date is one undated note. Empty cell -> no notes.
std::vector<DatedNote> ParseNotes(absl::string_view cell);
// "Dec 2018 text" (or "5 Dec 2018 text"; undated notes as bare text), one
// note per line.
std::string FormatNotes(const std::vector<DatedNote>& notes);

// The ref a comment says replaced an item: "combined with 5.2", "superseded
// by 5.2", "replaced by task 5.2", "merged into 5.2", "see 5.2", ... Case and
// spacing do not matter; the first such ref other than own_ref wins.
// Empty when there is none.
std::string FindReplacementRef(absl::string_view text, absl::string_view own_ref = "");

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_TRACKER_ROW_H_
