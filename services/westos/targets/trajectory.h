// Judging a target's progress (pure): the straight line from the start value
// on the start date to the target value on the deadline, and a RAG status.
//
//   GREEN  reached (current >= target), or at or above the line today;
//   AMBER  below the line by at most `tolerance` of the gap (target - start);
//   RED    further below, or the deadline has passed unreached.
//
// Values are percents; days are day numbers. The caller has checked that
// start_day < deadline_day and start_value < target_value.
#ifndef WP_SERVICES_WESTOS_TARGETS_TRAJECTORY_H_
#define WP_SERVICES_WESTOS_TARGETS_TRAJECTORY_H_

#include <cstdint>
#include <string>

namespace wp::westos {

inline constexpr double kDefaultAmberTolerance = 0.10;

enum class RagStatus { kUnknown = 1, kGreen = 2, kAmber = 3, kRed = 4 };

struct TrajectoryInput {
  double start_value = 0;
  double target_value = 0;
  int32_t start_day = 0;
  int32_t deadline_day = 0;
  // The day the value is measured on (the evaluator caps it at the deadline).
  int32_t as_of_day = 0;
  double current_value = 0;
  // Fraction of the gap; 0 or less means kDefaultAmberTolerance.
  double tolerance = 0;
  // The day asked about is after the deadline.
  bool deadline_passed = false;
};

struct Judgement {
  double expected_value = 0;  // the line's value on as_of_day
  double progress = 0;        // (current - start) / (target - start)
  double amber_floor = 0;     // expected - tolerance * gap
  bool reached = false;
  bool on_track = false;
  RagStatus rag = RagStatus::kUnknown;
  std::string reason;  // the figures that decided it
};

// The line's value on `day`: start_value up to the start day, target_value
// from the deadline on, straight between.
double ExpectedOn(const TrajectoryInput& in, int32_t day);

Judgement Judge(const TrajectoryInput& in);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_TRAJECTORY_H_
