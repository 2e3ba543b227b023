// Fuzzes the CSV/TSV reader behind file imports (ParseTable), which reads
// whatever file a client uploads. Checks the contract table_text.h states:
// a table that parses writes back (WriteTable) to text that parses to the
// same cells, and each row's line is within the text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "libs/table/table_text.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::table::Format;
using wp::table::TableRow;

void CheckFormat(absl::string_view text, Format format) {
  absl::StatusOr<std::vector<TableRow>> rows = wp::table::ParseTable(text, format);
  if (!rows.ok()) return;
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n') +
                                         std::count(text.begin(), text.end(), '\r'));
  std::vector<std::vector<std::string>> cells;
  int last_line = 0;
  for (const TableRow& row : *rows) {
    FUZZ_CHECK(row.line > last_line && row.line <= lines);
    last_line = row.line;
    if (!row.cells.empty()) cells.push_back(row.cells);
  }
  const std::string written = wp::table::WriteTable(cells, format);
  absl::StatusOr<std::vector<TableRow>> again = wp::table::ParseTable(written, format);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->size() == cells.size());
  for (size_t i = 0; i < cells.size(); ++i) FUZZ_CHECK((*again)[i].cells == cells[i]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  CheckFormat(text, Format::kCsv);
  CheckFormat(text, Format::kTsv);
  (void)wp::table::ParseTable(text);  // with DetectFormat
  return 0;
}
