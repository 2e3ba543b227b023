// Learning (the learning service) as text: the figures of `learning stats`
// (totals, then each split with "<5" where suppressed), the event list
// of `learning events` and one practitioner's `learning attendance`. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_LEARNING_VIEWS_H_
#define WP_TOOLS_WPCTL_LEARNING_VIEWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "wp/learning/v1/practitioners.pb.h"
#include "wp/learning/v1/programmes.pb.h"
#include "wp/learning/v1/statistics.pb.h"

namespace wp::wpctl {

namespace learning = ::wp::learning::v1;

// "authority", "establishment", "role" (--by).
absl::StatusOr<learning::StatisticsSplit> ParseStatisticsSplit(absl::string_view text);

// The totals as labelled lines; with splits, a table of the main figures
// per key under them.
std::string StatisticsText(const learning::Statistics& statistics);
// One row per event: start, name, status, places taken / capacity, waiting, title.
std::string LearningEventsText(const std::vector<learning::LearningEvent>& events);
// One row per registration (start, event, programme, state, attended), then
// one per programme (places, attended, completed when), then the totals.
std::string PractitionerAttendanceText(const learning::PractitionerAttendance& attendance);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_LEARNING_VIEWS_H_
