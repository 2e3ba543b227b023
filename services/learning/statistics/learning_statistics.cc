#include "services/learning/statistics/learning_statistics.h"

#include <map>
#include <string>

#include "libs/populations/population_store.h"
#include "libs/populations/school_session.h"
#include "libs/status/status_macros.h"
#include "services/learning/statistics/statistics_store.h"

namespace wp::learning {

absl::StatusOr<v1::Statistics> LearningStatistics::Get(const v1::GetStatisticsRequest& request, absl::CivilDay today) {
  WP_ASSIGN_OR_RETURN(StatisticsScope scope, ScopeOf(request, today));
  return store::ReadValue<v1::Statistics>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Statistics> {
    v1::Statistics statistics;
    const std::string session = populations::SchoolSessionOf(scope.population_day);
    statistics.set_population_session(session);
    WP_ASSIGN_OR_RETURN(auto figures, populations::LoadPopulations(tx, session));
    int64_t population = 0;
    for (const std::string& authority : scope.authorities) {
      auto it = figures.find(authority);
      if (it == figures.end()) {
        statistics.add_population_missing(authority);
      } else {
        population += it->second.teachers;
      }
    }
    WP_ASSIGN_OR_RETURN(auto totals, CountStatistics(tx, scope, /*split=*/false));
    *statistics.mutable_totals() = FiguresOf(totals[""], population);
    if (scope.split == v1::STATISTICS_SPLIT_UNSPECIFIED) return statistics;
    WP_ASSIGN_OR_RETURN(auto groups, CountStatistics(tx, scope, /*split=*/true));
    for (const auto& [key, counts] : groups) {
      v1::SplitFigures* split = statistics.add_splits();
      split->set_key(key);
      if (counts.practitioners < kMinPractitionersShown) {
        split->set_suppressed(true);
        continue;
      }
      // Only an authority has a population of its own.
      int64_t split_population = 0;
      if (scope.split == v1::BY_AUTHORITY) {
        auto it = figures.find(key);
        if (it != figures.end()) split_population = it->second.teachers;
      }
      *split->mutable_figures() = FiguresOf(counts, split_population);
    }
    return statistics;
  });
}

}  // namespace wp::learning
