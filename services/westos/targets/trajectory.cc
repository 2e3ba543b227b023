#include "services/westos/targets/trajectory.h"

#include "absl/strings/str_format.h"

namespace wp::westos {

double ExpectedOn(const TrajectoryInput& in, int32_t day) {
  if (day <= in.start_day) return in.start_value;
  if (day >= in.deadline_day) return in.target_value;
  const double fraction = static_cast<double>(day - in.start_day) / (in.deadline_day - in.start_day);
  return in.start_value + (in.target_value - in.start_value) * fraction;
}

Judgement Judge(const TrajectoryInput& in) {
  Judgement j;
  const double gap = in.target_value - in.start_value;
  const double tolerance = in.tolerance > 0 ? in.tolerance : kDefaultAmberTolerance;
  j.expected_value = ExpectedOn(in, in.as_of_day);
  j.progress = gap > 0 ? (in.current_value - in.start_value) / gap : 0;
  j.amber_floor = j.expected_value - tolerance * gap;
  j.reached = in.current_value >= in.target_value;
  j.on_track = j.reached || in.current_value >= j.expected_value;
  if (j.reached) {
    j.rag = RagStatus::kGreen;
    j.reason = absl::StrFormat("reached: current %.2f is at or above the target %.2f", in.current_value,
                               in.target_value);
  } else if (in.deadline_passed) {
    j.rag = RagStatus::kRed;
    j.reason = absl::StrFormat("missed: the deadline has passed with %.2f, below the target %.2f",
                               in.current_value, in.target_value);
  } else if (j.on_track) {
    j.rag = RagStatus::kGreen;
    j.reason = absl::StrFormat("on track: current %.2f is at or above the trajectory's %.2f", in.current_value,
                               j.expected_value);
  } else if (in.current_value >= j.amber_floor) {
    j.rag = RagStatus::kAmber;
    j.reason = absl::StrFormat(
        "behind: current %.2f is below the trajectory's %.2f but within %.0f%% of the gap (floor %.2f)",
        in.current_value, j.expected_value, tolerance * 100, j.amber_floor);
  } else {
    j.rag = RagStatus::kRed;
    j.reason = absl::StrFormat(
        "off track: current %.2f is below the trajectory's %.2f by more than %.0f%% of the gap (floor %.2f)",
        in.current_value, j.expected_value, tolerance * 100, j.amber_floor);
  }
  return j;
}

}  // namespace wp::westos
