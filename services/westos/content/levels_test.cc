#include "services/westos/content/levels.h"

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

TEST(LevelsTest, NamesAndShortFormsGiveTheLevelsName) {
  EXPECT_EQ(*ParseLevel("level", "Higher"), "Higher");
  EXPECT_EQ(*ParseLevel("level", "  advanced higher "), "Advanced Higher");
  EXPECT_EQ(*ParseLevel("level", "N5"), "National 5");
  EXPECT_EQ(*ParseLevel("level", "nat 4"), "National 4");
  EXPECT_EQ(*ParseLevel("level", "AH"), "Advanced Higher");
  EXPECT_EQ(*ParseLevel("level", "Early level"), "Early");
  EXPECT_EQ(*ParseLevel("level", "FOURTH"), "Fourth");
}

TEST(LevelsTest, AnythingElseIsRefusedNamingTheField) {
  absl::StatusOr<std::string> bad = ParseLevel("content_item.level", "Standard Grade");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("content_item.level"), std::string::npos);
  EXPECT_NE(bad.status().message().find("National 5"), std::string::npos);
  EXPECT_NE(ParseLevel("level", "").status().message().find("is required"), absl::string_view::npos);
}

// Found by content_import_fuzz: a quoted CSV cell's line break was echoed
// as it was, breaking the reason (and any log line quoting it).
TEST(LevelsTest, TheEchoedTextIsEscaped) {
  const std::string message(ParseLevel("level", "S\n4").status().message());
  EXPECT_NE(message.find("level: \"S\\n4\" is not a level"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(LevelsTest, OrderFollowsTheCurriculum) {
  EXPECT_LT(LevelOrder("Early"), LevelOrder("Fourth"));
  EXPECT_LT(LevelOrder("National 5"), LevelOrder("Higher"));
  EXPECT_EQ(LevelOrder("nonsense"), LevelNames().size());
}

}  // namespace
}  // namespace wp::westos
