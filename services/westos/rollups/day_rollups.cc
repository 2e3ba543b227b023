#include "services/westos/rollups/day_rollups.h"

#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

std::vector<DayRollup> FoldActivity(const std::vector<ActivityRow>& rows) {
  absl::flat_hash_map<std::pair<uint32_t, Dimensions>, size_t> index;
  std::vector<DayRollup> rollups;
  for (const ActivityRow& row : rows) {
    auto [it, inserted] = index.try_emplace(std::make_pair(row.user, row.dims), rollups.size());
    if (inserted) rollups.push_back({row.user, row.dims, Counts{}});
    rollups[it->second].counts.Add(row);
  }
  return rollups;
}

void ExpandRollup(const DayRollup& r, std::vector<ActivityRow>* out) {
  const size_t first = out->size();
  auto add = [&](uint8_t action, int64_t n, uint8_t rating) {
    for (int64_t i = 0; i < n; ++i) out->push_back(ActivityRow{r.user, r.dims, action, 0, rating});
  };
  add(1, r.counts.views, 0);
  add(2, r.counts.plays, 0);
  add(3, r.counts.completions, 0);
  add(4, r.counts.positive_ratings, 5);
  add(4, r.counts.ratings - r.counts.positive_ratings, 1);
  if (out->size() > first) (*out)[first].seconds = r.counts.seconds;
}

absl::StatusOr<std::vector<DayRollup>> LoadDayRollups(store::Transaction& tx, int32_t day) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT user_num, authority, sector, role, simd, content_num, views, plays, "
                               "completions, ratings, positive_ratings, seconds FROM usage_day_rollups WHERE day = ?",
                               {int64_t{day}}));
  std::vector<DayRollup> rollups;
  rollups.reserve(rows.size());
  for (const store::Row& row : rows) {
    DayRollup r;
    r.user = static_cast<uint32_t>(row.Int(0));
    r.dims.authority = static_cast<uint8_t>(row.Int(1));
    r.dims.sector = static_cast<uint8_t>(row.Int(2));
    r.dims.role = static_cast<uint8_t>(row.Int(3));
    r.dims.simd = static_cast<uint8_t>(row.Int(4));
    r.dims.content = static_cast<uint32_t>(row.Int(5));
    r.counts.views = row.Int(6);
    r.counts.plays = row.Int(7);
    r.counts.completions = row.Int(8);
    r.counts.ratings = row.Int(9);
    r.counts.positive_ratings = row.Int(10);
    r.counts.seconds = row.Int(11);
    rollups.push_back(r);
  }
  return rollups;
}

absl::Status AddDayRollups(store::Transaction& tx, int32_t day, const std::vector<DayRollup>& rollups) {
  for (const DayRollup& r : rollups) {
    const Counts& c = r.counts;
    WP_RETURN_IF_ERROR(
        tx.Execute("INSERT INTO usage_day_rollups (day, user_num, authority, sector, role, simd, content_num, views, "
                   "plays, completions, ratings, positive_ratings, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?) ON CONFLICT (day, user_num, authority, sector, role, simd, content_num) DO UPDATE SET "
                   "views = usage_day_rollups.views + excluded.views, "
                   "plays = usage_day_rollups.plays + excluded.plays, "
                   "completions = usage_day_rollups.completions + excluded.completions, "
                   "ratings = usage_day_rollups.ratings + excluded.ratings, "
                   "positive_ratings = usage_day_rollups.positive_ratings + excluded.positive_ratings, "
                   "seconds = usage_day_rollups.seconds + excluded.seconds",
                   {int64_t{day}, int64_t{r.user}, int64_t{r.dims.authority}, int64_t{r.dims.sector},
                    int64_t{r.dims.role}, int64_t{r.dims.simd}, int64_t{r.dims.content}, c.views, c.plays,
                    c.completions, c.ratings, c.positive_ratings, c.seconds})
            .status());
  }
  return absl::OkStatus();
}

}  // namespace wp::westos
