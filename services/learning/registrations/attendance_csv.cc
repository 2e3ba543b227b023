#include "services/learning/registrations/attendance_csv.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "libs/text/bounded_text.h"
#include "services/learning/core/csv_import.h"

namespace wp::learning {

std::optional<bool> ParseAttended(absl::string_view cell) {
  const std::string word = absl::AsciiStrToLower(absl::StripAsciiWhitespace(cell));
  if (word.empty() || word == "yes" || word == "y" || word == "true" || word == "1") return true;
  if (word == "no" || word == "n" || word == "false" || word == "0") return false;
  return std::nullopt;
}

absl::StatusOr<std::vector<AttendanceCsvRow>> ReadAttendanceCsv(absl::string_view content) {
  WP_ASSIGN_OR_RETURN(CsvImport file, ReadCsvImport(content, {"practitioner", "attended"}, {"practitioner"}));
  std::vector<AttendanceCsvRow> rows;
  rows.reserve(file.rows.size());
  for (const table::TableRow& row : file.rows) {
    AttendanceCsvRow out;
    out.line = row.line;
    out.entry.set_practitioner(text::Bounded(PractitionerNameOfCell(file.Cell(row, "practitioner")), 200));
    const std::string attended = file.Cell(row, "attended");
    const std::optional<bool> parsed = ParseAttended(attended);
    if (!row.over_limit.empty()) {
      out.field = "content";
      out.reason = text::Bounded(row.over_limit, kMaxImportReasonBytes);
    } else if (out.entry.practitioner().empty()) {
      out.field = "practitioner";
      out.reason = "is required";
    } else if (!parsed.has_value()) {
      out.field = "attended";
      out.reason = absl::StrCat(EchoCell(attended), " is not yes or no (yes, no, true, false, 1, 0, y, n)");
    } else {
      out.entry.set_attended(*parsed);
    }
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace wp::learning
