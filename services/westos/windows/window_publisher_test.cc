// Weekly windows on either store engine: published once the week and its
// grace period are over, never twice, and corrected by late usage and
// retractions.
#include "services/westos/windows/window_publisher.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "wp/common/v1/event.pb.h"
#include "wp/westos/v1/windows.pb.h"

namespace wp::westos {
namespace {

// The week of Monday 2021-01-18 to Sunday 2021-01-24; with 2 days' grace it
// closes on Wednesday 2021-01-27.
class WindowPublisherTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
    queries_ = std::make_unique<UsageQueries>(*db_, cache_);
    publisher_ = std::make_unique<WindowPublisher>(*db_, *queries_, 2);
  }

  void Use(const std::string& prefix, int users, int day_of_january, const std::string& authority = "GCC") {
    std::vector<IngestItem> items;
    for (int i = 0; i < users; ++i) {
      UsageEvent e;
      e.event_id = absl::StrCat(prefix, i);
      e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, day_of_january, 10, 0, 0), absl::UTCTimeZone());
      e.user_id = absl::StrCat(prefix, "-user-", i);
      e.role = Role::kLearner;
      e.authority = authority;
      e.sector = Sector::kSecondary;
      e.content_id = "maths-n5-01";
      e.action = Action::kView;
      e.seconds = 60;
      IngestItem item;
      item.event_id = e.event_id;
      item.event = std::move(e);
      items.push_back(std::move(item));
    }
    absl::StatusOr<BatchResult> result = ingest_->Ingest(caller_, items);
    ASSERT_TRUE(result.ok()) << result.status();
  }

  int Publish(int day_of_january) {
    absl::StatusOr<int> n = publisher_->PublishClosed(absl::CivilDay(2021, 1, day_of_january));
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *n : -1;
  }

  // The window_closed events written so far, in order.
  std::vector<v1::UsageWindowClosed> Events() {
    std::vector<v1::UsageWindowClosed> out;
    auto unsent = store::FetchUnsent(*db_, 10000);
    EXPECT_TRUE(unsent.ok()) << unsent.status();
    for (const store::OutboxMessage& m : *unsent) {
      if (m.subject != "wp.westos.usage.window_closed") continue;
      wp::common::v1::Event event;
      EXPECT_TRUE(event.ParseFromString(m.payload));
      v1::UsageWindowClosed payload;
      EXPECT_TRUE(event.payload().UnpackTo(&payload));
      out.push_back(payload);
    }
    return out;
  }

  server::Caller caller_{"platform", "trace-1", "", "ingest", {}, "/wp.westos.v1.UsageService/IngestUsage"};
  std::unique_ptr<store::Database> db_;
  DayIndexCache cache_{64 << 20};
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  std::unique_ptr<UsageQueries> queries_;
  std::unique_ptr<WindowPublisher> publisher_;
};

TEST_P(WindowPublisherTest, AWeekIsPublishedOnceAfterItsGracePeriod) {
  Use("g", 6, 19);
  Use("i", 2, 23, "INV");
  EXPECT_EQ(Publish(26), 0);  // Sunday's grace runs to the end of Tuesday
  EXPECT_EQ(Publish(27), 1);
  EXPECT_EQ(Publish(27), 0);
  EXPECT_EQ(Publish(28), 0);
  const std::vector<v1::UsageWindowClosed> events = Events();
  ASSERT_EQ(events.size(), 1u);
  const v1::UsageWindowClosed& e = events[0];
  EXPECT_EQ(e.week_start().day(), 18);
  EXPECT_EQ(e.week_end().day(), 24);
  EXPECT_EQ(e.revision(), 1);
  EXPECT_FALSE(e.correction());
  ASSERT_EQ(e.deltas_size(), 3);
  EXPECT_EQ(e.deltas(0).authority(), "GCC");
  EXPECT_EQ(e.deltas(0).views(), 6);
  EXPECT_EQ(e.deltas(0).distinct_users(), 6);
  EXPECT_DOUBLE_EQ(e.deltas(0).minutes(), 6);
  // A single authority is shown whatever its size.
  EXPECT_EQ(e.deltas(1).authority(), "INV");
  EXPECT_EQ(e.deltas(1).distinct_users(), 2);
  EXPECT_EQ(e.deltas(2).authority(), "");
  EXPECT_EQ(e.deltas(2).distinct_users(), 8);
  EXPECT_EQ(e.totals(2).views(), 8);
}

