// Reach: distinct users as a share of the population, per authority and
// region-wide. Users are counted exactly by the usage queries
// (rollups/usage_query.h, split by authority); the population is the
// governance service's figures (libs/populations/population_store.h) for the school session
// that holds the range's last day: learners, teachers, or both, by role.
// A missing figure is reported as missing, never as 0%; the region's reach
// is missing when any authority counted lacks a figure. The region row
// spans authorities, so fewer than 5 users there are suppressed.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_TARGETS_REACH_H_
#define WP_SERVICES_WESTOS_TARGETS_REACH_H_

#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/rollups/usage_query.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::westos {

class ReachQueries {
 public:
  ReachQueries(store::Database& db, UsageQueries& usage) : db_(db), usage_(usage) {}

  // For the RPC: validates the request (from, to, role).
  absl::StatusOr<v1::ReachReport> GetReach(const server::Caller& caller, const v1::GetReachRequest& request);

  // Reach of the people with `roles` (LEARNER and/or TEACHER; empty: both)
  // in [from, to], restricted to the authorities the caller may see.
  absl::StatusOr<v1::ReachReport> Compute(const server::Caller& caller, absl::CivilDay from, absl::CivilDay to,
                                          std::set<int> roles);

 private:
  store::Database& db_;
  UsageQueries& usage_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_REACH_H_
