#include "libs/store/value.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace wp::store {
namespace {

TEST(RowTest, IntOfADoubleTruncatesAndSaturates) {
  // PostgreSQL's NUMERIC (SUM, AVG) can arrive as a double of any size.
  Row row({Value(3.9), Value(-3.9), Value(1e300), Value(-1e300), Value(std::nan(""))});
  EXPECT_EQ(row.Int(0), 3);
  EXPECT_EQ(row.Int(1), -3);
  EXPECT_EQ(row.Int(2), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(row.Int(3), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(row.Int(4), 0);
}

TEST(RowTest, NullReadsAsZeroOrEmpty) {
  Row row({Value()});
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Double(0), 0);
  EXPECT_EQ(row.Text(0), "");
}

}  // namespace
}  // namespace wp::store
