#include "libs/calendar/timestamps.h"

#include "gtest/gtest.h"

namespace wp::calendar {
namespace {

TEST(TimestampsTest, MicrosIsUnixMicros) {
  EXPECT_EQ(Micros(absl::UnixEpoch()), 0);
  EXPECT_EQ(Micros(absl::FromUnixMicros(1700000000123456)), 1700000000123456);
  EXPECT_EQ(Micros(absl::FromUnixMicros(-1)), -1);
  // Below a microsecond is dropped towards the past.
  EXPECT_EQ(Micros(absl::FromUnixNanos(1999)), 1);
  EXPECT_EQ(Micros(absl::FromUnixNanos(-1)), -1);
}

TEST(TimestampsTest, SetTimestampSplitsSecondsAndNanos) {
  google::protobuf::Timestamp ts;
  SetTimestamp(1700000000123456, &ts);
  EXPECT_EQ(ts.seconds(), 1700000000);
  EXPECT_EQ(ts.nanos(), 123456000);

  SetTimestamp(0, &ts);
  EXPECT_EQ(ts.seconds(), 0);
  EXPECT_EQ(ts.nanos(), 0);

  SetTimestamp(2000000, &ts);
  EXPECT_EQ(ts.seconds(), 2);
  EXPECT_EQ(ts.nanos(), 0);
}

TEST(TimestampsTest, SetTimestampFloorsBeforeTheEpoch) {
  google::protobuf::Timestamp ts;
  SetTimestamp(-1, &ts);  // 1969-12-31T23:59:59.999999Z
  EXPECT_EQ(ts.seconds(), -1);
  EXPECT_EQ(ts.nanos(), 999999000);

  SetTimestamp(-1500000, &ts);
  EXPECT_EQ(ts.seconds(), -2);
  EXPECT_EQ(ts.nanos(), 500000000);

  SetTimestamp(-2000000, &ts);
  EXPECT_EQ(ts.seconds(), -2);
  EXPECT_EQ(ts.nanos(), 0);
}

TEST(TimestampsTest, TimestampOfRoundTripsThroughMicros) {
  const absl::Time t = absl::FromUnixMicros(1700000000123456);
  google::protobuf::Timestamp ts = TimestampOf(t);
  EXPECT_EQ(ts.seconds(), 1700000000);
  EXPECT_EQ(ts.nanos(), 123456000);
  EXPECT_EQ(absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos()), t);

  ts = TimestampOf(absl::FromUnixMicros(-1));
  EXPECT_EQ(ts.seconds(), -1);
  EXPECT_EQ(ts.nanos(), 999999000);
}

}  // namespace
}  // namespace wp::calendar
