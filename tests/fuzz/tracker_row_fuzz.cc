// Fuzzes reading a whole tracker file (ParseTracker: header search, every
// cell rule, per-row rejections), the text a client uploads to ImportTracker.
// Checks the contract tracker_row.h states: every data row is imported or
// rejected, imported rows hold only valid UTF-8, and they export
// (WriteTracker) to a file that imports to the same rows, lines aside.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "services/workstreams/tracker_row.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::table::Format;
using wp::workstreams::TrackerFile;
using wp::workstreams::TrackerRow;

void CheckText(const TrackerRow& row) {
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.ref) && wp::fuzz::IsValidUtf8(row.task));
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.lead) && wp::fuzz::IsValidUtf8(row.superseded_by));
  for (const wp::workstreams::DatedNote& note : row.notes) {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(note.text));
  }
}

void CheckRoundTrip(const TrackerFile& file) {
  for (Format format : {Format::kCsv, Format::kTsv}) {
    const std::string written = wp::workstreams::WriteTracker(file.rows, format);
    absl::StatusOr<TrackerFile> again = wp::workstreams::ParseTracker(written, format);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->rejections.empty());
    FUZZ_CHECK(again->rows.size() == file.rows.size());
    for (size_t i = 0; i < file.rows.size(); ++i) {
      TrackerRow row = again->rows[i];
      row.line = file.rows[i].line;
      FUZZ_CHECK(row == file.rows[i]);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<TrackerFile> file = wp::workstreams::ParseTracker(text);
  if (!file.ok()) return 0;
  FUZZ_CHECK(file->header_line >= 1);
  absl::StatusOr<wp::workstreams::TrackerReader> reader =
      wp::workstreams::TrackerReader::Open(text, file->format);
  FUZZ_CHECK(reader.ok());
  FUZZ_CHECK(static_cast<size_t>(reader->data_rows()) == file->rows.size() + file->rejections.size());
  for (const TrackerRow& row : file->rows) CheckText(row);
  CheckRoundTrip(*file);
  return 0;
}
