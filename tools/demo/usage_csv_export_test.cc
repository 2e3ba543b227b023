#include "tools/demo/usage_csv_export.h"

#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "services/westos/usage/usage_csv.h"
#include "tools/demo/usage_generator.h"

namespace wp::demo {
namespace {

// What the export writes, the service's CSV reader reads back unchanged.
TEST(UsageCsvExportTest, GeneratedEventsReadBackThroughTheServicesReader) {
  UsageSettings settings;
  settings.users = 200;
  settings.days = 7;
  std::vector<v1::UsageEvent> events;
  std::string csv = UsageCsvHeader();
  GenerateUsage(settings, [&](const v1::UsageEvent& e) {
    events.push_back(e);
    AppendUsageCsvRow(e, &csv);
  });
  ASSERT_GT(events.size(), 100u);

  westos::UsageCsvReader reader(absl::Now());
  reader.Feed(csv);
  reader.Finish();
  westos::UsageCsvRow row;
  size_t n = 0;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next(&row);
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    ASSERT_LT(n, events.size());
    ASSERT_TRUE(row.event.has_value()) << "line " << row.line << ": " << row.error;
    const v1::UsageEvent& want = events[n++];
    const westos::UsageEvent& got = *row.event;
    EXPECT_EQ(got.event_id, want.event_id());
    EXPECT_EQ(absl::ToUnixSeconds(got.occurred_at), want.occurred_at().seconds());
    EXPECT_EQ(got.user_id, want.user_id());
    EXPECT_EQ(static_cast<int>(got.role), static_cast<int>(want.role()));
    EXPECT_EQ(got.authority, want.authority());
    EXPECT_EQ(got.establishment, want.establishment());
    EXPECT_EQ(static_cast<int>(got.sector), static_cast<int>(want.sector()));
    EXPECT_EQ(got.simd, want.simd());
    EXPECT_EQ(got.content_id, want.content_id());
    EXPECT_EQ(static_cast<int>(got.action), static_cast<int>(want.action()));
    EXPECT_EQ(got.seconds, want.seconds());
    EXPECT_EQ(got.rating, want.rating());
  }
  EXPECT_EQ(n, events.size());
}

TEST(UsageCsvExportTest, CellsWithCommasOrQuotesAreQuoted) {
  v1::UsageEvent e;
  e.set_event_id("a,b");
  e.set_user_id("say \"hi\"");
  e.set_role(v1::TEACHER);
  e.set_authority("GCC");
  e.set_content_id("c");
  e.set_action(v1::RATE);
  e.set_rating(4);
  std::string row;
  AppendUsageCsvRow(e, &row);
  EXPECT_EQ(row, "\"a,b\",1970-01-01T00:00:00Z,\"say \"\"hi\"\"\",teacher,GCC,,,,c,rate,0,4\n");
}

}  // namespace
}  // namespace wp::demo
