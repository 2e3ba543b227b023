// The SQL of the statistics: which events, practitioners and completions a
// request covers (its scope), and the counts per group of practitioners.
//
// Thread-safety: as the Transaction passed in; StatisticsScope is a value.
#ifndef WP_SERVICES_LEARNING_STATISTICS_STATISTICS_STORE_H_
#define WP_SERVICES_LEARNING_STATISTICS_STATISTICS_STORE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/store/database.h"
#include "services/learning/statistics/statistics_figures.h"
#include "wp/learning/v1/statistics.pb.h"

namespace wp::learning {

// A request made SQL: conditions over learning_events e and practitioners
// p, and over programme_completions c, each with its parameters.
struct StatisticsScope {
  std::string event_where;
  std::vector<store::Value> event_params;
  std::string practitioner_where;  // "" or " AND p.authority = ?"
  std::vector<store::Value> practitioner_params;
  // Completions: false for a single event (an event completes nothing).
  bool completions = true;
  std::string completion_where;
  std::vector<store::Value> completion_params;
  v1::StatisticsSplit split = v1::STATISTICS_SPLIT_UNSPECIFIED;
  // The authorities the figures cover, and the day whose school session
  // gives the population.
  std::vector<std::string> authorities;
  absl::CivilDay population_day;
};

// INVALID_ARGUMENT naming every bad field (more than one of event,
// programme and workstream; a malformed name; an unknown authority; a bad
// date; from after to). `today` stands in for an unset `to`.
absl::StatusOr<StatisticsScope> ScopeOf(const v1::GetStatisticsRequest& request, absl::CivilDay today);

// The counts of the whole scope (key "") or, with a split, per key (the
// authority code, the establishment, or the role's name). Totals over every
// practitioner are summed from the per-event figures (core/event_figures.h);
// a split or one authority's practitioners are counted from the rows.
absl::StatusOr<std::map<std::string, StatisticsCounts>> CountStatistics(store::Transaction& tx,
                                                                        const StatisticsScope& scope, bool split);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_STATISTICS_STORE_H_
