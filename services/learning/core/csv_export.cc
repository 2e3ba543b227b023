#include "services/learning/core/csv_export.h"

#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/table/table_text.h"

namespace wp::learning {

absl::Status CheckTableFormat(v1::TableFormat format, absl::string_view field) {
  if (!v1::TableFormat_IsValid(format)) return InvalidField(field, "must be CSV or TSV");
  return absl::OkStatus();
}

ExportFile WriteExportFile(const std::vector<std::vector<std::string>>& rows, v1::TableFormat format) {
  const bool tsv = format == v1::TSV;
  ExportFile file;
  const table::Format table_format = tsv ? table::Format::kTsv : table::Format::kCsv;
  file.content = absl::StrCat(table::kUtf8Bom, table::WriteTable(rows, table_format));
  file.content_type = tsv ? "text/tab-separated-values; charset=utf-8" : "text/csv; charset=utf-8";
  return file;
}

std::string SpreadsheetText(absl::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r')) {
    return absl::StrCat("'", text);
  }
  return std::string(text);
}

}  // namespace wp::learning
