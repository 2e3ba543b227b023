// The frame every learning import file shares: CSV text with a header row
// naming its columns (any case, any order, unknown ones ignored), then at
// most kMaxImportRows data rows. Checks the file as a whole; the rows'
// cells are the caller's to read. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_CORE_CSV_IMPORT_H_
#define WP_SERVICES_LEARNING_CORE_CSV_IMPORT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/table/table_text.h"

namespace wp::learning {

inline constexpr int kMaxImportRows = 5000;
// How much of a cell a row's reason quotes.
inline constexpr size_t kMaxEchoedCellBytes = 60;
// The longest reason a row's result carries.
inline constexpr size_t kMaxImportReasonBytes = 500;

struct CsvImport {
  std::map<std::string, size_t> columns;  // lower-case name -> cell index
  std::vector<table::TableRow> rows;      // the data rows, in file order

  bool Has(const std::string& column) const { return columns.count(column) > 0; }
  // The row's cell of the column, "" when the column or cell is missing.
  std::string Cell(const table::TableRow& row, const std::string& column) const;
};

// INVALID_ARGUMENT on "content" naming the problem: text that is not UTF-8
// (with its line), no header row, a header without one of `required`,
// broken quoting, more than kMaxImportRows data rows. `known` lists the
// columns read (required ones included); others are ignored.
absl::StatusOr<CsvImport> ReadCsvImport(absl::string_view content, const std::vector<std::string>& known,
                                        const std::vector<std::string>& required);

// The cell quoted for a reason: bounded, valid UTF-8, control characters
// (a quoted cell may hold line breaks) shown as spaces.
std::string EchoCell(absl::string_view cell);

// A practitioner cell as a name: "GCC-T1001" or "practitioners/GCC-T1001"
// (surrounding spaces dropped) both give "practitioners/GCC-T1001"; "" stays "".
std::string PractitionerNameOfCell(absl::string_view cell);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_CSV_IMPORT_H_
