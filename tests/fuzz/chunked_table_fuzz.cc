// Fuzzes ChunkedTableReader, which reads streamed uploads (the westos CSV
// export). The first bytes choose the format and where the text is cut;
// the rows, their lines and any error must be exactly what TableReader (the
// reader behind ParseTable) gives for the whole text, as
// chunked_table_reader.h promises.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "libs/table/chunked_table_reader.h"
#include "libs/table/table_text.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::table::ChunkedTableReader;
using wp::table::Format;
using wp::table::TableReader;
using wp::table::TableRow;

// Rows up to the first error, and the error, in one comparable text.
struct Outcome {
  std::vector<TableRow> rows;
  std::string error;
};

bool SameRows(const Outcome& a, const Outcome& b) {
  if (a.error != b.error || a.rows.size() != b.rows.size()) return false;
  for (size_t i = 0; i < a.rows.size(); ++i) {
    const TableRow& x = a.rows[i];
    const TableRow& y = b.rows[i];
    if (x.line != y.line || x.cells != y.cells || x.over_limit != y.over_limit) return false;
  }
  return true;
}

Outcome ReadWhole(absl::string_view text, Format format) {
  Outcome outcome;
  TableReader reader(text, format);
  TableRow row;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&row);
    if (!more.ok()) outcome.error = more.status().ToString();
    if (!more.ok() || !*more) return outcome;
    outcome.rows.push_back(row);
  }
}

// Takes the rows the reader has ready; false once it failed.
bool Drain(ChunkedTableReader& reader, Outcome* outcome) {
  TableRow row;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&row);
    if (!more.ok()) {
      outcome->error = more.status().ToString();
      return false;
    }
    if (!*more) return true;
    outcome->rows.push_back(row);
  }
}

Outcome ReadChunks(const std::vector<absl::string_view>& chunks, Format format) {
  Outcome outcome;
  ChunkedTableReader reader(format);
  for (absl::string_view chunk : chunks) {
    reader.Feed(chunk);
    if (!Drain(reader, &outcome)) return outcome;
  }
  reader.Finish();
  Drain(reader, &outcome);
  return outcome;
}

}  // namespace

// data[0]: bit 0 TSV, bits 1-3 how many chunk lengths follow (one byte
// each), bit 4 one-byte chunks instead. The rest is the text.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Format format = (data[0] & 1) != 0 ? Format::kTsv : Format::kCsv;
  const size_t lengths = (data[0] >> 1) & 7;
  const bool one_byte_chunks = (data[0] & 0x10) != 0;
  if (size < 1 + lengths) return 0;
  const absl::string_view text(reinterpret_cast<const char*>(data + 1 + lengths), size - 1 - lengths);

  std::vector<absl::string_view> chunks;
  size_t at = 0;
  if (one_byte_chunks) {
    for (; at < text.size(); ++at) chunks.push_back(text.substr(at, 1));
  } else {
    for (size_t i = 0; i < lengths && at < text.size(); ++i) {
      chunks.push_back(text.substr(at, data[1 + i]));
      at += chunks.back().size();
    }
  }
  chunks.push_back(text.substr(std::min(at, text.size())));

  FUZZ_CHECK(SameRows(ReadChunks(chunks, format), ReadWhole(text, format)));
  return 0;
}
