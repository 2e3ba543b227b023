#include "tools/wpctl/status_views.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;

std::string CountText(int64_t n) { return n < 0 ? "?" : GroupedNumber(n); }

std::string LagText(double seconds) {
  if (seconds < 0) return "?";
  if (seconds < 60) return absl::StrFormat("%.1fs", seconds);
  return UptimeText(absl::Seconds(seconds));
}

std::string ConsumerLagText(const common::GetStatusResponse& s) {
  if (s.consumers().empty()) return "-";  // consumes nothing
  int64_t total = 0;
  bool known = false;
  for (const common::ConsumerStatus& c : s.consumers()) {
    if (c.pending() < 0) continue;
    total += c.pending();
    known = true;
  }
  return known ? GroupedNumber(total) : "?";
}

std::string HitRatioText(double ratio) {
  if (ratio < 0) return "-";  // no lookups yet
  return absl::StrCat(static_cast<int>(std::floor(ratio * 100)), "%");
}

}  // namespace

std::string UptimeText(absl::Duration d) {
  if (d < absl::ZeroDuration()) return "-";
  const int64_t s = absl::ToInt64Seconds(d);
  if (s >= 86400) return absl::StrCat(s / 86400, "d ", (s % 86400) / 3600, "h");
  if (s >= 3600) return absl::StrCat(s / 3600, "h ", (s % 3600) / 60, "m");
  if (s >= 60) return absl::StrCat(s / 60, "m ", s % 60, "s");
  return absl::StrCat(s, "s");
}

std::string StatusText(const std::vector<ServiceCheck>& checks, absl::Time now) {
  Table table({{"SERVICE"},
               {"ADDRESS"},
               {"HEALTH"},
               {"VERSION"},
               {"COMMIT"},
               {"STARTED"},
               {"UPTIME", Align::kRight},
               {"OUTBOX", Align::kRight},
               {"PUBLISH LAG", Align::kRight},
               {"DEAD", Align::kRight},
               {"CONSUMER LAG", Align::kRight},
               {"CACHE HITS", Align::kRight}});
  std::string notes;
  for (const ServiceCheck& c : checks) {
    if (!c.status.has_value()) {
      table.AddRow({c.name, c.address, c.health, "-", "-", "-", "-", "-", "-", "-", "-", "-"});
    } else {
      const common::GetStatusResponse& s = *c.status;
      const absl::Time started =
          absl::FromUnixSeconds(s.start_time().seconds()) + absl::Nanoseconds(s.start_time().nanos());
      table.AddRow({c.name, c.address, c.health, s.version(), s.git_commit(),
                    TimeText(s.start_time()), UptimeText(now - started),
                    CountText(s.outbox().unsent()), LagText(s.outbox().lag_seconds()),
                    CountText(s.outbox().dead_letters()), ConsumerLagText(s), HitRatioText(s.cache().hit_ratio())});
    }
    if (!c.error.empty()) absl::StrAppend(&notes, c.name, ": ", OneLine(c.error), "\n");
  }
  std::string out = table.Render();
  if (!notes.empty()) absl::StrAppend(&out, "\n", notes);
  return out;
}

}  // namespace wp::wpctl
