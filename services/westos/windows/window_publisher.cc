#include "services/westos/windows/window_publisher.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"
#include "services/westos/events.h"
#include "services/westos/rollups/periods.h"
#include "wp/westos/v1/windows.pb.h"

namespace wp::westos {
namespace {

struct Stored {
  int64_t fingerprint = 0;
  int32_t revision = 0;
  std::vector<v1::WindowFigures> figures;
};

server::Caller WatchCaller() {
  server::Caller caller;
  caller.actor = kServiceName;
  caller.role = "system";
  caller.method = "WindowPublisher";
  return caller;
}

v1::WindowFigures FromUsage(const std::string& authority, const v1::UsageFigures& f) {
  v1::WindowFigures out;
  out.set_authority(authority);
  out.set_suppressed(f.suppressed());
  if (f.suppressed()) return out;
  out.set_views(f.views());
  out.set_plays(f.plays());
  out.set_completions(f.completions());
  out.set_minutes(f.minutes());
  out.set_distinct_users(f.distinct_users());
  return out;
}

// The rows by authority ("" the region).
std::map<std::string, v1::WindowFigures> ByAuthority(const std::vector<v1::WindowFigures>& rows) {
  std::map<std::string, v1::WindowFigures> out;
  for (const v1::WindowFigures& r : rows) out[r.authority()] = r;
  return out;
}

v1::WindowFigures Delta(const std::string& authority, const v1::WindowFigures& now, const v1::WindowFigures& before) {
  v1::WindowFigures d;
  d.set_authority(authority);
  if (now.suppressed() || before.suppressed()) {
    d.set_suppressed(true);
    return d;
  }
  d.set_views(now.views() - before.views());
  d.set_plays(now.plays() - before.plays());
  d.set_completions(now.completions() - before.completions());
  d.set_minutes(now.minutes() - before.minutes());
  d.set_distinct_users(now.distinct_users() - before.distinct_users());
  return d;
}

bool IsZero(const v1::WindowFigures& d) {
  return !d.suppressed() && d.views() == 0 && d.plays() == 0 && d.completions() == 0 && d.minutes() == 0 &&
         d.distinct_users() == 0;
}

// The event, or nothing when the figures did not change.
std::optional<v1::UsageWindowClosed> EventFor(int32_t week_start, const Stored& before,
                                              const std::vector<v1::WindowFigures>& now) {
  const auto old_rows = ByAuthority(before.figures);
  const auto new_rows = ByAuthority(now);
  std::map<std::string, bool> keys;
  for (const auto& [k, v] : old_rows) keys[k] = true;
  for (const auto& [k, v] : new_rows) keys[k] = true;
  v1::UsageWindowClosed event;
  bool changed = before.revision == 0;
  // Authorities in code order, the region ("" sorts first) last.
  std::vector<std::string> order;
  for (const auto& [k, v] : keys) {
    if (!k.empty()) order.push_back(k);
  }
  order.push_back("");
  for (const std::string& k : order) {
    auto o = old_rows.find(k);
    auto n = new_rows.find(k);
    const v1::WindowFigures zero;
    const v1::WindowFigures& was = o == old_rows.end() ? zero : o->second;
    v1::WindowFigures is = n == new_rows.end() ? zero : n->second;
    is.set_authority(k);
    v1::WindowFigures d = Delta(k, is, was);
    // A suppressed region that stays suppressed is not a change.
    if (!IsZero(d) && !(d.suppressed() && was.suppressed() && is.suppressed())) changed = true;
    *event.add_deltas() = d;
    *event.add_totals() = is;
  }
  if (!changed) return std::nullopt;
  *event.mutable_week_start() = calendar::FromCivilDay(CivilDayOf(week_start));
  *event.mutable_week_end() = calendar::FromCivilDay(CivilDayOf(week_start + 6));
  event.set_revision(before.revision + 1);
  event.set_correction(before.revision > 0);
  return event;
}

}  // namespace

absl::StatusOr<int> WindowPublisher::PublishClosed(absl::CivilDay today, bool wait_for_quiet) {
  // The last closed week starts at least 7 + grace days before today.
  const int32_t last_start = PeriodStart(DayNumber(today) - 7 - grace_days_, PeriodKind::kIsoWeek, 0);
  // Versions first, figures after: a change in between is seen next time.
  std::map<int32_t, int64_t> fingerprints;
  std::map<int32_t, Stored> stored;
  WP_RETURN_IF_ERROR(db_.Read([&](store::Transaction& tx) -> absl::Status {
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> days,
                        tx.Query("SELECT day, version FROM usage_days WHERE day < ?", {int64_t{last_start + 7}}));
    for (const store::Row& row : days) {
      fingerprints[PeriodStart(static_cast<int32_t>(row.Int(0)), PeriodKind::kIsoWeek, 0)] += row.Int(1);
    }
    WP_ASSIGN_OR_RETURN(std::vector<store::Row> windows,
                        tx.Query("SELECT week_start, fingerprint, revision, figures FROM usage_windows"));
    for (const store::Row& row : windows) {
      Stored& s = stored[static_cast<int32_t>(row.Int(0))];
      s.fingerprint = row.Int(1);
      s.revision = static_cast<int32_t>(row.Int(2));
      v1::UsageWindowClosed last;
      if (!last.ParseFromString(row.Text(3))) return absl::InternalError("usage_windows: figures do not parse");
      s.figures.assign(last.totals().begin(), last.totals().end());
    }
    return absl::OkStatus();
  }));

