#include "tools/wpctl/args.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

OptionSpec Spec() {
  OptionSpec spec;
  spec.valued = {"period", "format", "page-size", "text"};
  spec.switches = {"json", "reopen"};
  spec.short_switches = {{"h", "help"}};
  spec.switches.insert("help");
  return spec;
}

absl::Status ParseError(const std::vector<std::string>& words) {
  return ParseArgs(words, Spec()).status();
}

TEST(ParseArgsTest, PositionalAndBothOptionForms) {
  auto args = ParseArgs({"tracker", "import", "f.csv", "--period", "2018-21", "--format=tsv"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional, ElementsAre("tracker", "import", "f.csv"));
  EXPECT_EQ(args->Get("period"), "2018-21");
  EXPECT_EQ(args->Get("format"), "tsv");
  EXPECT_EQ(args->Get("text", "none"), "none");
  EXPECT_FALSE(args->Has("text"));
}

TEST(ParseArgsTest, OptionsMayComeBeforeAndBetweenWords) {
  auto args = ParseArgs({"--json", "items", "--period=2022-23", "get", "1.2"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional, ElementsAre("items", "get", "1.2"));
  EXPECT_TRUE(args->Switch("json"));
}

TEST(ParseArgsTest, SwitchesTakeNoValueButAcceptTrueFalse) {
  auto args = ParseArgs({"--reopen", "NAME", "--json=false"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  // A switch never swallows the next word.
  EXPECT_THAT(args->positional, ElementsAre("NAME"));
  EXPECT_TRUE(args->Switch("reopen"));
  EXPECT_TRUE(args->Has("json"));
  EXPECT_FALSE(args->Switch("json"));
  EXPECT_THAT(ParseError({"--json=yes"}).message(), HasSubstr("takes no value"));
}

TEST(ParseArgsTest, ValuesMayStartWithASingleDashOrBeEmpty) {
  auto args = ParseArgs({"--page-size", "-1", "--text=--literally", "--format="}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("page-size"), "-1");
  EXPECT_EQ(args->Get("text"), "--literally");
  EXPECT_TRUE(args->Has("format"));
  EXPECT_EQ(args->Get("format", "x"), "");
}

TEST(ParseArgsTest, DoubleDashEndsOptionsAndLoneDashIsPositional) {
  auto args = ParseArgs({"tracker", "import", "-", "--", "--json"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->positional, ElementsAre("tracker", "import", "-", "--json"));
  EXPECT_FALSE(args->Has("json"));
}

TEST(ParseArgsTest, RejectsBadInput) {
  EXPECT_THAT(ParseError({"--nope"}).message(), HasSubstr("unknown option --nope"));
  EXPECT_THAT(ParseError({"--nope=1"}).message(), HasSubstr("unknown option --nope"));
  EXPECT_THAT(ParseError({"-p", "x"}).message(), HasSubstr("unknown option -p"));
  EXPECT_THAT(ParseError({"--period"}).message(), HasSubstr("--period needs a value"));
  EXPECT_THAT(ParseError({"--period", "--json"}).message(), HasSubstr("--period needs a value"));
  EXPECT_THAT(ParseError({"--period=a", "--period", "b"}).message(), HasSubstr("given twice"));
  EXPECT_THAT(ParseError({"--=x"}).message(), HasSubstr("bad option"));
  EXPECT_TRUE(IsUsageError(ParseError({"--nope"})));
}

TEST(ParseArgsTest, ShortSwitchesOnlyWhereAnOptionCanBe) {
  auto args = ParseArgs({"items", "-h"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_TRUE(args->Switch("help"));
  // As the value of an option, "-h" is just text.
  args = ParseArgs({"--text", "-h"}, Spec());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("text"), "-h");
  EXPECT_FALSE(args->Has("help"));
  EXPECT_THAT(ParseError({"-h", "--help"}).message(), HasSubstr("given twice"));
  EXPECT_THAT(ParseError({"-x"}).message(), HasSubstr("unknown option -x"));
}

TEST(ParseArgsTest, EmptyCommandLine) {
  auto args = ParseArgs({}, Spec());
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(args->positional.empty());
  EXPECT_TRUE(args->options.empty());
}

TEST(ArgsTest, RequiredRejectsMissingAndEmpty) {
  auto args = ParseArgs({"--period="}, Spec());
  ASSERT_TRUE(args.ok());
  EXPECT_THAT(args->Required("period").status().message(), HasSubstr("--period is required"));
  EXPECT_THAT(args->Required("format").status().message(), HasSubstr("--format is required"));
  EXPECT_TRUE(IsUsageError(args->Required("format").status()));
}

TEST(CheckOptionsTest, NamesEveryUnexpectedOption) {
  auto args = ParseArgs({"--period=1", "--format=csv", "--json"}, Spec());
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(CheckOptions(*args, {"period", "format", "json"}).ok());
  absl::Status s = CheckOptions(*args, {"period"});
  EXPECT_TRUE(IsUsageError(s));
  EXPECT_THAT(s.message(), HasSubstr("--format, --json not accepted"));
}

TEST(UsageErrorTest, ServiceErrorsAreNotUsageErrors) {
  EXPECT_FALSE(IsUsageError(absl::InvalidArgumentError("plan_item.ref: bad")));
  EXPECT_FALSE(IsUsageError(absl::OkStatus()));
  absl::Status usage = UsageError("bad");
  EXPECT_EQ(usage.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(usage.message(), "bad");
}

}  // namespace
}  // namespace wp::wpctl
