#include "tools/wpctl/values.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseStatusTest, AcceptsEverySpelling) {
  for (const char* text : {"on_track", "ON_TRACK", "on-track", "On Track", " on_track "}) {
    auto status = ParseStatus(text);
    ASSERT_TRUE(status.ok()) << text;
    EXPECT_EQ(*status, v1::ON_TRACK) << text;
  }
  EXPECT_EQ(*ParseStatus("not-started"), v1::NOT_STARTED);
  EXPECT_EQ(*ParseStatus("COMPLETE"), v1::COMPLETE);
  EXPECT_EQ(*ParseStatus("superseded"), v1::SUPERSEDED);
}

TEST(ParseStatusTest, RejectsUnknownWords) {
  for (const char* text : {"", "done", "ontrack", "plan_item_status_unspecified", "unspecified", "2"}) {
    auto status = ParseStatus(text);
    EXPECT_FALSE(status.ok()) << text;
    EXPECT_TRUE(IsUsageError(status.status())) << text;
  }
  EXPECT_THAT(ParseStatus("done").status().message(), HasSubstr("not_started, on_track"));
}

TEST(ParseStatusListTest, SplitsDropsDuplicatesAndRejectsEmpties) {
  EXPECT_THAT(*ParseStatusList("on_track,complete"), ElementsAre(v1::ON_TRACK, v1::COMPLETE));
  EXPECT_THAT(*ParseStatusList("complete, ON-TRACK,complete"),
              ElementsAre(v1::COMPLETE, v1::ON_TRACK));
  EXPECT_THAT(ParseStatusList("").status().message(), HasSubstr("empty status"));
  EXPECT_THAT(ParseStatusList("on_track,,complete").status().message(), HasSubstr("empty status"));
  EXPECT_THAT(ParseStatusList("on_track,").status().message(), HasSubstr("empty status"));
  EXPECT_THAT(ParseStatusList("on_track,late").status().message(), HasSubstr("\"late\""));
}

TEST(StatusWordTest, ReadsLikeEnglish) {
  EXPECT_EQ(StatusWord(v1::NOT_STARTED), "not started");
  EXPECT_EQ(StatusWord(v1::ON_TRACK), "on track");
  EXPECT_EQ(StatusWord(v1::PLAN_ITEM_STATUS_UNSPECIFIED), "unspecified");
  EXPECT_EQ(StatusWord(static_cast<v1::PlanItemStatus>(99)), "unspecified");
}

TEST(ParseTableFormatTest, CsvAndTsvOnly) {
  EXPECT_EQ(*ParseTableFormat("csv"), v1::CSV);
  EXPECT_EQ(*ParseTableFormat("TSV"), v1::TSV);
  EXPECT_FALSE(ParseTableFormat("xlsx").ok());
  EXPECT_FALSE(ParseTableFormat("").ok());
}

TEST(ParseDateTest, FullDates) {
  auto date = ParseDate("2019-03-31", false);
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2019);
  EXPECT_EQ(date->month(), 3);
  EXPECT_EQ(date->day(), 31);
  EXPECT_TRUE(ParseDate("2020-02-29", false).ok());
}

TEST(ParseDateTest, RejectsBadDates) {
  for (const char* text : {"", "2019-02-30", "2019-02-29", "2019-13-01", "2019-00-10", "19-03-31",
                           "2019/03/31", "31-03-2019", "2019-3-31", "2019-03-31x", "1800-01-01",
                           "2019-03", "2019-03-00", "soon", "+d", "14x", "++3d", "+99999d", "32/12/2026",
                           "3/12/26", "03/12", "1/2/3/2026", "Dec", "Decem 2026", "13/13/2026"}) {
    auto date = ParseDate(text, false);
    EXPECT_FALSE(date.ok()) << text;
    EXPECT_TRUE(IsUsageError(date.status())) << text;
  }
}

TEST(ParseDateTest, MonthOnlyWhenAllowed) {
  auto month = ParseDate("2018-12", true);
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->month(), 12);
  EXPECT_EQ(month->day(), 0);
  EXPECT_TRUE(ParseDate("2018-12-05", true).ok());
  EXPECT_FALSE(ParseDate("2018-13", true).ok());
  // Day 0 is spelt by leaving the day out, not as "00".
  EXPECT_FALSE(ParseDate("2018-12-00", true).ok());
}

