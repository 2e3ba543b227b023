// A target's status as of a day: its current value measured from the usage
// (target_values below), judged against the straight-line trajectory
// (trajectory.h). The first evaluation that finds a target reached records
// the day and publishes wp.westos.target.reached in the same transaction,
// guarded by "not yet recorded", so the event goes out once however many
// replicas and evaluations race. Evaluations run every minute
// (target_watch.h) and on EvaluateTargets / GetTargetStatus, always up to
// the deadline, so usage that arrives late but falls before the deadline
// still reaches a target (once). A reached target stays reached.
//
// Values as of a day (capped at the deadline):
//   GROWTH            users of the window of the baseline's length ending
//                     that day against the baseline's users, in percent growth
//   REACH             users from the start date to that day / population (reach.h)
//   POSITIVE_RATINGS  positive ratings / ratings from the start date to that day
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_TARGETS_TARGET_EVALUATOR_H_
#define WP_SERVICES_WESTOS_TARGETS_TARGET_EVALUATOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/targets/reach.h"
#include "services/westos/targets/usage_measures.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::westos {

class TargetEvaluator {
 public:
  TargetEvaluator(store::Database& db, UsageMeasures& measures, ReachQueries& reach)
      : db_(db), measures_(measures), reach_(reach) {}

  // Every target the caller may see; as_of unset means today (UTC).
  absl::StatusOr<v1::EvaluateTargetsResponse> EvaluateAll(const server::Caller& caller,
                                                          const v1::EvaluateTargetsRequest& request);
  absl::StatusOr<v1::TargetStatus> Status(const server::Caller& caller, const v1::GetTargetStatusRequest& request);

  // The watch's round: evaluates the targets not yet reached as of `as_of`
  // (a reached one stays reached, so it needs no more looking at); returns
  // how many were found reached now.
  absl::StatusOr<int> CheckUnreached(absl::CivilDay as_of);

  // One target as of `as_of`, recording it reached (and publishing) when it
  // is for the first time (the service is that event's actor, in the
  // caller's trace).
  absl::StatusOr<v1::TargetStatus> Evaluate(const server::Caller& caller, const v1::Target& target,
                                            absl::CivilDay as_of);

 private:
  absl::Status RecordReached(const server::Caller& caller, const v1::TargetStatus& status);

  store::Database& db_;
  UsageMeasures& measures_;
  ReachQueries& reach_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_TARGET_EVALUATOR_H_
