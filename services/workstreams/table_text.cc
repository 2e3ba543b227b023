#include "services/workstreams/table_text.h"

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace wp::workstreams {
namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// Reads one file's rows; keeps the position and line count between cells.
class TableReader {
 public:
  TableReader(absl::string_view text, Format format)
      : text_(text), format_(format), delimiter_(format == Format::kCsv ? ',' : '\t') {}

  absl::StatusOr<std::vector<TableRow>> ReadAll() {
    std::vector<TableRow> rows;
    while (pos_ < text_.size()) {
      // A line with no characters is not a row: spreadsheets leave them at
      // the end, people leave them between blocks.
      if (IsLineBreak(text_[pos_])) {
        SkipLineBreak();
        continue;
      }
      TableRow row;
      row.line = line_;
      while (true) {
        std::string cell;
        if (absl::Status s = ReadCell(&cell); !s.ok()) return s;
        row.cells.push_back(std::move(cell));
        if (pos_ < text_.size() && text_[pos_] == delimiter_) {
          ++pos_;
          continue;
        }
        break;  // at a line break or the end
      }
      if (pos_ < text_.size()) SkipLineBreak();
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  // Consumes "\r\n", "\n" or a lone "\r" (old Mac files) as one line end.
  void SkipLineBreak() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  // Leaves pos_ on the delimiter, line break or end after the cell.
  absl::Status ReadCell(std::string* cell) {
    const size_t start = pos_;
    const int start_line = line_;
    // Hand-written CSV often has a space after the comma: `a, "b, c"`.
    size_t p = pos_;
    while (p < text_.size() && text_[p] == ' ') ++p;
    if (p >= text_.size() || text_[p] != '"') {
      ReadPlain(cell);
      return absl::OkStatus();
    }
    pos_ = p;
    switch (ReadQuoted(cell)) {
      case Quoted::kOk:
        return absl::OkStatus();
      case Quoted::kNeverClosed:
        return absl::InvalidArgumentError(absl::StrCat(
            "line ", start_line,
            ": quoted cell is never closed (the \" that opens it has no matching \")"));
      case Quoted::kTextAfterQuote:
        break;
    }
    // TSV is not RFC 4180: a cell like `"Big Lunch" event` is plain text.
    if (format_ == Format::kTsv) {
      pos_ = start;
      line_ = start_line;
      ReadPlain(cell);
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "line ", line_,
        ": text after the closing quote of a cell (a quote inside a quoted cell must be "
        "doubled: \"\")"));
  }

  void ReadPlain(std::string* cell) {
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) ++pos_;
    cell->assign(text_.data() + start, pos_ - start);
  }

  enum class Quoted { kOk, kNeverClosed, kTextAfterQuote };

  // pos_ is on the opening quote.
  Quoted ReadQuoted(std::string* cell) {
    cell->clear();
    ++pos_;
    while (true) {
      if (pos_ >= text_.size()) return Quoted::kNeverClosed;
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          cell->push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      // Kept as written; only the line count needs to know.
      if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
        ++line_;
      }
      cell->push_back(c);
      ++pos_;
    }
    // Spaces may follow the closing quote; anything else is malformed.
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) {
      return Quoted::kTextAfterQuote;
    }
    return Quoted::kOk;
  }

  absl::string_view text_;
  Format format_;
  char delimiter_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool NeedsQuotes(const std::string& cell, Format format) {
  const char delimiter = format == Format::kCsv ? ',' : '\t';
  for (char c : cell) {
    if (c == delimiter || IsLineBreak(c)) return true;
    if (format == Format::kCsv && c == '"') return true;
  }
  // The reader takes a quote after leading spaces as an opening quote.
  size_t p = 0;
  while (p < cell.size() && cell[p] == ' ') ++p;
  return p < cell.size() && cell[p] == '"';
}

void AppendQuoted(const std::string& cell, std::string* out) {
  out->push_back('"');
  for (char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

absl::string_view FormatName(Format format) { return format == Format::kCsv ? "CSV" : "TSV"; }

Format DetectFormat(absl::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find_first_of("\r\n", begin);
    if (end == absl::string_view::npos) end = text.size();
    const absl::string_view line = text.substr(begin, end - begin);
    // A header name may hold a comma ("Task, action") but never a tab.
    if (absl::StrContains(line, '\t')) return Format::kTsv;
    if (absl::StrContains(line, ',')) return Format::kCsv;
    begin = end + 1;
  }
  return Format::kCsv;
}

absl::StatusOr<std::vector<TableRow>> ParseTable(absl::string_view text, Format format) {
  if (absl::StartsWith(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  return TableReader(text, format).ReadAll();
}

absl::StatusOr<std::vector<TableRow>> ParseTable(absl::string_view text) {
  return ParseTable(text, DetectFormat(text));
}

std::string WriteTable(const std::vector<std::vector<std::string>>& rows, Format format) {
  const char delimiter = format == Format::kCsv ? ',' : '\t';
  std::string out;
  for (const std::vector<std::string>& row : rows) {
    if (row.size() == 1 && row[0].empty()) {
      out += "\"\"\n";  // an empty line would read back as no row at all
      continue;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(delimiter);
      if (NeedsQuotes(row[i], format)) {
        AppendQuoted(row[i], &out);
      } else {
        out += row[i];
      }
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace wp::workstreams
