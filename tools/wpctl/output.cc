#include "tools/wpctl/output.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "libs/status/field_errors.h"
#include "libs/table/table_text.h"

namespace wp::wpctl {
namespace {

constexpr absl::string_view kGap = "  ";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::AddRow(std::vector<std::string> cells) {
  // Cells are kept whole for CSV; Render flattens them.
  // An empty cell list is how rules are stored; keep real rows distinct.
  if (cells.empty()) cells.emplace_back();
  while (columns_.size() < cells.size()) columns_.push_back({});
  rows_.push_back(std::move(cells));
}

void Table::AddRule() { rows_.emplace_back(); }

std::string Table::Render() const {
  TableRecorder::Note(*this);
  std::vector<std::vector<std::string>> rows = rows_;
  for (auto& row : rows) {
    for (std::string& cell : row) cell = OneLine(cell);
  }
  std::vector<size_t> widths(columns_.size(), 0);
  for (size_t c = 0; c < columns_.size(); ++c) widths[c] = DisplayWidth(columns_[c].header);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  size_t total_width = 0;
  for (size_t w : widths) total_width += w;
  if (!widths.empty()) total_width += kGap.size() * (widths.size() - 1);

  auto render_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < columns_.size(); ++c) {
      const std::string& cell = c < cells.size() ? cells[c] : std::string();
      const std::string pad(widths[c] - DisplayWidth(cell), ' ');
      if (c > 0) absl::StrAppend(&line, kGap);
      if (columns_[c].align == Align::kRight) {
        absl::StrAppend(&line, pad, cell);
      } else {
        absl::StrAppend(&line, cell, pad);
      }
    }
    // Left-aligned last columns leave padding behind; nobody wants it.
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };

  std::vector<std::string> headers;
  for (const Column& column : columns_) headers.push_back(column.header);
  std::string out = render_line(headers);
  for (const auto& row : rows) {
    out += row.empty() ? std::string(total_width, '-') + "\n" : render_line(row);
  }
  return out;
}

std::string Table::Csv() const {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(rows_.size() + 1);
  std::vector<std::string>& headers = rows.emplace_back();
  for (const Column& column : columns_) headers.push_back(column.header);
  for (const auto& row : rows_) {
    if (row.empty()) continue;  // a rule
    std::vector<std::string>& cells = rows.emplace_back(row);
    cells.resize(columns_.size());
  }
  return table::WriteTable(rows, table::Format::kCsv);
}

namespace {
TableRecorder* active_recorder = nullptr;
}  // namespace

TableRecorder::TableRecorder() { active_recorder = this; }
TableRecorder::~TableRecorder() { active_recorder = nullptr; }

void TableRecorder::Note(const Table& table) {
  if (active_recorder != nullptr) active_recorder->tables_.push_back(table);
}

bool TableRecorder::Active() { return active_recorder != nullptr; }

std::string TableRecorder::Csv() const {
  std::string out;
  for (const Table& table : tables_) absl::StrAppend(&out, out.empty() ? "" : "\n", table.Csv());
  return out;
}

std::string FieldsText(const std::vector<Field>& fields) {
  size_t label_width = 0;
  for (const Field& field : fields) label_width = std::max(label_width, DisplayWidth(field.first));
  const std::string indent(label_width + 2, ' ');
  std::string out;
  for (const auto& [label, value] : fields) {
    absl::StrAppend(&out, label, ":", std::string(label_width - DisplayWidth(label) + 1, ' '));
    if (value.empty()) {
      out += "-\n";
      continue;
    }
    // Spreadsheet cells end lines with CRLF; the CR would garble the terminal.
    bool first = true;
    for (absl::string_view line : absl::StrSplit(value, '\n')) {
      absl::StrAppend(&out, first ? "" : indent, absl::StripTrailingAsciiWhitespace(line), "\n");
      first = false;
    }
  }
  return out;
}

size_t DisplayWidth(absl::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

std::string Truncate(absl::string_view text, size_t max_chars) {
  if (TableRecorder::Active() || DisplayWidth(text) <= max_chars) return std::string(text);
  constexpr absl::string_view kEllipsis = "...";
  if (max_chars <= kEllipsis.size()) return std::string(kEllipsis.substr(0, max_chars));
  const size_t keep = max_chars - kEllipsis.size();
  size_t chars = 0;
  size_t end = 0;
  // Stop at the first byte of the character that would be one too many.
  while (end < text.size()) {
    if (!IsContinuationByte(text[end])) {
      if (chars == keep) break;
      ++chars;
    }
    ++end;
  }
  return absl::StrCat(absl::StripTrailingAsciiWhitespace(text.substr(0, end)), kEllipsis);
}

std::string OneLine(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string EnumWord(const google::protobuf::EnumDescriptor* type, int value) {
  const google::protobuf::EnumValueDescriptor* found = type->FindValueByNumber(value);
  if (value == 0 || found == nullptr) return "-";
  std::string word = absl::AsciiStrToLower(found->name());
  std::replace(word.begin(), word.end(), '_', ' ');
  return word;
}

std::string GroupedNumber(int64_t value) {
  // Digits of the magnitude; unsigned so the most negative value survives.
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const std::string digits = absl::StrCat(magnitude);
  std::string out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string DateText(const common::v1::Date& date) {
  if (date.year() == 0) return "-";
  if (date.day() == 0) return absl::StrFormat("%04d-%02d", date.year(), date.month());
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string TimeText(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "-";
  const absl::Time t = absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", t, absl::UTCTimeZone());
}

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message, bool one_line) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = !one_line;
  options.always_print_primitive_fields = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot write JSON: ", status.ToString()));
  }
  // Indented output from protobuf ends with a newline, one-line output does not.
  if (json.empty() || json.back() != '\n') json += '\n';
  return json;
}

std::string ErrorText(const absl::Status& status) {
  std::string out = absl::StrCat("error: ", absl::StatusCodeToString(status.code()), ": ",
                                 status.message(), "\n");
  for (const FieldViolation& violation : FieldViolationsOf(status)) {
    absl::StrAppend(&out, "  field ", violation.field, ": ", violation.description, "\n");
  }
  return out;
}

}  // namespace wp::wpctl
