#include "services/learning/catalogue/programme_rules.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"

namespace wp::learning {

bool IsWorkstreamName(absl::string_view name) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "planPeriods" || parts[2] != "workstreams") return false;
  if (parts[1].empty() || parts[1].size() > 20) return false;
  for (char c : parts[1]) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  int number = 0;
  // A number 1..99 written without a leading zero; an empty one is not a number.
  return !parts[3].empty() && parts[3].size() <= 2 && parts[3][0] != '0' &&
         absl::SimpleAtoi(parts[3], &number) && number >= 1 && number <= 99;
}

bool IsNetworkName(absl::string_view name) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  return parts.size() == 2 && parts[0] == "networks" && fields::IsValidId(parts[1]);
}

absl::Status CheckProgramme(const v1::Programme& programme, const std::string& prefix) {
  FieldViolations v;
  fields::CheckRequiredLine(programme.title(), prefix + "title", kMaxTitleBytes, &v);
  fields::CheckOptionalText(programme.description(), prefix + "description", kMaxDescriptionBytes, &v);
  if (programme.workstream().empty()) {
    v.Add(prefix + "workstream", "is required");
  } else if (!IsWorkstreamName(programme.workstream())) {
    v.Add(prefix + "workstream", "must be planPeriods/{period}/workstreams/{number}");
  }
  if (!programme.network().empty() && !IsNetworkName(programme.network())) {
    v.Add(prefix + "network", "must be networks/{id}");
  }
  if (programme.completion_min_events() < 0 || programme.completion_min_events() > kMaxCompletionEvents) {
    v.Add(prefix + "completion_min_events", absl::StrCat("must be 0 (no rule) to ", kMaxCompletionEvents));
  }
  return v.ToStatus();
}

}  // namespace wp::learning
