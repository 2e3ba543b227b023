#include "services/learning/core/csv_import.h"

#include <algorithm>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/status/field_errors.h"
#include "libs/text/bounded_text.h"
#include "libs/text/utf8.h"

namespace wp::learning {

std::string CsvImport::Cell(const table::TableRow& row, const std::string& column) const {
  auto it = columns.find(column);
  if (it == columns.end() || it->second >= row.cells.size()) return std::string();
  return row.cells[it->second];
}

absl::StatusOr<CsvImport> ReadCsvImport(absl::string_view content, const std::vector<std::string>& known,
                                        const std::vector<std::string>& required) {
  const size_t bad = text::FirstInvalidUtf8(content);
  if (bad < content.size()) {
    const int line = 1 + static_cast<int>(std::count(content.begin(), content.begin() + bad, '\n'));
    return InvalidField("content", absl::StrCat("line ", line, ": is not valid UTF-8; save the file as CSV UTF-8"));
  }
  table::TableReader reader(content, table::Format::kCsv);
  table::TableRow header;
  absl::StatusOr<bool> got = reader.Next(&header);
  if (!got.ok()) return InvalidField("content", text::Bounded(got.status().message(), kMaxImportReasonBytes));
  if (!*got) return InvalidField("content", "is empty; it needs a header row naming the columns");
  CsvImport file;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header.cells[i]));
    // The first column of a name counts; a repeat is ignored like an unknown one.
    if (absl::c_linear_search(known, name)) file.columns.emplace(name, i);
  }
  std::vector<std::string> missing;
  for (const std::string& name : required) {
    if (!file.Has(name)) missing.push_back(name);
  }
  if (!missing.empty()) {
    return InvalidField("content", absl::StrCat("line ", header.line, ": the header row lacks the column",
                                                missing.size() > 1 ? "s " : " ", absl::StrJoin(missing, ", "),
                                                " (it needs ", absl::StrJoin(required, ", "), ")"));
  }
  table::TableRow row;
  while (true) {
    got = reader.Next(&row);
    if (!got.ok()) return InvalidField("content", text::Bounded(got.status().message(), kMaxImportReasonBytes));
    if (!*got) break;
    if (static_cast<int>(file.rows.size()) == kMaxImportRows) {
      return InvalidField("content", absl::StrCat("has more than ", kMaxImportRows, " rows; split the file"));
    }
    file.rows.push_back(std::move(row));
    row = table::TableRow();
  }
  return file;
}

std::string EchoCell(absl::string_view cell) {
  std::string echoed = text::Bounded(cell, kMaxEchoedCellBytes);
  for (char& c : echoed) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return absl::StrCat("\"", echoed, "\"");
}

std::string PractitionerNameOfCell(absl::string_view cell) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(cell);
  if (trimmed.empty() || absl::StartsWith(trimmed, "practitioners/")) return std::string(trimmed);
  return absl::StrCat("practitioners/", trimmed);
}

}  // namespace wp::learning
