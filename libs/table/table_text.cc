#include "libs/table/table_text.h"

#include <cstddef>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"

namespace wp::table {
namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

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

TableReader::TableReader(absl::string_view text, Format format)
    : text_(absl::StartsWith(text, kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text),
      format_(format),
      delimiter_(format == Format::kCsv ? ',' : '\t') {}

TableReader::TableReader(absl::string_view text, Format format, Piece piece)
    : text_(text),
      format_(format),
      delimiter_(format == Format::kCsv ? ',' : '\t'),
      more_text_follows_(piece.more_text_follows),
      line_(piece.first_line) {}

// At the end of a piece, or on a CR ending it: what comes next decides
// whether a row (or a CRLF) is complete.
bool TableReader::EndNotYetKnown() const {
  if (!more_text_follows_) return false;
  return pos_ >= text_.size() || (text_[pos_] == '\r' && pos_ + 1 == text_.size());
}

absl::StatusOr<bool> TableReader::Next(TableRow* row) {
  // A line with no characters is not a row: spreadsheets leave them at the
  // end, people leave them between blocks.
  while (pos_ < text_.size() && IsLineBreak(text_[pos_]) && !EndNotYetKnown()) SkipLineBreak();
  if (pos_ >= text_.size() || EndNotYetKnown()) return false;
  const size_t row_start = pos_;
  const int row_line = line_;
  row->line = line_;
  row->cells.clear();
  row->over_limit.clear();
  int count = 0;
  std::string extra;  // cells past the limit are read, to find the row's end, then dropped
  while (true) {
    ++count;
    const bool keep = count <= kMaxCellsPerRow;
    std::string* cell = keep ? &row->cells.emplace_back() : &extra;
    cell_too_long_ = false;
    if (absl::Status s = ReadCell(cell); !s.ok()) {
      pos_ = text_.size();
      return s;
    }
    if (cell_too_long_ && row->over_limit.empty()) {
      row->over_limit = absl::StrCat("cell ", count, " is longer than ", kMaxCellBytes,
                                     " bytes (the limit per cell)");
    }
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    break;  // at a line break or the end
  }
  if (EndNotYetKnown()) {
    // The rest of the row may be in the next piece: read it again then.
    pos_ = row_start;
    line_ = row_line;
    return false;
  }
  if (count > kMaxCellsPerRow) {
    row->over_limit = absl::StrCat("the row has ", count, " cells, more than ", kMaxCellsPerRow,
                                   " (the limit per row)");
  }
  if (pos_ < text_.size()) SkipLineBreak();
  return true;
}

// Consumes "\r\n", "\n" or a lone "\r" (old Mac files) as one line end.
void TableReader::SkipLineBreak() {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

// Leaves pos_ on the delimiter, line break or end after the cell.
absl::Status TableReader::ReadCell(std::string* cell) {
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
      // Its closing quote may be in the next piece; Next() sees the end.
      if (more_text_follows_) return absl::OkStatus();
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
    cell_too_long_ = false;
    ReadPlain(cell);
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "line ", line_,
      ": text after the closing quote of a cell (a quote inside a quoted cell must be "
      "doubled: \"\")"));
}

void TableReader::ReadPlain(std::string* cell) {
  const size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) ++pos_;
  size_t length = pos_ - start;
  if (length > kMaxCellBytes) {
    cell_too_long_ = true;
    length = kMaxCellBytes;
  }
  cell->assign(text_.data() + start, length);
}

// pos_ is on the opening quote.
TableReader::Quoted TableReader::ReadQuoted(std::string* cell) {
  cell->clear();
  ++pos_;
  auto append = [&](char c) {
    if (cell->size() < kMaxCellBytes) {
      cell->push_back(c);
    } else {
      cell_too_long_ = true;
    }
  };
  while (true) {
    if (pos_ >= text_.size()) return Quoted::kNeverClosed;
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        append('"');
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
    append(c);
    ++pos_;
  }
  // Spaces may follow the closing quote; anything else is malformed.
  while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  if (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) {
    return Quoted::kTextAfterQuote;
  }
  return Quoted::kOk;
}

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
  TableReader reader(text, format);
  std::vector<TableRow> rows;
  TableRow row;
  while (true) {
    WP_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) return rows;
    rows.push_back(std::move(row));
  }
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
      // A leading BOM is taken as the file's own and skipped: quote it so it stays.
      const bool leading_bom = out.empty() && absl::StartsWith(row[i], kUtf8Bom);
      if (leading_bom || NeedsQuotes(row[i], format)) {
        AppendQuoted(row[i], &out);
      } else {
        out += row[i];
      }
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace wp::table
