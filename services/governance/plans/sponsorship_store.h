// Persistence of workstream sponsorships (table `sponsorships`), read with
// the sponsor's display name and the plan's session span so that a loaded
// Sponsorship is complete. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIP_STORE_H_
#define WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIP_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance {

// NOT_FOUND naming it.
absl::StatusOr<v1::Sponsorship> LoadSponsorship(store::Transaction& tx, const std::string& plan_id,
                                                int64_t number);

// What a new sponsorship row holds; the number is the plan's next.
struct NewSponsorship {
  std::string plan_id;
  int32_t workstream_number = 0;
  std::string person_id;
  std::string board_membership;
  std::string start_day;
  std::string meeting;
  std::string decision;
};
// Returns the number it was given.
absl::StatusOr<int64_t> InsertSponsorship(store::Transaction& tx, const NewSponsorship& row, absl::Time now);

// Sets the end day and reason; ABORTED when the version is not `expected_version`.
absl::Status EndSponsorshipRow(store::Transaction& tx, const std::string& plan_id, int64_t number,
                               const std::string& end_day, const std::string& reason,
                               int64_t expected_version, absl::Time now);

// The name of `person_id`'s sponsorship of the workstream that has not ended
// before `day`, if any.
absl::StatusOr<std::optional<std::string>> SponsorshipOverlapping(store::Transaction& tx,
                                                                  const std::string& plan_id,
                                                                  int32_t workstream_number,
                                                                  const std::string& person_id,
                                                                  const std::string& day);

struct SponsorshipListQuery {
  std::string plan_id;  // every plan when empty
  int32_t workstream_number = 0;  // any when 0
  std::string person_id;          // anyone when empty
  std::string active_on;          // any time when empty
  // Keyset position of the last sponsorship of the previous page; empty
  // after_plan_id for the first page.
  std::string after_plan_id;
  int64_t after_workstream_number = 0;
  std::string after_start_day;
  int64_t after_number = 0;
  int limit = 100;
};
// By plan, workstream number, start day, then number.
absl::StatusOr<std::vector<v1::Sponsorship>> ListSponsorships(store::Transaction& tx,
                                                              const SponsorshipListQuery& query);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_PLANS_SPONSORSHIP_STORE_H_
