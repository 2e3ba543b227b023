#include "tools/demo/usage_generator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "libs/region/authorities.h"

namespace wp::demo {
namespace {

// Relative sizes of the authorities' school populations (Glasgow largest).
constexpr double kAuthorityWeights[] = {1.3, 1.1, 4.5, 0.8, 3.9, 2.0, 3.8, 1.0};

struct Person {
  std::string id;
  int authority = 0;  // index into region::kAuthorities
  int establishment = 0;
  v1::Sector sector = v1::PRIMARY;
  int simd = 0;
  v1::UserRole role = v1::LEARNER;
  double activity = 0;  // chance of being active on a day, at the end of the period
};

std::string Uuid(std::mt19937_64& rng) {
  const uint64_t a = rng(), b = rng();
  return absl::StrFormat("%08x-%04x-4%03x-%04x-%012x", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
                         0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffULL);
}

std::vector<Person> People(const UsageSettings& s, std::mt19937_64& rng) {
  std::discrete_distribution<int> authority(std::begin(kAuthorityWeights), std::end(kAuthorityWeights));
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<Person> people(s.users);
  for (int i = 0; i < s.users; ++i) {
    Person& p = people[i];
    p.id = absl::StrFormat("user-%08x", static_cast<uint32_t>(rng()));
    p.authority = authority(rng);
    p.establishment = static_cast<int>(rng() % s.establishments_per_authority);
    // An establishment's sector and deprivation follow from its number.
    const int e = p.authority * 1000 + p.establishment;
    p.sector = e % 7 == 0 ? v1::ASN : (e % 3 == 0 ? v1::SECONDARY : v1::PRIMARY);
    p.simd = 1 + (e * 7 + 3) % 5;
    const double r = unit(rng);
    p.role = r < 0.85 ? v1::LEARNER : (r < 0.99 ? v1::TEACHER : v1::OTHER_ROLE);
    // Skewed: most people are seldom active, a few nearly every day.
    p.activity = 0.01 + 0.6 * std::pow(unit(rng), 4);
  }
  return people;
}

v1::UsageAction Action(std::mt19937_64& rng) {
  const int r = static_cast<int>(rng() % 100);
  return r < 50 ? v1::VIEW : r < 85 ? v1::PLAY : r < 97 ? v1::COMPLETE : v1::RATE;
}

}  // namespace

std::string GeneratedContentId(int n) { return absl::StrFormat("lesson-%04d", n); }

int64_t GenerateUsage(const UsageSettings& s, const std::function<void(const v1::UsageEvent&)>& emit) {
  std::mt19937_64 rng(s.seed);
  const std::vector<Person> people = People(s, rng);
  // Popularity of lessons: a long tail (Zipf-like).
  std::vector<double> popularity(s.content_items);
  for (int i = 0; i < s.content_items; ++i) popularity[i] = 1.0 / (1.0 + i);
  std::discrete_distribution<int> lesson(popularity.begin(), popularity.end());
  std::uniform_real_distribution<double> unit(0, 1);
  std::geometric_distribution<int> extra_events(1.0 / std::max(1.0, s.events_per_active_day));

  int64_t emitted = 0;
  v1::UsageEvent event;
  for (int d = 0; d < s.days; ++d) {
    const absl::CivilDay day = s.first_day + d;
    const double growth = 0.4 + 0.6 * (d + 1) / s.days;  // use grows over the period
    const bool weekend = absl::GetWeekday(day) >= absl::Weekday::saturday;
    for (const Person& p : people) {
      if (unit(rng) >= p.activity * growth * (weekend ? 0.3 : 1.0)) continue;
      const int events = 1 + std::min(extra_events(rng), 40);
      for (int k = 0; k < events; ++k) {
        event.Clear();
        event.set_event_id(Uuid(rng));
        const absl::CivilSecond at(day.year(), day.month(), day.day(), 8 + static_cast<int>(rng() % 12),
                                   static_cast<int>(rng() % 60), static_cast<int>(rng() % 60));
        event.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(absl::FromCivil(at, absl::UTCTimeZone())));
        event.set_user_id(p.id);
        event.set_role(p.role);
        event.set_authority(std::string(region::kAuthorities[p.authority].code));
        event.set_establishment(absl::StrFormat("%d%03d", 8400 + p.authority, p.establishment));
        event.set_sector(p.sector);
        event.set_simd(p.simd);
        event.set_content_id(GeneratedContentId(1 + lesson(rng)));
        event.set_action(Action(rng));
        event.set_seconds(event.action() == v1::RATE ? 0 : 30 + static_cast<int64_t>(rng() % 1500));
        if (event.action() == v1::RATE) event.set_rating(static_cast<int>(2 + rng() % 4));
        emit(event);
        ++emitted;
      }
    }
  }
  return emitted;
}

}  // namespace wp::demo
