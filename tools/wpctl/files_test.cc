#include "tools/wpctl/files.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;

TEST(FilesTest, RoundTripKeepsBytes) {
  const std::string path = ::testing::TempDir() + "/wpctl_files_test.csv";
  static constexpr char kBytes[] = "Ref,Task\r\n1.1,\"a\nb\"\r\n\0end";
  const std::string content(kBytes, sizeof(kBytes) - 1);  // the NUL byte included
  ASSERT_TRUE(WriteWholeFile(path, content).ok());
  auto read = ReadWholeFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, content);
  // Writing again replaces, not appends.
  ASSERT_TRUE(WriteWholeFile(path, "x").ok());
  EXPECT_EQ(*ReadWholeFile(path), "x");
}

TEST(FilesTest, MissingFileIsNotFoundAndNamesThePath) {
  auto read = ReadWholeFile("/nonexistent/wpctl/tracker.csv");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(read.status().message(), HasSubstr("/nonexistent/wpctl/tracker.csv"));
}

TEST(FilesTest, FoldersAreRefused) {
  auto read = ReadWholeFile(::testing::TempDir());
  EXPECT_FALSE(read.ok());
  EXPECT_THAT(read.status().message(), HasSubstr("cannot read"));
  EXPECT_FALSE(WriteWholeFile("/nonexistent/wpctl/out.csv", "x").ok());
}

}  // namespace
}  // namespace wp::wpctl
