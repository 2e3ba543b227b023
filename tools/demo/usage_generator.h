// Realistic usage of the online school, generated: the same events for the
// same settings on every machine. Each person belongs to one establishment
// (so one authority, sector and SIMD quintile); activity is skewed (most
// people use it a few times, a few use it daily) and grows over the period,
// and lessons are picked with a long tail of popularity. The demo loads a
// few weeks of it; the ingestion benchmark ninety days at full size.
#ifndef WP_TOOLS_DEMO_USAGE_GENERATOR_H_
#define WP_TOOLS_DEMO_USAGE_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/time/civil_time.h"
#include "wp/westos/v1/usage.pb.h"

namespace wp::demo {

namespace v1 = wp::westos::v1;

struct UsageSettings {
  int users = 2000;
  absl::CivilDay first_day = absl::CivilDay(2021, 1, 4);
  int days = 21;
  int establishments_per_authority = 12;
  int content_items = 120;
  // Mean events of a person on a day they are active, at the end of the period.
  double events_per_active_day = 3.0;
  uint64_t seed = 2021;
};

// The content ids the generator uses: "lesson-0001", ...
std::string GeneratedContentId(int n);

// Calls `emit` with every event, day by day; returns how many were emitted.
// Event ids are UUID-shaped and unique for the settings' seed.
int64_t GenerateUsage(const UsageSettings& settings, const std::function<void(const v1::UsageEvent&)>& emit);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_USAGE_GENERATOR_H_