TEST_P(WindowPublisherTest, LateUsageAndRetractionsPublishCorrectionDeltas) {
  Use("g", 6, 19);
  ASSERT_EQ(Publish(27), 1);
  Use("late", 1, 20);  // arrives after the week was published
  EXPECT_EQ(Publish(29), 1);
  ASSERT_TRUE(ingest_->Retract(caller_, {"g0", "g1"}, "platform correction").ok());
  EXPECT_EQ(Publish(29), 1);
  EXPECT_EQ(Publish(30), 0);
  const std::vector<v1::UsageWindowClosed> events = Events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].revision(), 2);
  EXPECT_TRUE(events[1].correction());
  EXPECT_EQ(events[1].deltas(0).views(), 1);
  EXPECT_EQ(events[1].deltas(0).distinct_users(), 1);
  EXPECT_EQ(events[1].totals(0).distinct_users(), 7);
  EXPECT_EQ(events[2].revision(), 3);
  EXPECT_EQ(events[2].deltas(0).views(), -2);
  EXPECT_EQ(events[2].deltas(0).distinct_users(), -2);
  EXPECT_EQ(events[2].totals(0).distinct_users(), 5);
}

// The watch's way: a week still changing between two looks waits, so a
// backfill is counted once it has settled, not after every batch.
TEST_P(WindowPublisherTest, WaitingForQuietPublishesAWeekOnlyWhenItHasNotChangedSinceTheLastLook) {
  Use("g", 6, 19);
  auto publish_when_quiet = [&] {
    absl::StatusOr<int> n = publisher_->PublishClosed(absl::CivilDay(2021, 1, 28), /*wait_for_quiet=*/true);
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *n : -1;
  };
  EXPECT_EQ(publish_when_quiet(), 0);  // first look
  Use("h", 2, 20);
  EXPECT_EQ(publish_when_quiet(), 0);  // changed since
  EXPECT_EQ(publish_when_quiet(), 1);  // quiet: published
  EXPECT_EQ(publish_when_quiet(), 0);
  const std::vector<v1::UsageWindowClosed> events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].totals(0).views(), 8);
}

TEST_P(WindowPublisherTest, ARegionOfFewerThanFiveIsSuppressedAndStaysQuietUntilItChanges) {
  Use("g", 2, 19);
  Use("i", 1, 19, "INV");
  ASSERT_EQ(Publish(27), 1);
  std::vector<v1::UsageWindowClosed> events = Events();
  ASSERT_EQ(events.size(), 1u);
  const v1::WindowFigures& region = events[0].deltas(2);
  EXPECT_EQ(region.authority(), "");
  EXPECT_TRUE(region.suppressed());
  EXPECT_EQ(region.distinct_users(), 0);
  EXPECT_EQ(region.views(), 0);
  // A change to one authority is a correction; the region stays suppressed.
  Use("late", 1, 21, "INV");
  ASSERT_EQ(Publish(28), 1);
  events = Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].deltas(1).authority(), "INV");
  EXPECT_EQ(events[1].deltas(1).distinct_users(), 1);
  EXPECT_TRUE(events[1].deltas(2).suppressed());
}

TEST_P(WindowPublisherTest, WeeksBeforeTheLastClosedOneAreAllPublished) {
  Use("a", 5, 5);
  Use("b", 5, 12);
  Use("c", 5, 19);
  EXPECT_EQ(Publish(20), 2);  // the weeks of 4 and 11 January
  EXPECT_EQ(Publish(27), 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(WindowPublisherTest);

}  // namespace
}  // namespace wp::westos
