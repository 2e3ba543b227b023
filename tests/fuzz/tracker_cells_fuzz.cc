// Fuzzes the tracker's cell rules one cell at a time, where the fuzzer finds
// paths faster than through a whole file: Ref, Expected Date (the date
// parsing of the workstreams service), Comments notes, and replacement refs.
// Checks that what parses formats back to text that parses the same.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/workstreams/tracker_row.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::workstreams::CalendarDate;
using wp::workstreams::DatedNote;
using wp::workstreams::PlanRef;

void CheckRef(absl::string_view cell) {
  absl::StatusOr<PlanRef> ref = wp::workstreams::ParseRef(cell);
  if (!ref.ok()) return;
  FUZZ_CHECK(ref->workstream >= 1 && ref->workstream <= wp::workstreams::kMaxWorkstreamNumber);
  FUZZ_CHECK(ref->task >= 1 && ref->task <= wp::workstreams::kMaxTaskNumber);
  absl::StatusOr<PlanRef> again = wp::workstreams::ParseRef(wp::workstreams::FormatRef(*ref));
  FUZZ_CHECK(again.ok() && again->workstream == ref->workstream && again->task == ref->task);
}

void CheckDate(absl::string_view cell) {
  absl::StatusOr<std::optional<CalendarDate>> date = wp::workstreams::ParseExpectedDate(cell);
  if (!date.ok() || !date->has_value()) return;
  const CalendarDate& d = **date;
  FUZZ_CHECK(d.year >= 2000 && d.year <= 2099);
  FUZZ_CHECK(wp::workstreams::IsValidDate(d));
  absl::StatusOr<std::optional<CalendarDate>> again =
      wp::workstreams::ParseExpectedDate(wp::workstreams::FormatDate(d));
  FUZZ_CHECK(again.ok() && again->has_value() && **again == d);
}

void CheckNotes(absl::string_view cell) {
  const std::vector<DatedNote> notes = wp::workstreams::ParseNotes(cell);
  for (const DatedNote& note : notes) {
    if (note.date.has_value()) FUZZ_CHECK(wp::workstreams::IsValidDate(*note.date));
  }
  (void)wp::workstreams::FormatNotes(notes);
  const std::string ref = wp::workstreams::FindReplacementRef(cell, "1.1");
  if (!ref.empty()) FUZZ_CHECK(ref != "1.1" && wp::workstreams::ParseRef(ref).ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view cell(reinterpret_cast<const char*>(data), size);
  CheckRef(cell);
  CheckDate(cell);
  CheckNotes(cell);
  return 0;
}
