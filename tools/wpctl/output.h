// How wpctl writes things down: aligned text tables, protobuf JSON, dates and
// times, and the "error: CODE: message" text with one line per field
// violation. Widths count UTF-8 characters, not bytes, so names with accents
// stay aligned. Thread-safe: pure functions; Table is a value type.
#ifndef WP_TOOLS_WPCTL_OUTPUT_H_
#define WP_TOOLS_WPCTL_OUTPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"
#include "wp/common/v1/date.pb.h"

namespace wp::wpctl {

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
};

// Columns separated by two spaces, no trailing blanks. Cells are flattened to
// one line; a row with more cells than columns gets extra, untitled columns.
// The same table renders as CSV (wpctl --format csv), cells kept whole.
class Table {
 public:
  explicit Table(std::vector<Column> columns);

  void AddRow(std::vector<std::string> cells);
  // A line of dashes across the table, e.g. above a totals row.
  void AddRule();
  bool empty() const { return rows_.empty(); }

  // Header, then rows; every line ends with "\n". Tells the TableRecorder
  // in force, if any, so --format csv can print this table instead.
  std::string Render() const;
  // Header, then rows, as RFC 4180 CSV (libs/table WriteTable: quoted only
  // when needed, line breaks kept inside quotes); rules are left out. No BOM.
  std::string Csv() const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

// Collects every Table rendered while it lives, so that main.cc can print a
// command's tables as CSV without the command knowing. One per process at a
// time, on wpctl's one thread (not thread-safe: a process-wide pointer).
class TableRecorder {
 public:
  TableRecorder();
  ~TableRecorder();
  TableRecorder(const TableRecorder&) = delete;
  TableRecorder& operator=(const TableRecorder&) = delete;

  const std::vector<Table>& tables() const { return tables_; }
  // Each table's CSV; several are separated by an empty line.
  std::string Csv() const;

  // Called by Table::Render.
  static void Note(const Table& table);
  // True while a recorder lives.
  static bool Active();

 private:
  std::vector<Table> tables_;
};

// "label:  value" lines with the values lined up; a value holding line
// breaks continues on indented lines. Empty values show as "-".
using Field = std::pair<std::string, std::string>;
std::string FieldsText(const std::vector<Field>& fields);

// Characters (code points) in UTF-8 text.
size_t DisplayWidth(absl::string_view text);
// At most `max_chars` characters, ending "..." when cut; never splits a character.
// While a TableRecorder lives (--format csv) the text is kept whole: cells are
// cut for the terminal, and a spreadsheet wants them entire.
std::string Truncate(absl::string_view text, size_t max_chars);
// Line breaks and tabs become spaces, runs of spaces one space, ends trimmed.
std::string OneLine(absl::string_view text);

// An enum value as a word: FINANCE_SUB_GROUP -> "finance sub group"; "-" for
// the zero (UNSPECIFIED) value and for numbers the enum does not know.
std::string EnumWord(const google::protobuf::EnumDescriptor* type, int value);

// "1,234,567": whole numbers with thousands separators.
std::string GroupedNumber(int64_t value);

// "2019-03-31", "2019-03" at month precision, "-" when unset.
std::string DateText(const common::v1::Date& date);
// "2019-03-31 14:05:09 UTC", "-" when unset.
std::string TimeText(const google::protobuf::Timestamp& time);

// Protobuf JSON with every field present (zeros included, so scripts can
// rely on them); indented, or on one line for streams of messages.
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message, bool one_line);

// "error: INVALID_ARGUMENT: message\n" and, for each field violation the
// status carries, "  field plan_item.ref: must look like 4.2\n".
std::string ErrorText(const absl::Status& status);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_OUTPUT_H_
