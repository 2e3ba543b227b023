// Loads the governance demo data set (governance_demo.h) into a running
// governance service: people, memberships, population figures, plans, then
// the timeline in order. The first step that fails stops the load with an
// error naming the step and carrying the service's field violations.
//
// Loading twice is harmless: every create carries a request_id (and
// ALREADY_EXISTS counts as done), a meeting already held is not held again,
// and a lifecycle step a plan has already passed is skipped.
// Thread-safe: no shared state; calls are made one after another.
#ifndef WP_TOOLS_DEMO_GOVERNANCE_LOADER_H_
#define WP_TOOLS_DEMO_GOVERNANCE_LOADER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "tools/demo/governance_demo.h"

namespace wp::demo {

// What is in the service after a load (created now or found from before).
struct GovernanceLoadCounts {
  int people = 0;
  int memberships = 0;
  int populations = 0;
  int64_t region_learners = 0;  // the region's total for kDemoPopulationSession
  int meetings = 0;
  int meetings_held = 0;
  int decisions = 0;
  int plan_steps = 0;
  int amendments = 0;
  int sponsorships = 0;
  int budget_lines = 0;
  int spends = 0;
  int reallocations = 0;
  int actions = 0;
  // "2018-21 closed", one per plan, read back after the load.
  std::vector<std::string> plan_states;
  // The scheduled meeting whose pack the demo is built for.
  std::string next_meeting;
};

// One line, e.g. "governance: 41 people, 47 memberships, ...".
std::string SummaryLine(const GovernanceLoadCounts& counts);

// `token` is sent as a bearer token when not empty.
absl::StatusOr<GovernanceLoadCounts> LoadGovernanceDemo(
    const GovernanceDemo& demo, const std::shared_ptr<grpc::Channel>& channel,
    const std::string& token);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_GOVERNANCE_LOADER_H_
