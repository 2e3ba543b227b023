#include "libs/table/chunked_table_reader.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace wp::table {

ChunkedTableReader::ChunkedTableReader(Format format) : format_(format) {}

void ChunkedTableReader::Feed(absl::string_view chunk) {
  // Rows already returned are dropped, so only the unfinished row is carried.
  carried_.erase(0, consumed_);
  consumed_ = 0;
  carried_.append(chunk.data(), chunk.size());
}

void ChunkedTableReader::Finish() { finished_ = true; }

// The first chunk may hold only part of a byte order mark.
bool ChunkedTableReader::AwaitingByteOrderMark() const {
  return !finished_ && carried_.size() < kUtf8Bom.size() && absl::StartsWith(kUtf8Bom, carried_);
}

absl::Status ChunkedTableReader::TooLongRow() const {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", line_, ": the row is still not finished after ", kMaxRowTextBytes,
                   " bytes (the limit per row; is a quoted cell never closed?)"));
}

absl::StatusOr<bool> ChunkedTableReader::Next(TableRow* row) {
  if (failed_) return false;
  if (!start_checked_) {
    if (AwaitingByteOrderMark()) return false;
    if (absl::StartsWith(carried_, kUtf8Bom)) consumed_ = kUtf8Bom.size();
    start_checked_ = true;
  }
  const absl::string_view unread = absl::string_view(carried_).substr(consumed_);
  if (!finished_ && unread.size() < retry_at_) return false;
  TableReader reader(unread, format_, {line_, /*more_text_follows=*/!finished_});
  absl::StatusOr<bool> more = reader.Next(row);
  if (!more.ok()) {
    failed_ = true;
    return more.status();
  }
  consumed_ += reader.consumed();
  line_ = reader.line();
  if (*more) {
    retry_at_ = 0;
    return true;
  }
  const size_t unfinished = unread.size() - reader.consumed();
  if (unfinished > kMaxRowTextBytes) {
    failed_ = true;
    return TooLongRow();
  }
  retry_at_ = std::min(2 * unfinished, kMaxRowTextBytes + 1);
  return false;
}

}  // namespace wp::table
