#include "services/westos/ingest/statement_chunks.h"

#include <numeric>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::westos {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ChunkSizes, LargeChunksThenSmallThenTheRest) {
  EXPECT_THAT(ChunkSizes(0), IsEmpty());
  EXPECT_THAT(ChunkSizes(5), ElementsAre(5));
  EXPECT_THAT(ChunkSizes(64), ElementsAre(64));
  EXPECT_THAT(ChunkSizes(1000), ElementsAre(1000));
  EXPECT_THAT(ChunkSizes(2130), ElementsAre(1000, 1000, 64, 64, 2));
}

TEST(ChunkSizes, CoverEveryRowOnce) {
  for (size_t n : {1u, 63u, 999u, 1001u, 20000u, 20063u}) {
    const std::vector<size_t> sizes = ChunkSizes(n);
    EXPECT_EQ(std::accumulate(sizes.begin(), sizes.end(), size_t{0}), n) << n;
  }
}

TEST(Placeholders, OneMarkPerParameter) {
  EXPECT_EQ(QuestionMarks(3), "?, ?, ?");
  EXPECT_EQ(QuestionMarks(0), "");
  EXPECT_EQ(RowPlaceholders(2, 2), "(?, ?), (?, ?)");
  EXPECT_EQ(RowPlaceholders(1, 1), "(?)");
}

}  // namespace
}  // namespace wp::westos
