#include "tools/wpctl/values.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "services/governance/core/money.h"

namespace wp::wpctl {
namespace {

// Lower case with '-' and ' ' folded to '_', so every spelling meets one key.
std::string StatusKey(absl::string_view text) {
  std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  std::replace(key.begin(), key.end(), '-', '_');
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

// Prefixes a value error with the option it came from.
absl::Status ForOption(absl::string_view name, const absl::Status& status) {
  return UsageError(absl::StrCat("--", name, ": ", status.message()));
}

}  // namespace

absl::StatusOr<v1::PlanItemStatus> ParseStatus(absl::string_view text) {
  const std::string key = StatusKey(text);
  if (key == "not_started") return v1::NOT_STARTED;
  if (key == "on_track") return v1::ON_TRACK;
  if (key == "complete") return v1::COMPLETE;
  if (key == "superseded") return v1::SUPERSEDED;
  return UsageError(absl::StrCat("unknown status \"", text,
                                 "\" (use not_started, on_track, complete or superseded)"));
}

absl::StatusOr<std::vector<v1::PlanItemStatus>> ParseStatusList(absl::string_view text) {
  std::vector<v1::PlanItemStatus> statuses;
  for (absl::string_view part : absl::StrSplit(text, ',')) {
    if (absl::StripAsciiWhitespace(part).empty()) {
      return UsageError(absl::StrCat("empty status in \"", text, "\""));
    }
    absl::StatusOr<v1::PlanItemStatus> status = ParseStatus(part);
    if (!status.ok()) return status.status();
    if (std::find(statuses.begin(), statuses.end(), *status) == statuses.end()) {
      statuses.push_back(*status);
    }
  }
  return statuses;
}

std::string StatusWord(v1::PlanItemStatus status) {
  switch (status) {
    case v1::NOT_STARTED: return "not started";
    case v1::ON_TRACK: return "on track";
    case v1::COMPLETE: return "complete";
    case v1::SUPERSEDED: return "superseded";
    default: return "unspecified";
  }
}

absl::StatusOr<v1::TableFormat> ParseTableFormat(absl::string_view text) {
  const std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (key == "csv") return v1::CSV;
  if (key == "tsv") return v1::TSV;
  return UsageError(absl::StrCat("unknown format \"", text, "\" (use csv or tsv)"));
}

absl::StatusOr<common::v1::Date> ParseDate(absl::string_view text, bool allow_month_only) {
  const absl::string_view want = allow_month_only ? "YYYY-MM-DD or YYYY-MM" : "YYYY-MM-DD";
  std::optional<common::v1::Date> date;
  if (allow_month_only && text.size() == 7) {
    date = calendar::FromIsoText(absl::StrCat(text, "-00"));
  } else if (text.size() == 10 && text.substr(8) != "00") {
    date = calendar::FromIsoText(text);
  }
  // FromIsoText only checks the shape; Validate rejects 2019-02-30 and friends.
  if (!date.has_value() || !calendar::Validate(*date, "date", allow_month_only).ok()) {
    return UsageError(absl::StrCat("\"", text, "\" is not a date (want ", want, ")"));
  }
  return *date;
}

absl::StatusOr<int> ParseInt(absl::string_view text, int min, int max) {
  int value = 0;
  if (!absl::SimpleAtoi(text, &value) || value < min || value > max) {
    return UsageError(absl::StrCat("\"", text, "\" is not a whole number in ", min, "..", max));
  }
  return value;
}

absl::StatusOr<int64_t> ParseAmount(absl::string_view text) {
  absl::StatusOr<governance::Pence> pence = governance::ParsePounds(text);
  if (pence.ok()) return pence->value();
  // The parser's own words say what is wrong ("has misplaced commas; ...").
  std::vector<FieldViolation> why = FieldViolationsOf(pence.status());
  return UsageError(absl::StrCat(
      "\"", text, "\" ", why.empty() ? std::string(pence.status().message()) : why.front().description,
      " (write pounds such as 1234.50 or £1,234.50)"));
}

absl::StatusOr<std::optional<common::v1::Date>> DateOption(const Args& args, absl::string_view name,
                                                           bool allow_month_only) {
  if (!args.Has(name)) return std::optional<common::v1::Date>();
  absl::StatusOr<common::v1::Date> date = ParseDate(args.Get(name), allow_month_only);
  if (!date.ok()) return ForOption(name, date.status());
  return std::optional<common::v1::Date>(*date);
}

absl::StatusOr<std::optional<int>> IntOption(const Args& args, absl::string_view name, int min,
                                             int max) {
  if (!args.Has(name)) return std::optional<int>();
  absl::StatusOr<int> value = ParseInt(args.Get(name), min, max);
  if (!value.ok()) return ForOption(name, value.status());
  return std::optional<int>(*value);
}

absl::StatusOr<std::optional<int64_t>> AmountOption(const Args& args, absl::string_view name) {
  if (!args.Has(name)) return std::optional<int64_t>();
  absl::StatusOr<int64_t> pence = ParseAmount(args.Get(name));
  if (!pence.ok()) return ForOption(name, pence.status());
  return std::optional<int64_t>(*pence);
}

absl::StatusOr<v1::TableFormat> TableFormatOption(const Args& args, absl::string_view name) {
  if (!args.Has(name)) return v1::TABLE_FORMAT_UNSPECIFIED;
  absl::StatusOr<v1::TableFormat> format = ParseTableFormat(args.Get(name));
  if (!format.ok()) return ForOption(name, format.status());
  return *format;
}

absl::StatusOr<std::vector<v1::PlanItemStatus>> StatusListOption(const Args& args,
                                                                 absl::string_view name) {
  if (!args.Has(name)) return std::vector<v1::PlanItemStatus>();
  auto statuses = ParseStatusList(args.Get(name));
  if (!statuses.ok()) return ForOption(name, statuses.status());
  return statuses;
}

}  // namespace wp::wpctl
