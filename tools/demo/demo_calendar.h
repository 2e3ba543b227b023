// The calendar the demo is anchored to: the school session and the
// financial year holding the load day, named as governance names them, so
// the current plan, its budget and its dates move with the day the demo is
// loaded. Sessions follow libs/populations/school_session.h (August to
// June, July counting with the session that ends in it); financial years
// run April to March.
//
// Thread-safe: pure functions.
#ifndef WP_TOOLS_DEMO_DEMO_CALENDAR_H_
#define WP_TOOLS_DEMO_DEMO_CALENDAR_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace wp::demo {

// "2026-27" for any day from 1 August 2026 to 31 July 2027.
std::string CurrentSession(absl::CivilDay today);
// 1 August of the session's first year; "2026-27" -> 2026-08-01.
absl::CivilDay SessionStart(absl::string_view session);

// "2026-27" for any day from 1 April 2026 to 31 March 2027.
std::string FinancialYearOf(absl::CivilDay day);
// 1 April of the financial year's first year.
absl::CivilDay FinancialYearStart(absl::string_view financial_year);

// The later of two days (dates clamped to the start of a session or year).
inline absl::CivilDay NotBefore(absl::CivilDay day, absl::CivilDay earliest) {
  return day < earliest ? earliest : day;
}

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_DEMO_CALENDAR_H_
