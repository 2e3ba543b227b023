#include "tools/wpctl/usage_views.h"

#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

TEST(UsageViewsTest, ParsesDimensionsAndPeriodsOrNamesTheOption) {
  auto dims = ParseDimensions("authority, Role", "by");
  ASSERT_TRUE(dims.ok()) << dims.status();
  EXPECT_EQ(*dims, (std::vector<usage::Dimension>{usage::AUTHORITY, usage::ROLE}));
  EXPECT_NE(ParseDimensions("school", "by").status().message().find("--by"), std::string::npos);
  EXPECT_EQ(*ParsePeriod("Fortnight"), usage::FORTNIGHT);
  EXPECT_EQ(*ParsePeriod("week"), usage::ISO_WEEK);
  EXPECT_FALSE(ParsePeriod("year").ok());
  EXPECT_EQ(*ParseUserRole("Teacher"), usage::TEACHER);
  EXPECT_EQ(*ParseSectorWord("early years"), usage::EARLY_YEARS);
  EXPECT_FALSE(ParseSectorWord("college").ok());
}

TEST(UsageViewsTest, TheReportShowsRowsATotalAndWithheldFigures) {
  usage::UsageReport report;
  report.mutable_total()->set_distinct_users(1234);
  report.mutable_total()->set_views(5000);
  report.mutable_total()->set_minutes(90.4);
  usage::UsageRow* row = report.add_rows();
  row->mutable_period_start()->set_year(2021);
  row->mutable_period_start()->set_month(1);
  row->mutable_period_start()->set_day(18);
  row->add_keys("GCC");
  row->mutable_figures()->set_distinct_users(1230);
  usage::UsageRow* small = report.add_rows();
  *small->mutable_period_start() = row->period_start();
  small->add_keys("INV");
  small->mutable_figures()->set_suppressed(true);
  const std::string text = UsageReportText(report, {usage::AUTHORITY}, /*has_period=*/true);
  EXPECT_NE(text.find("2021-01-18  GCC"), std::string::npos) << text;
  EXPECT_NE(text.find("1,230"), std::string::npos) << text;
  EXPECT_NE(text.find("<5"), std::string::npos) << text;
  EXPECT_NE(text.find("total"), std::string::npos) << text;
  EXPECT_NE(text.find("1,234"), std::string::npos) << text;
  EXPECT_NE(text.find("figures withheld"), std::string::npos) << text;
}

TEST(UsageViewsTest, ImportLinesCarryCountsRateAndTheRowAtFault) {
  usage::ImportUsageCsvProgress progress;
  progress.set_rows(120000);
  progress.mutable_totals()->set_accepted(119500);
  progress.mutable_totals()->set_rejected(100);
  EXPECT_EQ(CsvProgressText(progress, 2.0),
            "read 120,000 rows: accepted 119,500, duplicates 0, conflicts 0, rejected 100 (60,000 rows/s)");
  usage::CsvRowProblem problem;
  problem.set_line(14);
  problem.set_event_id("ev-9");
  problem.set_outcome(usage::REJECTED);
  problem.set_field("role");
  problem.set_reason("\"pupil\" is not one of learner, teacher, other");
  EXPECT_EQ(CsvProblemText(problem), "line 14 (event ev-9): rejected: role: \"pupil\" is not one of learner, teacher, other");
}

TEST(UsageViewsTest, StatementLinesNameTheStatementFieldAndReason) {
  usage::StatementResult result;
  result.set_index(3);
  result.set_statement_id("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  result.set_outcome(usage::REJECTED);
  result.set_field("verb.id");
  result.set_reason("unknown verb \"https://x.example/poked\";\nadd it");
  EXPECT_EQ(StatementResultText(result),
            "statement 3 (6690e6c9-3ef0-4ed3-8b37-7f3964730bee): rejected: verb.id: unknown verb "
            "\"https://x.example/poked\"; add it");
  usage::SendStatementsResponse response;
  response.mutable_totals()->set_accepted(1200);
  response.mutable_totals()->set_rejected(1);
  response.set_unknown_verbs(1);
  response.set_voided(2);
  EXPECT_EQ(StatementTotalsText(response),
            "statements: accepted 1,200, duplicates 0, conflicts 0, rejected 1 (unknown verbs 1); voided 2");
}

TEST(UsageViewsTest, PurgeSaysWhatWentOrWouldGo) {
  usage::PurgeEventsResponse response;
  EXPECT_EQ(PurgeText(response), "nothing to purge\n");
  response.set_days(5);
  response.set_events(1200);
  response.set_users(40);
  response.mutable_first_day()->set_year(2021);
  response.mutable_first_day()->set_month(1);
  response.mutable_first_day()->set_day(14);
  response.mutable_last_day()->set_year(2021);
  response.mutable_last_day()->set_month(1);
  response.mutable_last_day()->set_day(18);
  EXPECT_EQ(PurgeText(response),
            "purged 1,200 events of 40 people on 5 days (2021-01-14 to 2021-01-18); figures unchanged\n");
  response.set_dry_run(true);
  EXPECT_EQ(PurgeText(response),
            "would purge 1,200 events of 40 people on 5 days (2021-01-14 to 2021-01-18); figures would not change\n");
}

}  // namespace
}  // namespace wp::wpctl