// A fixed "today" so relative dates are deterministic: Thursday 3 December 2026.
constexpr absl::CivilDay kToday(2026, 12, 3);

std::string Iso(const absl::StatusOr<common::v1::Date>& date) {
  return date.ok() ? DateText(*date) : std::string(date.status().message());
}

TEST(ParseDateTest, UkAndIsoAndWords) {
  EXPECT_EQ(Iso(ParseDate("2026-12-03", false, kToday)), "2026-12-03");
  EXPECT_EQ(Iso(ParseDate("03/12/2026", false, kToday)), "2026-12-03");
  EXPECT_EQ(Iso(ParseDate("3/2/2027", false, kToday)), "2027-02-03");
  EXPECT_EQ(Iso(ParseDate(" Today ", false, kToday)), "2026-12-03");
  EXPECT_EQ(Iso(ParseDate("yesterday", false, kToday)), "2026-12-02");
  EXPECT_EQ(Iso(ParseDate("TOMORROW", false, kToday)), "2026-12-04");
}

TEST(ParseDateTest, RelativeToToday) {
  EXPECT_EQ(Iso(ParseDate("+14d", false, kToday)), "2026-12-17");
  EXPECT_EQ(Iso(ParseDate("14d", false, kToday)), "2026-12-17");
  EXPECT_EQ(Iso(ParseDate("-4w", false, kToday)), "2026-11-05");
  EXPECT_EQ(Iso(ParseDate("+2m", false, kToday)), "2027-02-03");
  EXPECT_EQ(Iso(ParseDate("-12m", false, kToday)), "2025-12-03");
  // A month on from 31 January is February's last day.
  EXPECT_EQ(Iso(ParseDate("+1m", false, absl::CivilDay(2027, 1, 31))), "2027-02-28");
  EXPECT_EQ(Iso(ParseDate("+1m", false, absl::CivilDay(2028, 1, 31))), "2028-02-29");
}

TEST(ParseDateTest, MonthsInWords) {
  for (const char* text : {"2026-12", "Dec 2026", "december 2026", "DECEMBER  2026"}) {
    EXPECT_EQ(Iso(ParseDate(text, true, kToday)), "2026-12") << text;
  }
  EXPECT_EQ(Iso(ParseDate("Sept 2027", true, kToday)), "2027-09");
  EXPECT_THAT(ParseDate("Dec 2026", false, kToday).status().message(), HasSubstr("a day is needed"));
}

TEST(ParseDateTest, ErrorsListTheForms) {
  auto date = ParseDate("next week", false, kToday);
  ASSERT_FALSE(date.ok());
  EXPECT_TRUE(IsUsageError(date.status()));
  EXPECT_THAT(date.status().message(), HasSubstr("03/12/2026"));
  EXPECT_THAT(date.status().message(), HasSubstr("+14d"));
  EXPECT_THAT(date.status().message(), Not(HasSubstr("Dec 2026")));
  EXPECT_THAT(ParseDate("31/02/2026", true, kToday).status().message(), HasSubstr("Dec 2026"));
}

TEST(DateOptionTest, NamesTheOption) {
  Args args;
  args.options["from"] = "someday";
  auto date = DateOption(args, "from", false);
  ASSERT_FALSE(date.ok());
  EXPECT_THAT(date.status().message(), HasSubstr("--from: \"someday\" is not a date"));
  args.options["from"] = "today";
  ASSERT_TRUE(DateOption(args, "from", false).ok());
}

TEST(AuthorityOptionTest, CodesOrNamesAsCodes) {
  Args args;
  EXPECT_FALSE(AuthorityOption(args, "authority")->has_value());
  EXPECT_TRUE(AuthorityListOption(args, "authority")->empty());
  args.options["authority"] = "glasgow";
  EXPECT_EQ(**AuthorityOption(args, "authority"), "GCC");
  args.options["authority"] = "Glasgow City, edc,East Renfrewshire,GCC";
  EXPECT_THAT(*AuthorityListOption(args, "authority"), ElementsAre("GCC", "EDC", "ERC"));
  args.options["authority"] = "GCC,Atlantis";
  auto codes = AuthorityListOption(args, "authority");
  ASSERT_FALSE(codes.ok());
  EXPECT_TRUE(IsUsageError(codes.status()));
  EXPECT_THAT(codes.status().message(), HasSubstr("--authority: \"Atlantis\""));
  EXPECT_THAT(codes.status().message(), HasSubstr("INV (Inverclyde)"));
  args.options["authority"] = " , ";
  EXPECT_FALSE(AuthorityListOption(args, "authority").ok());
  EXPECT_FALSE(AuthorityOption(args, "authority").ok());
}

