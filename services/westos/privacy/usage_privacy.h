// Privacy of the people in usage: erasure of one person's usage, and
// retention (purging raw events before a date).
//
// Purge: each purged day's raw events are folded into the day's rollups
// (rollups/day_rollups.h: one row per person number and combination of
// dimensions, figures summed) and the raw rows keep only their key, id,
// digest and day (retracted = 2), so every figure and every count of
// distinct people is unchanged and a re-sent event is still a duplicate.
// Figures do not change, so day versions do not move. The xAPI statements
// of purged or erased events (kept as received, actor included) are deleted.
//
// Erasure: the person's raw rows keep only key, id, digest and day
// (retracted = 3), their rollup rows are deleted, and their user id text in
// usage_users is replaced by a marker no real id can equal, keeping the
// number reserved (nothing refers to it any more; a later event with the
// same user id gets a new number). Every day that lost events moves its
// version, so cached day indexes are rebuilt. Idempotent: the id is then
// unknown. The outbox event and audit record carry counts, never the id.
//
// Each call is one transaction with its outbox event.
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_WESTOS_PRIVACY_USAGE_PRIVACY_H_
#define WP_SERVICES_WESTOS_PRIVACY_USAGE_PRIVACY_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::westos {

struct ErasureResult {
  bool found = false;
  int64_t events = 0;  // events that counted and no longer do
  int64_t days = 0;    // days whose figures changed
};

struct PurgeResult {
  int64_t days = 0;
  int64_t events = 0;  // raw rows purged, retracted ones included
  int64_t users = 0;   // distinct people among them
  int32_t first_day = 0;  // day numbers, when days > 0
  int32_t last_day = 0;
};

class UsagePrivacy {
 public:
  explicit UsagePrivacy(store::Database& db) : db_(db) {}

  // INVALID_ARGUMENT when user_id is empty or reason is empty or contains
  // the user id (the reason is kept in the event).
  absl::StatusOr<ErasureResult> EraseUser(const server::Caller& caller, const std::string& user_id,
                                          const std::string& reason);

  // Purges the raw events of days before `before`; INVALID_ARGUMENT when
  // `before` is after `today`. A dry run writes nothing.
  absl::StatusOr<PurgeResult> PurgeEvents(const server::Caller& caller, absl::CivilDay before, bool dry_run,
                                          absl::CivilDay today);

 private:
  store::Database& db_;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_PRIVACY_USAGE_PRIVACY_H_
