// From counts to figures: percentages and means as the API gives them, and
// the small-group rule. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_STATISTICS_STATISTICS_FIGURES_H_
#define WP_SERVICES_LEARNING_STATISTICS_STATISTICS_FIGURES_H_

#include <cstdint>

#include "wp/learning/v1/statistics.pb.h"

namespace wp::learning {

// A split with fewer practitioners than this is suppressed.
inline constexpr int64_t kMinPractitionersShown = 5;

// What the store counts for one group of practitioners (or all).
struct StatisticsCounts {
  int64_t events = 0;
  int64_t held_events = 0;
  int64_t registered = 0;
  int64_t attended = 0;
  int64_t no_shows = 0;
  int64_t placed_at_held = 0;
  int64_t waiting = 0;
  int64_t late_cancellations = 0;
  int64_t reached = 0;       // distinct practitioners who attended
  int64_t practitioners = 0;  // distinct practitioners with any registration
  int64_t pre_responses = 0;
  int64_t post_responses = 0;
  int64_t rated_excellent = 0;
  int64_t pairs = 0;
  int64_t increased_knowledge = 0;
  int64_t increased_confidence = 0;
  int64_t knowledge_change_sum = 0;
  int64_t understanding_change_sum = 0;
  int64_t confidence_change_sum = 0;
  int64_t completions = 0;
};

// part / whole as a percentage rounded to one decimal; 0 when whole is 0.
double Percent(int64_t part, int64_t whole);
// sum / n rounded to two decimals; 0 when n is 0.
double Mean(int64_t sum, int64_t n);

// The figures of `counts`, with reach over `population` (0: not known).
v1::Figures FiguresOf(const StatisticsCounts& counts, int64_t population);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_STATISTICS_STATISTICS_FIGURES_H_