  std::map<int32_t, int64_t> previous;
  {
    absl::MutexLock lock(&mu_);
    previous.swap(seen_);
    seen_ = fingerprints;
  }
  int published = 0;
  for (const auto& [week, fingerprint] : fingerprints) {
    const Stored before = stored[week];
    if (before.revision > 0 && before.fingerprint == fingerprint) continue;
    auto last = previous.find(week);
    if (wait_for_quiet && (last == previous.end() || last->second != fingerprint)) continue;
    v1::QueryUsageRequest request;
    *request.mutable_from() = calendar::FromCivilDay(CivilDayOf(week));
    *request.mutable_to() = calendar::FromCivilDay(CivilDayOf(week + 6));
    request.add_group_by(v1::AUTHORITY);
    WP_ASSIGN_OR_RETURN(v1::UsageReport report, queries_.Query(WatchCaller(), request));
    std::vector<v1::WindowFigures> now;
    for (const v1::UsageRow& row : report.rows()) now.push_back(FromUsage(row.keys(0), row.figures()));
    now.push_back(FromUsage("", report.total()));
    const std::optional<v1::UsageWindowClosed> event = EventFor(week, before, now);
    v1::UsageWindowClosed record;
    if (event.has_value()) {
      record = *event;
    } else {
      for (const v1::WindowFigures& f : before.figures) *record.add_totals() = f;
    }
    const int32_t revision = event.has_value() ? event->revision() : before.revision;
    bool wrote_event = false;
    WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) -> absl::Status {
      wrote_event = false;
      // Another replica may have got here first: only from the revision read.
      WP_ASSIGN_OR_RETURN(std::vector<store::Row> current,
                          tx.Query("SELECT revision FROM usage_windows WHERE week_start = ?", {int64_t{week}}));
      const int64_t current_revision = current.empty() ? 0 : current[0].Int(0);
      if (current_revision != before.revision) return absl::OkStatus();
      WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO usage_windows (week_start, fingerprint, revision, figures) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT (week_start) DO UPDATE SET "
                                    "fingerprint = excluded.fingerprint, revision = excluded.revision, "
                                    "figures = excluded.figures",
                                    {int64_t{week}, fingerprint, int64_t{revision},
                                     store::Blob{record.SerializeAsString()}})
                             .status());
      if (!event.has_value()) return absl::OkStatus();
      wrote_event = true;
      return EmitEvent(tx, WatchCaller(), "usage", "window_closed",
                       absl::StrCat("usage/weeks/", calendar::ToIsoText(event->week_start())), *event)
          .status();
    }));
    published += wrote_event;
  }
  return published;
}

}  // namespace wp::westos
