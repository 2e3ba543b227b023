// A practitioner's data protection rights and the retention policy:
// export of everything held about one practitioner, erasure on request,
// and erasure of everyone inactive since a day.
//
// Erasure keeps every total right: the practitioner's registrations,
// attendance, answers and completions stay, re-keyed to an anonymous id
// ("~" and 32 hex digits, which no request can name); the id goes, as do
// the establishment and the free text of answers. Authority, sector and
// role stay, so splits by them stay right too (and a split of fewer than 5
// is suppressed anyway). Each erasure publishes practitioner.erased with
// counts and the reason, never the id.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_PRIVACY_PRACTITIONER_PRIVACY_H_
#define WP_SERVICES_LEARNING_PRIVACY_PRACTITIONER_PRIVACY_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/learning/v1/practitioners.pb.h"

namespace wp::learning {

class PractitionerPrivacy {
 public:
  explicit PractitionerPrivacy(store::Database& db) : db_(db) {}

  absl::StatusOr<v1::PractitionerExport> Export(const v1::ExportPractitionerRequest& request);
  // NOT_FOUND for an unknown (or already erased) practitioner.
  absl::StatusOr<v1::ErasePractitionerResponse> Erase(const server::Caller& caller,
                                                      const v1::ErasePractitionerRequest& request);
  // `today` bounds inactive_before (at most today).
  absl::StatusOr<v1::ApplyRetentionResponse> ApplyRetention(const server::Caller& caller,
                                                            const v1::ApplyRetentionRequest& request,
                                                            absl::CivilDay today);

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_PRIVACY_PRACTITIONER_PRIVACY_H_
