#include "services/westos/usage/usage_csv.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/text/bounded_text.h"
#include "services/westos/usage/field_problems.h"
#include "services/westos/usage/quoted_text.h"

namespace wp::westos {
namespace {

using Column = UsageCsvReader::Column;
using Cells = std::array<absl::string_view, UsageCsvReader::kColumnCount>;

// Indexed by Column.
constexpr absl::string_view kColumnNames[] = {
    "event_id", "occurred_at", "user_id", "role",   "authority", "establishment",
    "sector",   "simd",        "content_id", "action", "seconds",   "rating"};
constexpr Column kRequired[] = {Column::kEventId,   Column::kOccurredAt, Column::kUserId,
                                Column::kRole,      Column::kAuthority,  Column::kContentId,
                                Column::kAction};
// A header name longer than this is not one of ours; it is listed cut.
constexpr size_t kMaxIgnoredNameBytes = 128;

absl::string_view Trimmed(absl::string_view text) { return absl::StripAsciiWhitespace(text); }

int ColumnOf(absl::string_view name) {
  for (int c = 0; c < UsageCsvReader::kColumnCount; ++c) {
    if (absl::EqualsIgnoreCase(name, kColumnNames[c])) return c;
  }
  return -1;
}

template <typename T, typename Field>
void Assign(absl::StatusOr<T> parsed, Field* field, FieldProblems* problems) {
  if (parsed.ok()) {
    *field = *std::move(parsed);
  } else {
    problems->AddParseError(parsed.status());
  }
}

UsageEvent ParseFields(const Cells& cells, FieldProblems* problems) {
  UsageEvent event;
  event.event_id = std::string(cells[Column::kEventId]);
  Assign(ParseOccurredAt(cells[Column::kOccurredAt]), &event.occurred_at, problems);
  event.user_id = std::string(cells[Column::kUserId]);
  Assign(ParseRole(cells[Column::kRole]), &event.role, problems);
  Assign(ParseAuthority(cells[Column::kAuthority]), &event.authority, problems);
  event.establishment = std::string(cells[Column::kEstablishment]);
  Assign(ParseSector(cells[Column::kSector]), &event.sector, problems);
  Assign(ParseSimd(cells[Column::kSimd]), &event.simd, problems);
  event.content_id = std::string(cells[Column::kContentId]);
  Assign(ParseAction(cells[Column::kAction]), &event.action, problems);
  Assign(ParseSeconds(cells[Column::kSeconds]), &event.seconds, problems);
  Assign(ParseRating(cells[Column::kRating]), &event.rating, problems);
  return event;
}

std::string MissingColumnsMessage(int line, const std::vector<absl::string_view>& missing) {
  std::vector<absl::string_view> required;
  for (Column c : kRequired) required.push_back(kColumnNames[c]);
  return absl::StrCat("line ", line, ": the header has no column ", absl::StrJoin(missing, ", "),
                      " (the export's required columns are ", absl::StrJoin(required, ", "), ")");
}

}  // namespace

UsageCsvReader::UsageCsvReader(absl::Time now) : table_(table::Format::kCsv), now_(now) {
  cell_of_.fill(-1);
}

void UsageCsvReader::Feed(absl::string_view chunk) { table_.Feed(chunk); }

void UsageCsvReader::Finish() {
  finished_ = true;
  table_.Finish();
}

absl::Status UsageCsvReader::Fail(absl::Status status) {
  failed_ = true;
  return status;
}

absl::StatusOr<bool> UsageCsvReader::Next(UsageCsvRow* row) {
  if (failed_) return false;
  absl::StatusOr<bool> more = table_.Next(&scratch_);
  if (!more.ok()) return Fail(more.status());
  if (!*more) {
    if (finished_ && !have_header_) {
      return Fail(absl::InvalidArgumentError("the file is empty: it has no header row"));
    }
    return false;
  }
  if (!have_header_) {
    if (absl::Status header = ReadHeader(scratch_); !header.ok()) return Fail(header);
    have_header_ = true;
    return Next(row);
  }
  *row = ConvertRow(scratch_);
  return true;
}

absl::Status UsageCsvReader::ReadHeader(const table::TableRow& header) {
  if (!header.over_limit.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", header.line, ": the header row is over a limit: ", header.over_limit));
  }
  absl::flat_hash_map<std::string, size_t> first_cell_of;  // lower-cased name -> cell
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const absl::string_view name = Trimmed(header.cells[i]);
    if (name.empty()) {
      // Spreadsheets add unnamed columns after a trailing comma.
      ignored_columns_.push_back(absl::StrCat("(column ", i + 1, ", no name)"));
      continue;
    }
    const auto [first, inserted] = first_cell_of.emplace(absl::AsciiStrToLower(name), i);
    if (!inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", header.line, ": the header names column ", Quoted(name), " twice (cells ",
                       first->second + 1, " and ", i + 1, ")"));
    }
    const int column = ColumnOf(name);
    if (column < 0) {
      ignored_columns_.push_back(text::Bounded(name, kMaxIgnoredNameBytes));
    } else {
      cell_of_[column] = static_cast<int>(i);
    }
  }
  std::vector<absl::string_view> missing;
  for (Column c : kRequired) {
    if (cell_of_[c] < 0) missing.push_back(kColumnNames[c]);
  }
  if (!missing.empty()) return absl::InvalidArgumentError(MissingColumnsMessage(header.line, missing));
  header_cells_ = header.cells.size();
  return absl::OkStatus();
}

UsageCsvRow UsageCsvReader::ConvertRow(const table::TableRow& in) const {
  UsageCsvRow out;
  out.line = in.line;
  Cells cells;
  for (int c = 0; c < kColumnCount; ++c) {
    const int i = cell_of_[c];
    cells[c] = i >= 0 && static_cast<size_t>(i) < in.cells.size() ? Trimmed(in.cells[i]) : "";
  }
  out.event_id = text::Bounded(cells[kEventId], kMaxIdBytes);
  if (!in.over_limit.empty()) {
    out.error = absl::StrCat("row: ", in.over_limit);
    return out;
  }
  if (in.cells.size() != header_cells_) {
    out.error = absl::StrCat("row: has ", in.cells.size(), " cells, the header has ", header_cells_);
    return out;
  }
  FieldProblems problems;
  UsageEvent event = ParseFields(cells, &problems);
  // The CSV's columns are named as the event's fields.
  problems.AddRuleErrors(ValidateUsageEvent(event, now_),
                         [](absl::string_view field) { return std::string(field); });
  if (absl::Status status = problems.ToStatus(); !status.ok()) {
    out.error = std::string(status.message());
    return out;
  }
  out.event = std::move(event);
  return out;
}

}  // namespace wp::westos
