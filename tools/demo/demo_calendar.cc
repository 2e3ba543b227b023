#include "tools/demo/demo_calendar.h"

#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "libs/populations/school_session.h"

namespace wp::demo {
namespace {

// The first year of "2026-27"; 0 when it does not start with one.
int64_t FirstYear(absl::string_view span) {
  int64_t year = 0;
  if (span.size() < 4 || !absl::SimpleAtoi(span.substr(0, 4), &year)) return 0;
  return year;
}

}  // namespace

std::string CurrentSession(absl::CivilDay today) { return populations::SchoolSessionOf(today); }

absl::CivilDay SessionStart(absl::string_view session) { return absl::CivilDay(FirstYear(session), 8, 1); }

std::string FinancialYearOf(absl::CivilDay day) {
  const int64_t first = day.month() >= 4 ? day.year() : day.year() - 1;
  return absl::StrFormat("%04d-%02d", first, (first + 1) % 100);
}

absl::CivilDay FinancialYearStart(absl::string_view financial_year) {
  return absl::CivilDay(FirstYear(financial_year), 4, 1);
}

}  // namespace wp::demo
