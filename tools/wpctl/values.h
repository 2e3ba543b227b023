// Option values as people type them, turned into API values: plan-item
// statuses ("on_track", "ON_TRACK", "on-track", "on track"), table formats,
// dates, counts and amounts of money. Every failure is a usage error naming the option.
// Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_VALUES_H_
#define WP_TOOLS_WPCTL_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "tools/wpctl/args.h"
#include "wp/common/v1/date.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

// Case, '-', '_' and spaces do not matter; UNSPECIFIED is never accepted.
absl::StatusOr<v1::PlanItemStatus> ParseStatus(absl::string_view text);
// Comma-separated statuses, duplicates dropped, order kept; empty entries rejected.
absl::StatusOr<std::vector<v1::PlanItemStatus>> ParseStatusList(absl::string_view text);
// "not started", "on track", "complete", "superseded" (and "unspecified").
std::string StatusWord(v1::PlanItemStatus status);

// "csv" or "tsv", any case.
absl::StatusOr<v1::TableFormat> ParseTableFormat(absl::string_view text);

// A date as people type it: ISO "2026-12-03", UK "03/12/2026" or "3/12/2026"
// (day first), "today", "yesterday", "tomorrow", or relative to today
// "+14d", "-4w", "+2m" (days, weeks, months; a month step keeps the day or
// ends on the month's last day). With `allow_month_only` also a month (day
// 0): "2026-12", "Dec 2026", "December 2026". `today` is the day the words
// are relative to (UTC in wpctl; injected by tests).
absl::StatusOr<common::v1::Date> ParseDate(absl::string_view text, bool allow_month_only,
                                           absl::CivilDay today);
// The same, relative to today in UTC.
absl::StatusOr<common::v1::Date> ParseDate(absl::string_view text, bool allow_month_only);
// The forms ParseDate accepts, for help and error texts.
std::string DateForms(bool allow_month_only);

// A whole number in min..max.
absl::StatusOr<int> ParseInt(absl::string_view text, int min, int max);

// A non-negative amount of money in pounds, as pence: "1234", "1234.5",
// "1,234.50", "£1,234.50" (services/governance/core/money.h does the reading).
absl::StatusOr<int64_t> ParseAmount(absl::string_view text);

// The same parsers applied to an optional option of `args`; nullopt (or
// UNSPECIFIED / empty) when the option was not given. Errors name the option.
absl::StatusOr<std::optional<common::v1::Date>> DateOption(const Args& args, absl::string_view name,
                                                           bool allow_month_only);
absl::StatusOr<std::optional<int>> IntOption(const Args& args, absl::string_view name, int min,
                                             int max);
absl::StatusOr<std::optional<int64_t>> AmountOption(const Args& args, absl::string_view name);
// An authority by code or name (governance_names.h AuthorityCode), as its code.
absl::StatusOr<std::optional<std::string>> AuthorityOption(const Args& args, absl::string_view name);
// Comma-separated authorities, as codes; empty when the option was not given.
absl::StatusOr<std::vector<std::string>> AuthorityListOption(const Args& args, absl::string_view name);
absl::StatusOr<v1::TableFormat> TableFormatOption(const Args& args, absl::string_view name);
absl::StatusOr<std::vector<v1::PlanItemStatus>> StatusListOption(const Args& args,
                                                                 absl::string_view name);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_VALUES_H_
