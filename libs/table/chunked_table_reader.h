// Reading CSV or TSV text that arrives in pieces (a streamed upload) without
// holding the whole file: rows come out as soon as their end has arrived.
//
// The grammar is TableReader's (table_text.h), run over the text carried so
// far: a row whose end is not in it yet (no line break after it, a quoted
// cell still open, a CR that may be half of a CRLF) waits for the next
// chunk. Whatever the chunk sizes, the rows, their lines and the errors are
// those ParseTable gives for the whole text, with one exception made so that
// memory stays bounded: a row still unfinished past kMaxRowTextBytes is an
// error here, where ParseTable would read it and flag it over_limit.
// Thread-compatible: one thread at a time.
#ifndef WP_LIBS_TABLE_CHUNKED_TABLE_READER_H_
#define WP_LIBS_TABLE_CHUNKED_TABLE_READER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/table/table_text.h"

namespace wp::table {

// The most text one unfinished row may hold while its end is awaited: room
// for every cell at its limit with every character a doubled quote.
inline constexpr size_t kMaxRowTextBytes = 2 * kMaxCellsPerRow * (kMaxCellBytes + 2);

class ChunkedTableReader {
 public:
  explicit ChunkedTableReader(Format format);

  // Appends the next piece of the text; any size, split anywhere (inside a
  // cell, a CRLF or the byte order mark).
  void Feed(absl::string_view chunk);
  // Says no more text will come: a row without a final line break is then
  // complete, and a quoted cell still open is an error.
  void Finish();

  // The next complete row: true with *row set; false when more text is
  // needed, or at the end after Finish() (*row is then unspecified).
  // INVALID_ARGUMENT "line N: ..." as ParseTable, or for a row that grows
  // past kMaxRowTextBytes unfinished; after an error the reader is at its end.
  absl::StatusOr<bool> Next(TableRow* row);

 private:
  bool AwaitingByteOrderMark() const;
  absl::Status TooLongRow() const;

  Format format_;
  std::string carried_;      // text not yet returned as rows
  size_t consumed_ = 0;      // bytes at the front of carried_ already read
  int line_ = 1;             // the line carried_[consumed_] is on
  bool finished_ = false;
  bool start_checked_ = false;  // the byte order mark, if any, is skipped
  bool failed_ = false;
  // An unfinished row is read again only once the carried text reaches this
  // size, doubling each time, so a long row fed in tiny chunks costs linear
  // rather than quadratic time.
  size_t retry_at_ = 0;
};

}  // namespace wp::table

#endif  // WP_LIBS_TABLE_CHUNKED_TABLE_READER_H_
