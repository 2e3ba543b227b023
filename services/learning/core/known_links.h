// The workstreams and networks the workstreams service has published
// (wp.workstreams.workstream.created, wp.workstreams.network.created), as
// the consumer in from_workstreams/ records them: what a programme may
// link to.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CORE_KNOWN_LINKS_H_
#define WP_SERVICES_LEARNING_CORE_KNOWN_LINKS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "libs/store/database.h"

namespace wp::learning {

// Records (or retitles) a workstream or network by its name in the
// workstreams service.
absl::Status RememberWorkstream(store::Transaction& tx, const std::string& name, const std::string& title);
absl::Status RememberNetwork(store::Transaction& tx, const std::string& name, const std::string& title);

// FAILED_PRECONDITION naming `field` unless the workstreams service has
// published the workstream (network).
absl::Status CheckKnownWorkstream(store::Transaction& tx, const std::string& name, const std::string& field);
absl::Status CheckKnownNetwork(store::Transaction& tx, const std::string& name, const std::string& field);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_KNOWN_LINKS_H_
