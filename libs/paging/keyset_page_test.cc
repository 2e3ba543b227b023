#include "libs/paging/keyset_page.h"

#include <string>
#include <vector>

#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"

namespace wp::paging {
namespace {

using Row = google::protobuf::Timestamp;  // any message with a two-part key

// The table: rows keyed (seconds, nanos), in key order.
std::vector<Row> Table(int n) {
  std::vector<Row> rows(n);
  for (int i = 0; i < n; ++i) {
    rows[i].set_seconds(i / 3);
    rows[i].set_nanos(i % 3);
  }
  return rows;
}

// A keyset read: up to `limit` rows after the key, as a store would answer.
std::vector<Row> ReadAfter(const std::vector<Row>& table, const PageKey& after, int limit) {
  std::vector<Row> out;
  const int64_t s = *after.Int(0);
  const int64_t n = *after.Int(1);
  for (const Row& r : table) {
    const bool later = after.first_page() || r.seconds() > s || (r.seconds() == s && r.nanos() > n);
    if (later && static_cast<int>(out.size()) < limit) out.push_back(r);
  }
  return out;
}

TEST(KeysetPageTest, PagesVisitEveryRowOnceInOrder) {
  const std::vector<Row> table = Table(25);
  std::vector<Row> seen;
  std::string token;
  int pages = 0;
  do {
    absl::StatusOr<PageKey> after = DecodePageKey(token, 2);
    ASSERT_TRUE(after.ok()) << after.status();
    std::vector<Row> fetched = ReadAfter(table, *after, 10 + 1);
    google::protobuf::RepeatedPtrField<Row> page;
    token = FillPage(fetched, 10, &page, [](const Row& r) { return KeyOf(r.seconds(), r.nanos()); });
    seen.insert(seen.end(), page.begin(), page.end());
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), table.size());
  for (size_t i = 0; i < table.size(); ++i) EXPECT_EQ(seen[i].DebugString(), table[i].DebugString());
}

TEST(KeysetPageTest, AnExactlyFullLastPageHasNoToken) {
  std::vector<Row> fetched = Table(10);  // the "+1" read found only 10
  google::protobuf::RepeatedPtrField<Row> page;
  EXPECT_EQ(FillPage(fetched, 10, &page, [](const Row& r) { return KeyOf(r.seconds()); }), "");
  EXPECT_EQ(page.size(), 10);
}

TEST(KeysetPageTest, TheTokenNamesTheLastRowShown) {
  std::vector<Row> fetched = Table(6);
  google::protobuf::RepeatedPtrField<Row> page;
  const std::string token =
      FillPage(fetched, 5, &page, [](const Row& r) { return KeyOf(r.seconds(), r.nanos()); });
  absl::StatusOr<PageKey> key = DecodePageKey(token, 2);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_FALSE(key->first_page());
  EXPECT_EQ(*key->Int(0), 1);  // row 4 is (1, 1)
  EXPECT_EQ(key->Text(1), "1");
}

TEST(KeysetPageTest, FirstPageKeyReadsAsEmpty) {
  absl::StatusOr<PageKey> key = DecodePageKey("", 2);
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(key->first_page());
  EXPECT_EQ(key->Text(0), "");
  EXPECT_EQ(*key->Int(1), 0);
}

TEST(KeysetPageTest, DamagedTokensAreInvalidArgumentOnPageToken) {
  absl::StatusOr<PageKey> wrong_shape = DecodePageKey(EncodePageToken({"a"}), 2);
  EXPECT_EQ(wrong_shape.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(wrong_shape.status().message().find("page_token"), std::string::npos);

  absl::StatusOr<PageKey> not_number = DecodePageKey(EncodePageToken({"x", "seven"}), 2);
  ASSERT_TRUE(not_number.ok());
  EXPECT_EQ(not_number->Int(1).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(not_number->Int(1).status().message().find("page_token"), std::string::npos);
}

}  // namespace
}  // namespace wp::paging
