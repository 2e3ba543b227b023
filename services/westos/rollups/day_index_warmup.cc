#include "services/westos/rollups/day_index_warmup.h"

#include <algorithm>

#include "libs/log/log.h"

namespace wp::westos {

void DayIndexWarmup::Start(int days) {
  Stop();
  stop_ = false;
  thread_ = std::thread([this, days] { Run(days); });
}

void DayIndexWarmup::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void DayIndexWarmup::Run(int days) {
  constexpr int kWeek = 7;
  int32_t newest = 0;
  absl::Status found = db_.Read([&](store::Transaction& tx) -> absl::Status {
    absl::StatusOr<store::Row> row = tx.QueryOne("SELECT COALESCE(MAX(day), 0) FROM usage_days WHERE events > 0");
    if (!row.ok()) return row.status();
    newest = static_cast<int32_t>(row->Int(0));
    return absl::OkStatus();
  });
  if (!found.ok() || newest == 0) return;
  const int32_t oldest = newest - days + 1;
  for (int32_t to = newest; to >= oldest && !stop_; to -= kWeek) {
    const int32_t from = std::max(oldest, to - kWeek + 1);
    absl::Status s = db_.Read([&](store::Transaction& tx) { return cache_.Days(tx, from, to).status(); });
    if (!s.ok()) {
      log::Warn("day index warm-up stopped", {{"error", s.ToString()}});
      return;
    }
    // Older days would only push out the newer ones just built.
    if (cache_.stats().evictions > 0) return;
  }
  const DayIndexCache::Stats stats = cache_.stats();
  log::Info("day indexes warmed", {{"days", std::to_string(stats.days)}, {"bytes", std::to_string(stats.bytes)}});
}

}  // namespace wp::westos
