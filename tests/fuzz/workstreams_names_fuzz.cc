// Fuzzes the workstreams API's resource names and refs, taken from requests:
// ParsePlanItemName, ParseWorkstreamName, ParsePlanRef, IsValidPlanPeriod.
// Checks that accepted names format back (PlanItemName, WorkstreamName) to
// the same text, so one resource never has two names.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/workstreams/plan_item_rules.h"
#include "tests/fuzz/fuzz_checks.h"

namespace ws = wp::workstreams;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);

  std::string period;
  std::string ref;
  if (ws::ParsePlanItemName(text, "name", &period, &ref).ok()) {
    FUZZ_CHECK(ws::IsValidPlanPeriod(period) && ws::ParsePlanRef(ref).has_value());
    FUZZ_CHECK(ws::PlanItemName(period, ref) == text);
  }
  int number = 0;
  if (ws::ParseWorkstreamName(text, "name", &period, &number).ok()) {
    FUZZ_CHECK(ws::IsValidPlanPeriod(period));
    FUZZ_CHECK(number >= 1 && number <= ws::kMaxWorkstreamNumber);
    FUZZ_CHECK(ws::WorkstreamName(period, number) == text);
  }
  if (const std::optional<ws::PlanRef> plan_ref = ws::ParsePlanRef(text)) {
    FUZZ_CHECK(absl::StrCat(plan_ref->workstream, ".", plan_ref->task) == text);
  }
  (void)ws::IsValidPlanPeriod(text);
  return 0;
}
