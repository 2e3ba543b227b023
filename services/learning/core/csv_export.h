// The frame every learning export file shares (statistics, survey
// summaries): rows of cells written as CSV or TSV (libs/table WriteTable,
// which quotes as needed) behind the UTF-8 byte order mark, so Excel shows
// accented names right, with the content type to serve it under. Also the
// guard on free text: a cell a spreadsheet would run as a formula. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_CORE_CSV_EXPORT_H_
#define WP_SERVICES_LEARNING_CORE_CSV_EXPORT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/table_export.pb.h"

namespace wp::learning {

struct ExportFile {
  std::string content;       // the byte order mark, then the rows
  std::string content_type;  // "text/csv; charset=utf-8" or the TSV one
};

// INVALID_ARGUMENT on `field` for a value the enum does not hold.
absl::Status CheckTableFormat(v1::TableFormat format, absl::string_view field);

// `rows` as a file of `format` (CSV when unspecified).
ExportFile WriteExportFile(const std::vector<std::vector<std::string>>& rows, v1::TableFormat format);

// Free text (a comment, a title, an establishment) made safe for a
// spreadsheet: text starting with =, +, -, @, a tab or a carriage return
// would be run as a formula when the file is opened, so it gets a leading
// apostrophe, which spreadsheets show as text. Numbers are written by the
// caller and never pass through here.
std::string SpreadsheetText(absl::string_view text);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_CSV_EXPORT_H_
