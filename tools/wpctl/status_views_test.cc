// Tests of the `wpctl status` screen (status_views).
#include "tools/wpctl/status_views.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;

const absl::Time kNow = absl::FromUnixSeconds(1764662400);  // 2025-12-02 08:00:00 UTC

ServiceCheck Serving() {
  ServiceCheck c{"workstreams", "127.0.0.1:50052", "SERVING", wp::common::v1::GetStatusResponse(), ""};
  wp::common::v1::GetStatusResponse& s = *c.status;
  s.set_service("workstreams");
  s.set_version("dev");
  s.set_git_commit("a146c10f00d1");
  s.mutable_start_time()->set_seconds(1764662400 - 2 * 3600 - 5 * 60);
  s.mutable_outbox()->set_unsent(1234);
  s.mutable_outbox()->set_lag_seconds(3.25);
  s.mutable_outbox()->set_dead_letters(2);
  auto* consumer = s.add_consumers();
  consumer->set_name("workstreams-governance-plans");
  consumer->set_pending(7);
  consumer = s.add_consumers();
  consumer->set_name("workstreams-governance-sponsors");
  consumer->set_pending(-1);  // not fetched yet: not counted
  s.mutable_cache()->set_hit_ratio(0.937);
  return c;
}

TEST(StatusTextTest, OneLinePerServiceWithEveryColumn) {
  const std::string text = StatusText({Serving()}, kNow);
  EXPECT_THAT(text, HasSubstr("SERVICE      ADDRESS          HEALTH   VERSION  COMMIT        STARTED"));
  EXPECT_THAT(text, HasSubstr("UPTIME  OUTBOX  PUBLISH LAG  DEAD  CONSUMER LAG  CACHE HITS\n"));
  EXPECT_THAT(text, HasSubstr("workstreams  127.0.0.1:50052  SERVING  dev      a146c10f00d1  "
                              "2025-12-02 05:55:00 UTC"));
  EXPECT_THAT(text, HasSubstr("2h 5m   1,234         3.2s     2             7         93%\n"));
}

TEST(StatusTextTest, ADownServiceIsARowAndANoteNotAFailure) {
  ServiceCheck down{"governance", "127.0.0.1:50051", "DOWN", std::nullopt,
                    "UNAVAILABLE: failed to connect to all addresses"};
  const std::string text = StatusText({down, Serving()}, kNow);
  EXPECT_THAT(text, HasSubstr("governance   127.0.0.1:50051  DOWN     -"));
  EXPECT_THAT(text, HasSubstr("workstreams  127.0.0.1:50052  SERVING"));
  EXPECT_THAT(text, HasSubstr("\ngovernance: UNAVAILABLE: failed to connect to all addresses\n"));
}

TEST(StatusTextTest, UnknownsAndNothingYetShowAsMarks) {
  ServiceCheck c = Serving();
  c.status->mutable_outbox()->set_unsent(-1);  // store unreadable
  c.status->mutable_outbox()->set_lag_seconds(-1);
  c.status->clear_consumers();                 // consumes nothing
  c.status->mutable_cache()->set_hit_ratio(-1);  // no lookups yet
  const std::string text = StatusText({c}, kNow);
  EXPECT_THAT(text, HasSubstr("2h 5m       ?            ?     2             -           -\n"));
}

TEST(UptimeTextTest, TwoUnitsAtMost) {
  EXPECT_EQ(UptimeText(absl::Seconds(12)), "12s");
  EXPECT_EQ(UptimeText(absl::Seconds(5 * 60 + 3)), "5m 3s");
  EXPECT_EQ(UptimeText(absl::Hours(2) + absl::Minutes(5) + absl::Seconds(9)), "2h 5m");
  EXPECT_EQ(UptimeText(absl::Hours(76)), "3d 4h");
  EXPECT_EQ(UptimeText(absl::Seconds(-1)), "-");
}

}  // namespace
}  // namespace wp::wpctl
