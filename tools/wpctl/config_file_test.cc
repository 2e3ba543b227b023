#include "tools/wpctl/config_file.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;

TEST(ConfigFileTest, KeyValueLinesWithCommentsAndQuotes) {
  auto config = ParseConfigFile(
      "# my defaults\n"
      "\n"
      "server = 10.0.0.5:50052\n"
      "  governance_server=gov.example:50051  \n"
      "period = \"2022-25\"\r\n"
      "token_file = /home/me/admin.token\n"
      "format = csv\n",
      "/home/me/.config/wpctl/config");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->Get("server"), "10.0.0.5:50052");
  EXPECT_EQ(config->Get("governance_server"), "gov.example:50051");
  EXPECT_EQ(config->Get("period"), "2022-25");
  EXPECT_EQ(config->Get("token_file"), "/home/me/admin.token");
  EXPECT_EQ(config->Get("format"), "csv");
  EXPECT_EQ(config->Get("westos_server"), std::nullopt);
  EXPECT_TRUE(ParseConfigFile("", "c")->values.empty());
}

TEST(ConfigFileTest, BadLinesNameTheFileAndLine) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"server = a:1\nperiod 2022-25\n", "cfg line 2: \"period 2022-25\" is not key = value"},
      {"# c\n\nsevrer = a:1\n", "cfg line 3: unknown key \"sevrer\""},
      {"period =\n", "cfg line 1: period has no value"},
      {"period = \"\"\n", "cfg line 1: period has no value"},
      {"format = csv\nformat = json\n", "cfg line 2: format is set twice"},
      {"= value\n", "cfg line 1: unknown key \"\""},
  };
  for (const Case& c : cases) {
    auto config = ParseConfigFile(c.text, "cfg");
    ASSERT_FALSE(config.ok()) << c.text;
    EXPECT_TRUE(IsUsageError(config.status())) << c.text;
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.text;
  }
  EXPECT_THAT(ParseConfigFile("x = 1", "cfg").status().message(), HasSubstr("known: format, governance_server"));
}

TEST(ConfigFileTest, WhereItIsRead) {
  EXPECT_EQ(ConfigFilePath("/etc/wpctl.conf", "/home/me"), "/etc/wpctl.conf");
  EXPECT_EQ(ConfigFilePath("", "/home/me"), "/home/me/.config/wpctl/config");
  EXPECT_EQ(ConfigFilePath(nullptr, "/home/me"), "/home/me/.config/wpctl/config");
  EXPECT_EQ(ConfigFilePath(nullptr, nullptr), "");
}

TEST(ConfigFileTest, AMissingFileIsEmptyUnlessNamed) {
  const std::string missing = ::testing::TempDir() + "/no-such-wpctl-config";
  auto config = LoadConfigFile(missing, /*must_exist=*/false);
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->values.empty());
  auto named = LoadConfigFile(missing, /*must_exist=*/true);
  ASSERT_FALSE(named.ok());
  EXPECT_TRUE(IsUsageError(named.status()));
  EXPECT_THAT(named.status().message(), HasSubstr("no-such-wpctl-config"));
}

}  // namespace
}  // namespace wp::wpctl
