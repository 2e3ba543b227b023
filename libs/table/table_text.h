// Spreadsheet text: CSV and TSV files as rows of cells, and back.
//
// Reading follows RFC 4180 and what spreadsheets really save: quoted cells,
// doubled quotes, line breaks inside quoted cells, CRLF or LF (or a lone CR)
// line ends, a UTF-8 byte order mark, blank lines. TSV is the same grammar
// with a tab as delimiter (Excel's "Unicode text" quotes cells that hold tabs,
// line breaks or a leading quote), except that a stray quote in a TSV cell is
// kept as text. Each row remembers the file line it starts on so errors can
// point at it. Writing quotes only when needed, and ParseTable(WriteTable(x))
// gives x back for both formats (see WriteTable). TableReader reads one row
// at a time, so memory follows the largest row rather than the file; a row
// past kMaxCellsPerRow or a cell past kMaxCellBytes is flagged, not stored
// whole; ChunkedTableReader (chunked_table_reader.h) reads the same grammar
// from a text that arrives in chunks. Thread-safe: pure functions; a
// TableReader is used by one thread.
#ifndef WP_LIBS_TABLE_TABLE_TEXT_H_
#define WP_LIBS_TABLE_TABLE_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::table {

enum class Format { kCsv, kTsv };

// "CSV" or "TSV", for messages.
absl::string_view FormatName(Format format);

// The UTF-8 byte order mark. Readers skip it; callers exporting for Excel may
// put it in front of WriteTable's output so accented names display right.
inline constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Limits on one row. The files read here have a dozen columns or fewer and
// Excel holds at most 32,767 characters in a cell (131,068 bytes of UTF-8 at
// worst), so real files stay far inside them, while a row of millions of
// empty cells, or one endless cell, cannot make a row cost more than about
// 100 x 128 KiB.
inline constexpr int kMaxCellsPerRow = 100;
inline constexpr size_t kMaxCellBytes = 128 * 1024;

struct TableRow {
  int line = 0;  // 1-based line of the file where the row starts
  std::vector<std::string> cells;
  // Empty, or what limit the row broke ("cell 3 is longer than ..."); then
  // `cells` holds only the first kMaxCellsPerRow cells, each cut at
  // kMaxCellBytes, and the row should be rejected rather than used.
  std::string over_limit;
};

// Reads rows one at a time; the text must outlive the reader.
class TableReader {
 public:
  // Skips a UTF-8 byte order mark.
  TableReader(absl::string_view text, Format format);

  // Where a piece of a longer text sits in it (ChunkedTableReader reads
  // uploads this way).
  struct Piece {
    int first_line = 1;              // the line the piece starts on
    bool more_text_follows = false;  // the piece is not the end of the text
  };
  // Reads `text` as that piece: no byte order mark is skipped (only a whole
  // text starts with one). When more text follows, a row whose end is not in
  // the piece (no line break after it yet, a quoted cell still open, or a CR
  // that may be half of a CRLF) is not returned: Next() gives false and
  // consumed() stays at the row's start, so the row can be read again once
  // the rest of it has arrived.
  TableReader(absl::string_view text, Format format, Piece piece);

  // The next row (lines with no characters are skipped): true with *row
  // set, false at the end of the text. INVALID_ARGUMENT "line N: ..." as
  // ParseTable; after an error the reader is at its end.
  absl::StatusOr<bool> Next(TableRow* row);

  // Bytes of the text (after a skipped byte order mark) taken by the rows
  // and blank lines read so far, and the line the next row would start on.
  size_t consumed() const { return pos_; }
  int line() const { return line_; }

 private:
  enum class Quoted { kOk, kNeverClosed, kTextAfterQuote };

  bool EndNotYetKnown() const;
  void SkipLineBreak();
  absl::Status ReadCell(std::string* cell);
  void ReadPlain(std::string* cell);
  Quoted ReadQuoted(std::string* cell);

  absl::string_view text_;
  Format format_;
  char delimiter_;
  bool more_text_follows_ = false;
  size_t pos_ = 0;
  int line_ = 1;
  bool cell_too_long_ = false;  // for the cell being read
};

// Guesses the format from the header: the first line holding a tab or a comma
// is TSV if it holds a tab, CSV otherwise (CSV when there is no such line).
Format DetectFormat(absl::string_view text);

// Splits `text` into rows. Lines with no characters at all are skipped (so
// trailing blank lines vanish); a row of empty cells (",,,") is kept.
// Cells inside quotes are returned exactly as written (a CRLF inside a quoted
// cell stays CRLF); unquoted cells keep their spaces.
// INVALID_ARGUMENT "line N: ..." for a quoted cell that is never closed, or,
// in CSV, text after a closing quote ("ab"cd). Rows over a limit come back
// with over_limit set (see TableRow).
absl::StatusOr<std::vector<TableRow>> ParseTable(absl::string_view text, Format format);
// Same, with the format from DetectFormat.
absl::StatusOr<std::vector<TableRow>> ParseTable(absl::string_view text);

// One line per row, ending "\n". A cell is quoted (with doubled inner quotes)
// when it holds the delimiter, a quote (CSV) or a leading quote (TSV), or a
// line break; a row that is one empty cell is written as "" so it is not
// mistaken for a blank line. So ParseTable(WriteTable(rows, f), f) returns
// the same cells for every row with at least one cell.
std::string WriteTable(const std::vector<std::vector<std::string>>& rows, Format format);

}  // namespace wp::table

#endif  // WP_LIBS_TABLE_TABLE_TEXT_H_
