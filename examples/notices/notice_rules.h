// The notice board's pure rules: what a notice must hold, and what its
// resource name looks like. No I/O, so they are tested without a database.
//
// Thread-safety: pure functions.
#ifndef WP_EXAMPLES_NOTICES_NOTICE_RULES_H_
#define WP_EXAMPLES_NOTICES_NOTICE_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "wp/examples/v1/notices.pb.h"

namespace wp::examples::notices {

// INVALID_ARGUMENT naming every field of `notice` that is wrong (field paths
// start with "notice.", as in the request). The lengths are the proto's
// limits, already checked before the handler runs.
absl::Status ValidateNewNotice(const v1::Notice& notice);

// "notices/{id}" for `id`, and back. INVALID_ARGUMENT on `field` for a name
// of another shape.
std::string NoticeName(const std::string& id);
absl::StatusOr<std::string> NoticeIdOf(const std::string& name, const std::string& field);

}  // namespace wp::examples::notices

#endif  // WP_EXAMPLES_NOTICES_NOTICE_RULES_H_
