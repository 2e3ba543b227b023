// Stale plan items: open work (NOT_STARTED or ON_TRACK) that has had no
// progress note or status change for a set time (8 weeks by default, the
// service's --stale_after_days). Lists filter by it and the tracker summary
// counts it (tracker_store.h); StaleItems marks items as they go stale and
// publishes plan_item.went_stale once per stale spell, so lead officers can
// be reminded. The next note or status change ends the spell.
//
// Thread-safety: StaleRule is a value; StaleItems is thread-safe (the store
// serialises its writes).
#ifndef WP_SERVICES_WORKSTREAMS_STALE_ITEMS_H_
#define WP_SERVICES_WORKSTREAMS_STALE_ITEMS_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"

namespace wp::workstreams {

inline constexpr int kDefaultStaleAfterDays = 56;

struct StaleRule {
  int after_days = kDefaultStaleAfterDays;

  // An open item whose last activity is before this is stale at `now`.
  int64_t StaleBeforeUs(absl::Time now) const;
  // ... on `day`, counting the whole day (UTC).
  int64_t StaleBeforeUs(absl::CivilDay day) const;
};

class StaleItems {
 public:
  StaleItems(store::Database& db, StaleRule rule) : db_(db), rule_(rule) {}

  // Marks every open item that is stale at `now` and not marked yet, with
  // its plan_item.went_stale event, in one transaction; `caller` is the
  // actor of the events. Returns how many were marked.
  absl::StatusOr<int> MarkNewlyStale(const server::Caller& caller, absl::Time now);

 private:
  store::Database& db_;
  const StaleRule rule_;
};

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_STALE_ITEMS_H_
