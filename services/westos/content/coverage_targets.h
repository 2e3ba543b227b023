// Coverage targets (a minimum of published items of a subject, optionally
// of a level and sector, by a deadline) and the coverage report over them
// (coverage.h decides each target's state). Creating and deleting a target
// writes its row and its event (wp.westos.coverage_target.created /
// .deleted, the target as payload) in one transaction.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_CONTENT_COVERAGE_TARGETS_H_
#define WP_SERVICES_WESTOS_CONTENT_COVERAGE_TARGETS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::westos {

// A region sets a few dozen targets; this bounds the report's size.
inline constexpr int kMaxCoverageTargets = 1000;

class CoverageTargets {
 public:
  explicit CoverageTargets(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS for a target id in use; FAILED_PRECONDITION beyond
  // kMaxCoverageTargets.
  absl::StatusOr<v1::CoverageTarget> Create(const server::Caller& caller,
                                            const v1::CreateCoverageTargetRequest& request, absl::Time now);
  absl::StatusOr<v1::ListCoverageTargetsResponse> List(const v1::ListCoverageTargetsRequest& request);
  // NOT_FOUND for an unknown id.
  absl::Status Delete(const server::Caller& caller, const v1::DeleteCoverageTargetRequest& request);
  // As of request.as_of, else the UTC day of `now`.
  absl::StatusOr<v1::CoverageReport> Report(const v1::GetCoverageReportRequest& request, absl::Time now);

 private:
  store::Database& db_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_CONTENT_COVERAGE_TARGETS_H_
