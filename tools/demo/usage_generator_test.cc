#include "tools/demo/usage_generator.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace wp::demo {
namespace {

TEST(UsageGeneratorTest, SameSettingsSameEventsAndEveryEventComplete) {
  UsageSettings settings;
  settings.users = 300;
  settings.days = 14;
  std::vector<std::string> first_ids;
  std::set<std::string> ids, users;
  int64_t rates = 0;
  const int64_t n = GenerateUsage(settings, [&](const v1::UsageEvent& e) {
    first_ids.push_back(e.event_id());
    ids.insert(e.event_id());
    users.insert(e.user_id());
    EXPECT_EQ(e.event_id().size(), 36u);
    EXPECT_NE(e.role(), v1::USER_ROLE_UNSPECIFIED);
    EXPECT_EQ(e.authority().size(), 3u);
    EXPECT_GE(e.simd(), 1);
    EXPECT_LE(e.simd(), 5);
    EXPECT_FALSE(e.content_id().empty());
    if (e.action() == v1::RATE) {
      ++rates;
      EXPECT_GE(e.rating(), 1);
      EXPECT_LE(e.rating(), 5);
    }
  });
  EXPECT_EQ(static_cast<int64_t>(ids.size()), n);  // ids unique
  EXPECT_GT(n, 300);
  EXPECT_GT(rates, 0);
  EXPECT_LE(users.size(), 300u);
  EXPECT_GT(users.size(), 100u);

  std::vector<std::string> second_ids;
  GenerateUsage(settings, [&](const v1::UsageEvent& e) { second_ids.push_back(e.event_id()); });
  EXPECT_EQ(first_ids, second_ids);
}

}  // namespace
}  // namespace wp::demo
