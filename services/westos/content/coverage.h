// Whether a coverage target is met, pure: counts the matching items by the
// status each had reached on the report's day (from the dates they reached
// each status, so a past day gives the report as it stood then) and decides
// the target's state:
//   MET       min_published items published, the last needed on or before
//             the deadline (the deadline day itself still counts);
//   LATE      the deadline has passed (as_of > deadline) without that, or
//             the target was met only after the deadline: a late target
//             stays LATE once met, with met_date saying when, so that the
//             report keeps the record of missed deadlines;
//   AT_RISK   not met, deadline not passed and at most at_risk_days away,
//             and fewer items uploaded or published than the target needs
//             (for a target of one item: nothing uploaded or published);
//   ON_TRACK  otherwise.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WESTOS_CONTENT_COVERAGE_H_
#define WP_SERVICES_WESTOS_CONTENT_COVERAGE_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

inline constexpr int kDefaultAtRiskDays = 28;
inline constexpr int kMaxAtRiskDays = 366;

// What coverage needs of a catalogued item; dates as ISO text, "" for none.
struct CoverageItem {
  std::string subject;
  std::string level;
  int sector = 0;
  std::string commissioned_date;
  std::string uploaded_date;
  std::string published_date;
};

// The target's coverage on `as_of` among `items` (any subjects; those the
// target does not ask for are skipped).
v1::TargetCoverage AssessTarget(const v1::CoverageTarget& target, const std::vector<CoverageItem>& items,
                                absl::CivilDay as_of, int at_risk_days);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_COVERAGE_H_
