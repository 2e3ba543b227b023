// Persistence of memberships: the seats people hold on bodies, numbered
// 1, 2, ... within each body. Functions run inside the caller's transaction.
//
// Thread-safety: as the Transaction passed in (one thread).
#ifndef WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIP_STORE_H_
#define WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIP_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

// With the person's display name. NOT_FOUND naming the membership.
absl::StatusOr<v1::Membership> LoadMembership(store::Transaction& tx, const std::string& body_id,
                                              int64_t number);
// One more than the body's highest number; call in the write transaction
// that inserts it.
absl::StatusOr<int64_t> NextMembershipNumber(store::Transaction& tx, const std::string& body_id);
// At version 1; `membership` already validated.
absl::Status InsertMembership(store::Transaction& tx, const std::string& body_id, int64_t number,
                              const std::string& person_id, const v1::Membership& membership, absl::Time now);
// Saves role, role_title, authority, advisory and the dates; ABORTED unless
// the stored version is `expected_version`.
absl::Status SaveMembership(store::Transaction& tx, const std::string& body_id, int64_t number,
                            const v1::Membership& membership, int64_t expected_version, absl::Time now);

// The days a membership covers: "2022-06-14" text, end empty while it continues.
struct MembershipSpan {
  std::string start_day;
  std::string end_day;
};
// The number of another membership of the body (not `except_number`) that
// overlaps `span` and is held by `person_id`, if any.
absl::StatusOr<std::optional<int64_t>> OverlappingOfPerson(store::Transaction& tx, const std::string& body_id,
                                                           int64_t except_number, const std::string& person_id,
                                                           const MembershipSpan& span);
// The same for another CHAIR membership of the body.
absl::StatusOr<std::optional<int64_t>> OverlappingChair(store::Transaction& tx, const std::string& body_id,
                                                        int64_t except_number, const MembershipSpan& span);

struct MembershipFilter {
  std::string body_id;    // empty for every body
  std::string person_id;  // empty for everyone
  std::string active_on;  // a day; empty for any
  int64_t role = 0;       // Membership.Role; 0 for any
  std::string authority;  // a code; empty for any
};
// The listing order: body id, start day, number.
struct MembershipKey {
  std::string body_id;
  std::string start_day;
  int64_t number = 0;
};
// After `after` (from the start when its body_id is empty).
absl::StatusOr<std::vector<v1::Membership>> ListMembershipRows(store::Transaction& tx,
                                                               const MembershipFilter& filter,
                                                               const MembershipKey& after, int limit);

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_MEMBERSHIP_STORE_H_
