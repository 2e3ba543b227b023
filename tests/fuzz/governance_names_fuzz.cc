// Fuzzes the governance API's resource names (ParseName with every pattern,
// with and without wildcards) and the ids and sessions inside them, all taken
// from requests. The first byte picks the pattern and the wildcard flag.
// Checks that the parts of an accepted name put back into the pattern give
// the name again, and that derived ids and sessions are themselves valid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/governance/core/names.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

namespace gov = wp::governance;

constexpr gov::NamePattern kPatterns[] = {
    gov::kAuthorityPattern,  gov::kPopulationPattern,  gov::kPersonPattern,
    gov::kBodyPattern,       gov::kMembershipPattern,  gov::kMeetingPattern,
    gov::kDecisionPattern,   gov::kActionPattern,      gov::kPlanPattern,
    gov::kAmendmentPattern,  gov::kSponsorshipPattern, gov::kBudgetLinePattern,
    gov::kMovementPattern,   gov::kReallocationPattern,
};
constexpr size_t kPatternCount = sizeof(kPatterns) / sizeof(kPatterns[0]);

void CheckName(absl::string_view name, const gov::NamePattern& pattern, bool wildcards) {
  absl::StatusOr<std::vector<std::string>> parts = gov::ParseName(name, pattern, "name", wildcards);
  if (!parts.ok()) return;
  std::vector<std::string> segments = absl::StrSplit(pattern.pattern, '/');
  size_t next = 0;
  for (std::string& segment : segments) {
    if (segment.empty() || segment.front() != '{') continue;
    FUZZ_CHECK(next < parts->size());
    const std::string& part = (*parts)[next++];
    if (segment == "{n}") FUZZ_CHECK(gov::NumberPart(part) >= (part == gov::kWildcard ? 0 : 1));
    if (part == gov::kWildcard) FUZZ_CHECK(wildcards);
    segment = part;
  }
  FUZZ_CHECK(next == parts->size());
  FUZZ_CHECK(absl::StrJoin(segments, "/") == name);
}

void CheckIdsAndSessions(absl::string_view text) {
  const std::string id = gov::IdFromDisplayName(text);
  FUZZ_CHECK(id.empty() || gov::IsValidId(id));
  if (gov::IsValidSession(text)) FUZZ_CHECK(gov::IsValidSessionSpan(text));
  if (gov::IsValidSessionSpan(text)) {
    const std::string first = gov::FirstSessionOf(text);
    const std::string last = gov::LastSessionOf(text);
    FUZZ_CHECK(gov::IsValidSession(first) && gov::IsValidSession(last));
    FUZZ_CHECK(first.substr(0, 4) == text.substr(0, 4));
    FUZZ_CHECK(last.substr(5, 2) == text.substr(5, 2));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const gov::NamePattern& pattern = kPatterns[(data[0] >> 1) % kPatternCount];
  const bool wildcards = (data[0] & 1) != 0;
  const absl::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  CheckName(text, pattern, wildcards);
  CheckIdsAndSessions(text);
  return 0;
}
