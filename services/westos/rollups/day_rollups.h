// The rollups of purged days (table usage_day_rollups, migration 6): a
// purged day's events folded into one row per person (dense number) and
// combination of dimensions, with the figures summed. A day's index is
// built from its raw events that count plus its rollup rows, expanded back
// into activity rows with the same figures, so a day's figures and sets of
// people are the same before and after a purge.
// Thread-safety: free functions on the caller's transaction.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_DAY_ROLLUPS_H_
#define WP_SERVICES_WESTOS_ROLLUPS_DAY_ROLLUPS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/database.h"
#include "services/westos/rollups/activity.h"

namespace wp::westos {

struct DayRollup {
  uint32_t user = 0;
  Dimensions dims;
  Counts counts;
};

// Folds activity rows into rollups: one per (user, dimensions).
std::vector<DayRollup> FoldActivity(const std::vector<ActivityRow>& rows);

// Activity rows with exactly the rollup's figures: one per event it holds
// (views, plays, completions and ratings each an event, as in Counts::Add),
// its seconds on the first. Appended to `out`.
void ExpandRollup(const DayRollup& rollup, std::vector<ActivityRow>* out);

absl::StatusOr<std::vector<DayRollup>> LoadDayRollups(store::Transaction& tx, int32_t day);

// Adds the rollups to the day's stored ones (a day purged again after late
// events arrived).
absl::Status AddDayRollups(store::Transaction& tx, int32_t day, const std::vector<DayRollup>& rollups);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_DAY_ROLLUPS_H_
