// Programmes: a series of events under a workstream (and perhaps a network)
// with an optional completion rule. Created, read, updated (field mask,
// etag) and listed; every change writes its row and its event
// (programme.created / .updated) in one transaction.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_CATALOGUE_PROGRAMMES_H_
#define WP_SERVICES_LEARNING_CATALOGUE_PROGRAMMES_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning {

class Programmes {
 public:
  explicit Programmes(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS for an id in use; FAILED_PRECONDITION for a workstream
  // or network the workstreams service has not published.
  absl::StatusOr<v1::Programme> Create(const server::Caller& caller, const v1::CreateProgrammeRequest& request,
                                       absl::Time now);
  absl::StatusOr<v1::Programme> Get(const v1::GetProgrammeRequest& request);
  absl::StatusOr<v1::ListProgrammesResponse> List(const v1::ListProgrammesRequest& request);
  absl::StatusOr<v1::Programme> Update(const server::Caller& caller, const v1::UpdateProgrammeRequest& request,
                                       absl::Time now);

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CATALOGUE_PROGRAMMES_H_
