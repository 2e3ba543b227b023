// Baselines: named date ranges (with an optional usage filter) that growth
// targets are measured against, e.g. "the mid-January baseline". Created,
// read, listed and deleted; a baseline a target uses cannot be deleted.
// Each write is one transaction with its event (wp.westos.baseline.created
// or .deleted) and audit record.
//
// Thread-safety: thread-safe.
#ifndef WP_SERVICES_WESTOS_TARGETS_BASELINES_H_
#define WP_SERVICES_WESTOS_TARGETS_BASELINES_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "services/westos/targets/usage_measures.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::westos {

// The stored baseline with this id, or NOT_FOUND naming `name`.
absl::StatusOr<v1::Baseline> LoadBaseline(store::Transaction& tx, const std::string& id);

class Baselines {
 public:
  Baselines(store::Database& db, UsageMeasures& measures) : db_(db), measures_(measures) {}

  absl::StatusOr<v1::Baseline> Create(const server::Caller& caller, const v1::CreateBaselineRequest& request);
  absl::StatusOr<v1::Baseline> Get(const std::string& name);
  absl::StatusOr<v1::ListBaselinesResponse> List();
  absl::Status Delete(const server::Caller& caller, const std::string& name);

 private:
  store::Database& db_;
  UsageMeasures& measures_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_TARGETS_BASELINES_H_
