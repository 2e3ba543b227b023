#include "services/westos/rollups/day_index_cache.h"

#include <utility>

#include "libs/status/status_macros.h"
#include "services/westos/rollups/day_rollups.h"

namespace wp::westos {

absl::StatusOr<std::vector<ActivityRow>> LoadDayActivity(store::Transaction& tx, int32_t day) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> rows,
                      tx.Query("SELECT user_num, authority, sector, role, simd, content_num, action, seconds, rating "
                               "FROM usage_events WHERE day = ? AND retracted = 0",
                               {int64_t{day}}));
  std::vector<ActivityRow> activity;
  activity.reserve(rows.size());
  for (const store::Row& row : rows) {
    ActivityRow a;
    a.user = static_cast<uint32_t>(row.Int(0));
    a.dims.authority = static_cast<uint8_t>(row.Int(1));
    a.dims.sector = static_cast<uint8_t>(row.Int(2));
    a.dims.role = static_cast<uint8_t>(row.Int(3));
    a.dims.simd = static_cast<uint8_t>(row.Int(4));
    a.dims.content = static_cast<uint32_t>(row.Int(5));
    a.action = static_cast<uint8_t>(row.Int(6));
    a.seconds = row.Int(7);
    a.rating = static_cast<uint8_t>(row.Int(8));
    activity.push_back(a);
  }
  // A purged day's events are in its rollups (late events since are raw).
  WP_ASSIGN_OR_RETURN(std::vector<DayRollup> rollups, LoadDayRollups(tx, day));
  for (const DayRollup& r : rollups) ExpandRollup(r, &activity);
  return activity;
}

absl::StatusOr<std::vector<IndexedDay>> DayIndexCache::Days(store::Transaction& tx, int32_t from, int32_t to) {
  WP_ASSIGN_OR_RETURN(std::vector<store::Row> versions,
                      tx.Query("SELECT day, version FROM usage_days WHERE day >= ? AND day <= ? AND events > 0 "
                               "ORDER BY day",
                               {int64_t{from}, int64_t{to}}));
  std::vector<IndexedDay> days;
  days.reserve(versions.size());
  for (const store::Row& row : versions) {
    const int32_t day = static_cast<int32_t>(row.Int(0));
    const int64_t version = row.Int(1);
    {
      absl::MutexLock lock(&mu_);
      auto it = entries_.find(day);
      if (it != entries_.end() && it->second.version == version) {
        it->second.last_used = ++clock_;
        ++stats_.hits;
        days.push_back({day, it->second.index});
        continue;
      }
    }
    WP_ASSIGN_OR_RETURN(std::vector<ActivityRow> activity, LoadDayActivity(tx, day));
    auto index = std::make_shared<const DayIndex>(DayIndex::Build(activity));
    Put(day, version, index);
    days.push_back({day, std::move(index)});
  }
  return days;
}

void DayIndexCache::Put(int32_t day, int64_t version, std::shared_ptr<const DayIndex> index) {
  absl::MutexLock lock(&mu_);
  ++stats_.builds;
  Entry& entry = entries_[day];
  if (entry.index != nullptr) bytes_ -= entry.index->bytes();
  bytes_ += index->bytes();
  entry = Entry{version, std::move(index), ++clock_};
  // Drop the least recently used days (never the one just built) until
  // within the budget. A scan: there are at most a few thousand days.
  while (bytes_ > max_bytes_ && entries_.size() > 1) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first != day && (oldest == entries_.end() || it->second.last_used < oldest->second.last_used)) {
        oldest = it;
      }
    }
    if (oldest == entries_.end()) break;
    bytes_ -= oldest->second.index->bytes();
    entries_.erase(oldest);
    ++stats_.evictions;
  }
}

DayIndexCache::Stats DayIndexCache::stats() const {
  absl::MutexLock lock(&mu_);
  Stats s = stats_;
  s.bytes = bytes_;
  s.days = entries_.size();
  return s;
}

}  // namespace wp::westos
