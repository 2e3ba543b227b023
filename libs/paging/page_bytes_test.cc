#include "libs/paging/page_bytes.h"

#include <string>
#include <vector>

#include "google/protobuf/wrappers.pb.h"
#include "gtest/gtest.h"

namespace wp::paging {
namespace {

std::vector<google::protobuf::StringValue> Rows(int n, size_t bytes_each) {
  std::vector<google::protobuf::StringValue> rows(n);
  for (auto& r : rows) r.set_value(std::string(bytes_each, 'x'));
  return rows;
}

TEST(PageBytesTest, SmallRowsAreCountedByPageSize) {
  EXPECT_EQ(PageCount(Rows(11, 10), 10), 10);
  EXPECT_EQ(PageCount(Rows(3, 10), 10), 3);
  EXPECT_EQ(PageCount(Rows(0, 10), 10), 0);
}

TEST(PageBytesTest, LargeRowsStopAtTheByteBudget) {
  // 100 rows of ~1 MB: a count-only page would be ~100 MB.
  EXPECT_EQ(PageCount(Rows(101, 1 << 20), 100), 1);
  EXPECT_EQ(PageCount(Rows(101, 1000), 100, 10 * 1000), 9);
}

TEST(PageBytesTest, OneRowAlwaysGoesOutSoPagingMovesOn) {
  EXPECT_EQ(PageCount(Rows(2, 5000), 10, 100), 1);
}

}  // namespace
}  // namespace wp::paging
