#include "libs/text/blank.h"
#include "services/governance/core/fields.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"

namespace wp::governance {

void CheckRequiredLine(absl::string_view text, const std::string& field, FieldViolations* v) {
  if (text::IsBlank(text)) {
    v->Add(field, "is required");
    return;
  }
  CheckOptionalLine(text, field, v);
}

void CheckOptionalLine(absl::string_view text, const std::string& field, FieldViolations* v) {
  if (text.find('\n') != absl::string_view::npos || text.size() > kMaxLineBytes) {
    v->Add(field, absl::StrCat("must be a single line of at most ", kMaxLineBytes, " bytes"));
  }
}

void CheckOptionalText(absl::string_view text, const std::string& field, FieldViolations* v) {
  if (text.size() > kMaxTextBytes) v->Add(field, absl::StrCat("must be at most ", kMaxTextBytes, " bytes"));
}

void CheckRequiredDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v) {
  if (!calendar::IsSet(date)) {
    v->Add(field, "is required");
    return;
  }
  CheckOptionalDay(date, field, v);
}

void CheckOptionalDay(const wp::common::v1::Date& date, const std::string& field, FieldViolations* v) {
  if (!calendar::IsSet(date)) return;
  AddViolationsOf(calendar::Validate(date, field, /*allow_month_only=*/false), v, field);
}

absl::StatusOr<std::set<std::string>> MaskPaths(const google::protobuf::FieldMask& mask,
                                                const std::vector<std::string>& allowed) {
  if (mask.paths().empty()) return std::set<std::string>(allowed.begin(), allowed.end());
  std::set<std::string> paths;
  for (const std::string& path : mask.paths()) {
    if (std::find(allowed.begin(), allowed.end(), path) == allowed.end()) {
      return InvalidField("update_mask", absl::StrCat("unknown path \"", path, "\"; the paths are ",
                                                      absl::StrJoin(allowed, ", ")));
    }
    paths.insert(path);
  }
  return paths;
}

std::optional<wp::common::v1::Date> DayFromText(absl::string_view text) {
  if (text.empty()) return std::nullopt;
  return calendar::FromIsoText(text);
}

store::Value DayValue(const wp::common::v1::Date& date) {
  if (!calendar::IsSet(date)) return store::Value();
  return calendar::ToIsoText(date);
}

std::string DayText(const wp::common::v1::Date& date) {
  return calendar::IsSet(date) ? calendar::ToIsoText(date) : "";
}

std::string TodayText() { return calendar::ToIsoText(calendar::TodayUtc()); }

std::string JoinLines(const std::vector<std::string>& lines) { return absl::StrJoin(lines, "\n"); }

std::vector<std::string> SplitLines(absl::string_view text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, '\n');
}

}  // namespace wp::governance
