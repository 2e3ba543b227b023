// Fuzzes the westos CSV export reader (UsageCsvReader), which reads whatever
// file a content platform uploads. Checks what usage_csv.h promises: every
// data row is an event or a rejection with a reason; every event passes
// ValidateUsageEvent and carries the id the row reports; every text handed
// back is valid UTF-8; and the rows do not depend on how the upload was cut
// into chunks (the first byte chooses a chunk size).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/westos/usage/usage_csv.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

using wp::westos::UsageCsvReader;
using wp::westos::UsageCsvRow;
using wp::westos::UsageEvent;

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 12, 0, 0), absl::UTCTimeZone());

void CheckRow(const UsageCsvRow& row, int previous_line) {
  FUZZ_CHECK(row.line > previous_line);
  FUZZ_CHECK(wp::fuzz::IsValidUtf8(row.event_id) && row.event_id.size() <= wp::westos::kMaxIdBytes);
  if (!row.event.has_value()) {
    FUZZ_CHECK(!row.error.empty() && wp::fuzz::IsValidUtf8(row.error));
    return;
  }
  const UsageEvent& e = *row.event;
  FUZZ_CHECK(row.error.empty());
  FUZZ_CHECK(wp::westos::ValidateUsageEvent(e, kNow).ok());
  FUZZ_CHECK(e.event_id == row.event_id);
  for (const std::string* text : {&e.event_id, &e.user_id, &e.authority, &e.establishment, &e.content_id}) {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(*text));
  }
  (void)wp::westos::UsageEventDigest(e);
}

// Every row, the file error and the ignored columns, in one comparable text.
std::string ReadAll(absl::string_view text, size_t chunk) {
  UsageCsvReader reader(kNow);
  std::string out;
  int line = 0;
  auto drain = [&]() {
    UsageCsvRow row;
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&row);
      if (!more.ok()) {
        FUZZ_CHECK(wp::fuzz::IsValidUtf8(more.status().message()));
        absl::StrAppend(&out, "error ", more.status().ToString(), "\n");
        return false;
      }
      if (!*more) return true;
      CheckRow(row, line);
      line = row.line;
      absl::StrAppend(&out, row.line, " ", row.event_id, " ", row.error, " ",
                      row.event.has_value() ? wp::westos::UsageEventDigest(*row.event) : 0, "\n");
    }
  };
  bool ok = true;
  for (size_t at = 0; ok && at < text.size(); at += chunk) {
    reader.Feed(text.substr(at, chunk));
    ok = drain();
  }
  if (ok) {
    reader.Finish();
    drain();
  }
  for (const std::string& column : reader.ignored_columns()) {
    FUZZ_CHECK(wp::fuzz::IsValidUtf8(column));
    absl::StrAppend(&out, "ignored ", column, "\n");
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0] % 16;
  const absl::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  FUZZ_CHECK(ReadAll(text, chunk) == ReadAll(text, text.size() + 1));
  return 0;
}
