// Targets: a value to reach by a deadline (targets.proto TargetKind: growth
// over a baseline, reach, positive ratings), created, read, listed and
// deleted. Each write is one transaction with its event
// (wp.westos.target.created or .deleted) and audit record. An authority
// officer sees only the targets of their own authorities.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_TARGETS_TARGETS_H_
#define WP_SERVICES_WESTOS_TARGETS_TARGETS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/targets/usage_measures.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::westos {

// Every stored target, in id order.
absl::StatusOr<std::vector<v1::Target>> LoadTargets(store::Transaction& tx);
absl::StatusOr<v1::Target> LoadTarget(store::Transaction& tx, const std::string& id);

// Whether the caller may see the target: all but an authority officer see
// every target; they see those of their own authorities.
bool MaySee(const server::Caller& caller, const v1::Target& target);

class Targets {
 public:
  Targets(store::Database& db, UsageMeasures& measures) : db_(db), measures_(measures) {}

  absl::StatusOr<v1::Target> Create(const server::Caller& caller, const v1::CreateTargetRequest& request);
  absl::StatusOr<v1::Target> Get(const server::Caller& caller, const std::string& name);
  absl::StatusOr<v1::ListTargetsResponse> List(const server::Caller& caller);
  absl::Status Delete(const server::Caller& caller, const std::string& name);

 private:
  // The target as it will be stored, or the first problem with the request.
  absl::StatusOr<v1::Target> Checked(const v1::CreateTargetRequest& request);

  store::Database& db_;
  UsageMeasures& measures_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_TARGETS_H_
