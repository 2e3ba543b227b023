// The sustainability of a specialist network or forum as of a day: enough
// coordinators, steady meetings and a current action plan, the risks the
// region's external evaluation named. A pure rule over the network as stored
// and the days of its meetings.
//
//   LAPSING  fewer than 4 of the 8 authorities have a current coordinator,
//            or no meeting in the last 12 months (once established 12 months);
//   AT_RISK  fewer than 6 of 8 covered; fewer meetings in the last 12 months
//            than expected; the action plan not current (not set, or last
//            set over 12 months ago); or the terms ending within the warning
//            window would leave fewer than 6 covered;
//   HEALTHY  otherwise.
//
// "The last 12 months" is the year ending on the day judged, that day
// included. A network established less than 12 months ago is expected to
// have held its yearly cadence's share of meetings since then (rounded down).
//
// Thread-safety: SustainabilityRule is a value; Evaluate is a pure function.
#ifndef WP_SERVICES_WORKSTREAMS_NETWORKS_SUSTAINABILITY_H_
#define WP_SERVICES_WORKSTREAMS_NETWORKS_SUSTAINABILITY_H_

#include <vector>

#include "absl/time/civil_time.h"
#include "wp/workstreams/v1/networks.pb.h"

namespace wp::workstreams {

inline constexpr int kDefaultTermWarningDays = 90;
inline constexpr int kDefaultMeetingsPerYear = 3;
inline constexpr int kLapsingBelowCovered = 4;
inline constexpr int kAtRiskBelowCovered = 6;

// A coordinator is current on `day` when its term covers that day: started
// (or no start date) and not ended (or open-ended; the end day included).
bool IsCurrentCoordinator(const v1::Coordinator& coordinator, absl::CivilDay day);

// The first day of the 12 months that end on `day`.
absl::CivilDay TwelveMonthsStart(absl::CivilDay day);

struct SustainabilityRule {
  int term_warning_days = kDefaultTermWarningDays;

  // `network` as stored: coordinators with their terms, priorities,
  // expected_meetings_per_year, action_plan_set_date and established_date
  // (both set by the store). `meeting_days` are the days of its meetings.
  v1::NetworkSustainability Evaluate(const v1::Network& network,
                                     const std::vector<absl::CivilDay>& meeting_days,
                                     absl::CivilDay as_of) const;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_NETWORKS_SUSTAINABILITY_H_
