#include "tools/wpctl/names.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

// A short name is a path segment: it must not smuggle in another level.
bool IsSegment(absl::string_view text) {
  return !text.empty() && !absl::StrContains(text, '/') && text != "." && text != "..";
}

absl::StatusOr<std::string> InPeriod(absl::string_view text, absl::string_view period,
                                     absl::string_view collection, absl::string_view example) {
  if (absl::StartsWith(text, "planPeriods/")) return std::string(text);
  if (!IsSegment(text)) {
    return UsageError(absl::StrCat("\"", text, "\" is not a name like planPeriods/2018-21/",
                                   collection, "/", example));
  }
  if (period.empty()) {
    return UsageError(absl::StrCat("give the full name (planPeriods/P/", collection, "/", text,
                                   ") or --period P"));
  }
  if (!IsSegment(period)) return UsageError(absl::StrCat("--period \"", period, "\" is not a period"));
  return absl::StrCat("planPeriods/", period, "/", collection, "/", text);
}

}  // namespace

absl::StatusOr<std::string> WorkstreamName(absl::string_view text, absl::string_view period) {
  return InPeriod(text, period, "workstreams", "3");
}

absl::StatusOr<std::string> PlanItemName(absl::string_view text, absl::string_view period) {
  return InPeriod(text, period, "planItems", "3.1");
}

absl::StatusOr<std::string> ProjectName(absl::string_view text, absl::string_view period) {
  return InPeriod(text, period, "projects", "executive-coaching");
}

absl::StatusOr<std::string> NetworkName(absl::string_view text) {
  if (absl::StartsWith(text, "networks/")) return std::string(text);
  if (!IsSegment(text)) {
    return UsageError(absl::StrCat("\"", text, "\" is not a name like networks/maths-leads"));
  }
  return absl::StrCat("networks/", text);
}

}  // namespace wp::wpctl
