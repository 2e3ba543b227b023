#include "tools/wpctl/values.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/calendar/dates.h"
#include "libs/status/field_errors.h"
#include "services/governance/core/money.h"
#include "tools/wpctl/governance_names.h"

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

// "today", "yesterday", "tomorrow", "+14d", "-4w", "+2m", "14d": a day
// relative to `today`; nullopt for other text.
std::optional<absl::CivilDay> WordOrRelativeDay(absl::string_view key, absl::CivilDay today) {
  if (key == "today") return today;
  if (key == "yesterday") return today - 1;
  if (key == "tomorrow") return today + 1;
  if (key.size() < 2) return std::nullopt;
  int sign = 1;
  if (key[0] == '+' || key[0] == '-') {
    sign = key[0] == '-' ? -1 : 1;
    key.remove_prefix(1);
  }
  const char unit = key.back();
  key.remove_suffix(1);
  int count = 0;
  if (key.empty() || key.size() > 4 || !std::all_of(key.begin(), key.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(key, &count)) {
    return std::nullopt;
  }
  count *= sign;
  if (unit == 'd') return today + count;
  if (unit == 'w') return today + 7 * count;
  if (unit != 'm') return std::nullopt;
  // 31 January + 1 month is the last day of February, not 3 March.
  const absl::CivilMonth month = absl::CivilMonth(today) + count;
  const absl::CivilDay last = absl::CivilDay(month + 1) - 1;
  const absl::CivilDay same_day(month.year(), month.month(), today.day());
  // CivilDay normalises 31 February to 3 March; the month's last day is meant.
  return absl::CivilMonth(same_day) == month ? same_day : last;
}

// "03/12/2026" or "3/12/2026": day, month, four-digit year.
std::optional<common::v1::Date> UkDate(absl::string_view key) {
  std::vector<absl::string_view> parts = absl::StrSplit(key, '/');
  if (parts.size() != 3 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() ||
      parts[1].size() > 2 || parts[2].size() != 4) {
    return std::nullopt;
  }
  int numbers[3];
  for (int i = 0; i < 3; ++i) {
    if (!std::all_of(parts[i].begin(), parts[i].end(), absl::ascii_isdigit) ||
        !absl::SimpleAtoi(parts[i], &numbers[i])) {
      return std::nullopt;
    }
  }
  common::v1::Date date;
  date.set_day(numbers[0]);
  date.set_month(numbers[1]);
  date.set_year(numbers[2]);
  return date;
}

// "2026-12", "dec 2026", "december 2026" (lower case already): day 0.
std::optional<common::v1::Date> MonthDate(absl::string_view key) {
  if (key.size() == 7 && key[4] == '-') return calendar::FromIsoText(absl::StrCat(key, "-00"));
  std::vector<absl::string_view> parts = absl::StrSplit(key, ' ', absl::SkipEmpty());
  if (parts.size() != 2 || parts[1].size() != 4) return std::nullopt;
  static constexpr const char* kMonths[] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};
  int year = 0;
  if (!std::all_of(parts[1].begin(), parts[1].end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(parts[1], &year)) {
    return std::nullopt;
  }
  for (int m = 0; m < 12; ++m) {
    const absl::string_view name = kMonths[m];
    if (parts[0] == name || (parts[0].size() == 3 && absl::StartsWith(name, parts[0])) ||
        (parts[0] == "sept" && m == 8)) {
      common::v1::Date date;
      date.set_year(year);
      date.set_month(m + 1);
      return date;
    }
  }
  return std::nullopt;
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

std::string DateForms(bool allow_month_only) {
  return absl::StrCat("2026-12-03, 03/12/2026 (day first), today, yesterday, tomorrow, +14d, -4w, +2m",
                      allow_month_only ? ", or a month: 2026-12, Dec 2026, December 2026" : "");
}

absl::StatusOr<common::v1::Date> ParseDate(absl::string_view text, bool allow_month_only) {
  return ParseDate(text, allow_month_only, absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
}

absl::StatusOr<common::v1::Date> ParseDate(absl::string_view text, bool allow_month_only,
                                           absl::CivilDay today) {
  const std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  auto not_a_date = [&](absl::string_view why) {
    return UsageError(absl::StrCat("\"", text, "\" ", why, " (use ", DateForms(allow_month_only), ")"));
  };
  std::optional<common::v1::Date> date;
  bool month_only = false;
  if (std::optional<absl::CivilDay> day = WordOrRelativeDay(key, today)) {
    date = calendar::FromCivilDay(*day);
  } else if (std::optional<common::v1::Date> uk = UkDate(key)) {
    date = uk;
  } else if (std::optional<common::v1::Date> month = MonthDate(key)) {
    date = month;
    month_only = true;
  } else if (key.size() == 10 && key.substr(8) != "00") {
    date = calendar::FromIsoText(key);
  }
  if (!date.has_value()) return not_a_date("is not a date");
  if (month_only && !allow_month_only) return not_a_date("is a month; a day is needed here");
  // The shapes above only check digits; Validate rejects 2019-02-30 and friends.
  if (!calendar::Validate(*date, "date", month_only).ok()) return not_a_date("is not a real date");
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

absl::StatusOr<std::optional<std::string>> AuthorityOption(const Args& args, absl::string_view name) {
  if (!args.Has(name)) return std::optional<std::string>();
  absl::StatusOr<std::string> code = AuthorityCode(args.Get(name));
  if (!code.ok()) return ForOption(name, code.status());
  return std::optional<std::string>(*code);
}

absl::StatusOr<std::vector<std::string>> AuthorityListOption(const Args& args, absl::string_view name) {
  std::vector<std::string> codes;
  if (!args.Has(name)) return codes;
  for (absl::string_view part : absl::StrSplit(args.Get(name), ',', absl::SkipWhitespace())) {
    absl::StatusOr<std::string> code = AuthorityCode(part);
    if (!code.ok()) return ForOption(name, code.status());
    if (std::find(codes.begin(), codes.end(), *code) == codes.end()) codes.push_back(*code);
  }
  if (codes.empty()) return UsageError(absl::StrCat("--", name, " is empty"));
  return codes;
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
