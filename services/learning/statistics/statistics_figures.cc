#include "services/learning/statistics/statistics_figures.h"

#include <cmath>

namespace wp::learning {

double Percent(int64_t part, int64_t whole) {
  if (whole == 0) return 0;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

double Mean(int64_t sum, int64_t n) {
  if (n == 0) return 0;
  return std::round(100.0 * static_cast<double>(sum) / static_cast<double>(n)) / 100.0;
}

v1::Figures FiguresOf(const StatisticsCounts& c, int64_t population) {
  v1::Figures f;
  f.set_events(static_cast<int32_t>(c.events));
  f.set_held_events(static_cast<int32_t>(c.held_events));
  f.set_registered(static_cast<int32_t>(c.registered));
  f.set_attended(static_cast<int32_t>(c.attended));
  f.set_no_shows(static_cast<int32_t>(c.no_shows));
  f.set_attendance_percent(Percent(c.placed_at_held - c.no_shows, c.placed_at_held));
  f.set_waiting(static_cast<int32_t>(c.waiting));
  f.set_late_cancellations(static_cast<int32_t>(c.late_cancellations));
  f.set_pre_responses(static_cast<int32_t>(c.pre_responses));
  f.set_post_responses(static_cast<int32_t>(c.post_responses));
  f.set_response_percent(Percent(c.post_responses, c.attended));
  f.set_paired_responses(static_cast<int32_t>(c.pairs));
  f.set_increased_knowledge(static_cast<int32_t>(c.increased_knowledge));
  f.set_increased_knowledge_percent(Percent(c.increased_knowledge, c.pairs));
  f.set_increased_confidence(static_cast<int32_t>(c.increased_confidence));
  f.set_increased_confidence_percent(Percent(c.increased_confidence, c.pairs));
  f.set_mean_knowledge_change(Mean(c.knowledge_change_sum, c.pairs));
  f.set_mean_understanding_change(Mean(c.understanding_change_sum, c.pairs));
  f.set_mean_confidence_change(Mean(c.confidence_change_sum, c.pairs));
  f.set_rated_excellent(static_cast<int32_t>(c.rated_excellent));
  f.set_excellent_percent(Percent(c.rated_excellent, c.post_responses));
  f.set_completions(static_cast<int32_t>(c.completions));
  f.set_practitioners_reached(static_cast<int32_t>(c.reached));
  f.set_practitioner_population(population);
  f.set_reached_percent(Percent(c.reached, population));
  return f;
}

}  // namespace wp::learning
