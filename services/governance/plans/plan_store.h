// Persistence of a whole plan (v1::Plan): its row in `plans` and its
// workstreams, projects and recorded steps, shared by Plans, PlanAmendments
// and Sponsorships. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_PLANS_PLAN_STORE_H_
#define WP_SERVICES_GOVERNANCE_PLANS_PLAN_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

// The plan with everything in it (workstream names filled, projects by
// workstream then id, steps oldest first). NOT_FOUND naming it.
absl::StatusOr<v1::Plan> LoadPlan(store::Transaction& tx, const std::string& id);

// A new DRAFT plan at version 1 from `plan`'s content and session_span
// (already validated and normalized). ALREADY_EXISTS when the id is taken or
// another plan has the span (naming that plan).
absl::Status InsertPlan(store::Transaction& tx, const std::string& id, const v1::Plan& plan,
                        absl::Time now);

// Stores `plan` (content, state, revision, steps) over the stored one and
// moves its version from `expected_version` to the next; ABORTED when the
// stored version is not `expected_version`. The session span never changes.
absl::Status SavePlan(store::Transaction& tx, const std::string& id, const v1::Plan& plan,
                      int64_t expected_version, absl::Time now);

// The id in a plan's name ("plans/2022-23" -> "2022-23").
std::string PlanIdOf(const v1::Plan& plan);

struct PlanListQuery {
  std::vector<v1::Plan::State> states;  // any when empty
  std::string session;                  // only spans including it, when set
  // Keyset position: the first and last sessions of the last plan of the
  // previous page; empty for the first page.
  std::string after_first_session;
  std::string after_last_session;
  int limit = 100;
};
// Newest span first (by first session, then last session, descending).
absl::StatusOr<std::vector<v1::Plan>> ListPlans(store::Transaction& tx, const PlanListQuery& query);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_PLAN_STORE_H_