TEST(ParseIntTest, Bounds) {
  EXPECT_EQ(*ParseInt("1", 1, 99), 1);
  EXPECT_EQ(*ParseInt("99", 1, 99), 99);
  for (const char* text : {"0", "100", "-1", "", "abc", "1.5", "99999999999"}) {
    EXPECT_FALSE(ParseInt(text, 1, 99).ok()) << text;
  }
}

TEST(OptionsTest, AbsentOptionsAreEmptyAndErrorsNameTheOption) {
  OptionSpec spec;
  spec.valued = {"as-of", "page-size", "format", "status"};
  auto none = ParseArgs({}, spec);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(DateOption(*none, "as-of", false)->has_value());
  EXPECT_FALSE(IntOption(*none, "page-size", 1, 1000)->has_value());
  EXPECT_EQ(*TableFormatOption(*none, "format"), v1::TABLE_FORMAT_UNSPECIFIED);
  EXPECT_TRUE(StatusListOption(*none, "status")->empty());

  auto bad = ParseArgs({"--as-of=2019-02-30", "--page-size=0", "--format=pdf", "--status=x"}, spec);
  ASSERT_TRUE(bad.ok());
  EXPECT_THAT(DateOption(*bad, "as-of", false).status().message(), HasSubstr("--as-of: "));
  EXPECT_THAT(IntOption(*bad, "page-size", 1, 1000).status().message(), HasSubstr("--page-size: "));
  EXPECT_THAT(TableFormatOption(*bad, "format").status().message(), HasSubstr("--format: "));
  EXPECT_THAT(StatusListOption(*bad, "status").status().message(), HasSubstr("--status: "));
  EXPECT_TRUE(IsUsageError(DateOption(*bad, "as-of", false).status()));

  auto good = ParseArgs({"--as-of=2019-03-31", "--page-size=50"}, spec);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ((*DateOption(*good, "as-of", false))->day(), 31);
  EXPECT_EQ(**IntOption(*good, "page-size", 1, 1000), 50);
}

TEST(ParseAmountTest, PoundsAsPeopleWriteThem) {
  EXPECT_EQ(*ParseAmount("1234"), 123400);
  EXPECT_EQ(*ParseAmount("1234.5"), 123450);
  EXPECT_EQ(*ParseAmount("1,234.50"), 123450);
  EXPECT_EQ(*ParseAmount("£1,234.50"), 123450);
  EXPECT_EQ(*ParseAmount(" 0.07 "), 7);
  EXPECT_EQ(*ParseAmount("0"), 0);
}

TEST(ParseAmountTest, RejectsWhatIsNotExactPounds) {
  for (const char* bad : {"", "-5", "£-5", "1.234", "12,34", "01", "ten", "1e3", "99999999999999999999"}) {
    auto pence = ParseAmount(bad);
    EXPECT_FALSE(pence.ok()) << bad;
    EXPECT_TRUE(IsUsageError(pence.status())) << bad;
    EXPECT_THAT(pence.status().message(), HasSubstr("£1,234.50")) << bad;
  }
  // The money parser says what is wrong.
  EXPECT_THAT(ParseAmount("12,34").status().message(), HasSubstr("misplaced commas"));
  EXPECT_THAT(ParseAmount("1.234").status().message(), HasSubstr("two decimal places"));
}

TEST(AmountOptionTest, AbsentOrNamedInErrors) {
  Args args;
  EXPECT_FALSE(AmountOption(args, "amount")->has_value());
  args.options["amount"] = "£12.50";
  EXPECT_EQ(**AmountOption(args, "amount"), 1250);
  args.options["amount"] = "12.5.0";
  EXPECT_THAT(AmountOption(args, "amount").status().message(), HasSubstr("--amount: "));
}

}  // namespace
}  // namespace wp::wpctl
