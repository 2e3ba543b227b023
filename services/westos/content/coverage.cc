#include "services/westos/content/coverage.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "services/westos/content/levels.h"

namespace wp::westos {
namespace {

bool Matches(const v1::CoverageTarget& target, const CoverageItem& item) {
  return item.subject == target.subject() && (target.level().empty() || item.level == target.level()) &&
         (target.sector() == v1::SECTOR_UNSPECIFIED || item.sector == target.sector());
}

bool ReachedBy(const std::string& date, const std::string& day) { return !date.empty() && date <= day; }

void Count(const CoverageItem& item, const std::string& day, v1::StatusCounts* counts) {
  if (ReachedBy(item.published_date, day)) {
    counts->set_published(counts->published() + 1);
  } else if (ReachedBy(item.uploaded_date, day)) {
    counts->set_uploaded(counts->uploaded() + 1);
  } else {
    counts->set_commissioned(counts->commissioned() + 1);
  }
}

}  // namespace

v1::TargetCoverage AssessTarget(const v1::CoverageTarget& target, const std::vector<CoverageItem>& items,
                                absl::CivilDay as_of, int at_risk_days) {
  v1::TargetCoverage out;
  *out.mutable_target() = target;
  const std::string day = calendar::DayText(as_of);
  const absl::CivilDay deadline = calendar::LastDayCovered(target.deadline());
  const int needed = std::max(1, target.min_published());
  std::map<size_t, std::pair<std::string, v1::StatusCounts>> by_level;  // in curriculum order
  std::vector<std::string> published_days;
  for (const CoverageItem& item : items) {
    if (!Matches(target, item)) continue;
    // Not commissioned yet on that day: not part of the picture then.
    if (!item.commissioned_date.empty() && item.commissioned_date > day) continue;
    Count(item, day, out.mutable_counts());
    auto& level = by_level[LevelOrder(item.level)];
    level.first = item.level;
    Count(item, day, &level.second);
    if (ReachedBy(item.published_date, day)) published_days.push_back(item.published_date);
  }
  for (auto& [order, level] : by_level) {
    v1::LevelCoverage* l = out.add_levels();
    l->set_level(level.first);
    *l->mutable_counts() = level.second;
  }
  const int64_t days_left = deadline - as_of;
  out.set_days_left(static_cast<int32_t>(days_left));
  const int published = out.counts().published();
  const int in_hand = published + out.counts().uploaded();
  if (static_cast<int>(published_days.size()) >= needed) {
    std::sort(published_days.begin(), published_days.end());
    const std::string& met = published_days[needed - 1];
    *out.mutable_met_date() = *calendar::FromIsoText(met);
    if (met <= calendar::DayText(deadline)) {
      out.set_state(v1::MET);
      out.set_reason(absl::StrCat(published, " of ", needed, " needed published; met on ", met, ", by the deadline ",
                                  calendar::DayText(deadline)));
    } else {
      out.set_state(v1::LATE);
      out.set_reason(absl::StrCat("met on ", met, ", after the deadline ", calendar::DayText(deadline)));
    }
  } else if (days_left < 0) {
    out.set_state(v1::LATE);
    out.set_reason(absl::StrCat(published, " of ", needed, " needed published; the deadline ",
                                calendar::DayText(deadline), " passed ", -days_left, " days ago"));
  } else if (days_left <= at_risk_days && in_hand < needed) {
    out.set_state(v1::AT_RISK);
    out.set_reason(absl::StrCat(in_hand, " of ", needed, " needed uploaded or published, ", days_left,
                                " days before the deadline ", calendar::DayText(deadline)));
  } else {
    out.set_state(v1::ON_TRACK);
    out.set_reason(absl::StrCat(published, " of ", needed, " needed published, ", in_hand,
                                " uploaded or published, ", days_left, " days before the deadline ",
                                calendar::DayText(deadline)));
  }
  return out;
}

}  // namespace wp::westos
