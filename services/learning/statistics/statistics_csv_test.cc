#include "services/learning/statistics/statistics_csv.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"

namespace wp::learning {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The column of `heading` in the header row.
size_t Column(const Rows& rows, const std::string& heading) {
  for (size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == heading) return i;
  }
  ADD_FAILURE() << "no column " << heading;
  return 0;
}

v1::Figures SomeFigures() {
  v1::Figures f;
  f.set_events(2);
  f.set_registered(29);
  f.set_attended(26);
  f.set_attendance_percent(89.7);
  f.set_response_percent(100);
  f.set_mean_knowledge_change(1.2);
  f.set_mean_confidence_change(-0.0);
  f.set_practitioner_population(19000);
  return f;
}

TEST(StatisticsCsvTest, EveryFigureHasAHeadingInWords) {
  EXPECT_EQ(FigureHeadings().size(), static_cast<size_t>(v1::Figures::descriptor()->field_count()))
      << "a figure was added to statistics.proto: give it a column in statistics_csv.cc";
  Rows rows = StatisticsRows(v1::GetStatisticsRequest(), v1::Statistics());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "Practitioners");
  EXPECT_EQ(rows[0][3], "Registered");
  EXPECT_EQ(rows[0][4], "Attended");
  EXPECT_EQ(rows[0][6], "Attendance %");
  for (const std::vector<std::string>& row : rows) EXPECT_EQ(row.size(), rows[0].size());
}

TEST(StatisticsCsvTest, TotalsThenOneRowPerKeyAndSuppressedOnesEmpty) {
  v1::GetStatisticsRequest query;
  query.set_programme("programmes/improving-our-classrooms");
  query.set_split(v1::BY_AUTHORITY);
  *query.mutable_from() = test_support::Day(2025, 8, 1);
  v1::Statistics statistics;
  *statistics.mutable_totals() = SomeFigures();
  statistics.set_population_session("2025-26");
  statistics.add_population_missing("INV");
  statistics.add_population_missing("WDC");
  v1::SplitFigures* gcc = statistics.add_splits();
  gcc->set_key("GCC");
  *gcc->mutable_figures() = SomeFigures();
  v1::SplitFigures* inv = statistics.add_splits();
  inv->set_key("INV");
  inv->set_suppressed(true);

  Rows rows = StatisticsRows(query, statistics);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "Authority");
  EXPECT_EQ(rows[1][0], "All");
  EXPECT_EQ(rows[2][0], "Glasgow City");
  EXPECT_EQ(rows[3][0], "Inverclyde");
  EXPECT_EQ(rows[1][Column(rows, "Registered")], "29");
  EXPECT_EQ(rows[1][Column(rows, "Attendance %")], "89.7");
  EXPECT_EQ(rows[1][Column(rows, "Response %")], "100.0");
  EXPECT_EQ(rows[1][Column(rows, "Mean knowledge change")], "1.20");
  EXPECT_EQ(rows[1][Column(rows, "Mean confidence change")], "0.00") << "no negative zero";
  EXPECT_EQ(rows[1][Column(rows, "Practitioner population")], "19000");
  EXPECT_EQ(rows[1][Column(rows, "Note")], "");
  EXPECT_EQ(rows[2][Column(rows, "Attended")], "26");
  // The suppressed split: its key, no figures, the note.
  EXPECT_EQ(rows[3][Column(rows, "Note")], "suppressed");
  for (const std::string& heading : FigureHeadings()) EXPECT_EQ(rows[3][Column(rows, heading)], "") << heading;
  // The scope on every row.
  for (size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r][Column(rows, "Scope")], "programmes/improving-our-classrooms");
    EXPECT_EQ(rows[r][Column(rows, "Authority filter")], "All authorities");
    EXPECT_EQ(rows[r][Column(rows, "From")], "2025-08-01");
    EXPECT_EQ(rows[r][Column(rows, "To")], "");
    EXPECT_EQ(rows[r][Column(rows, "Population session")], "2025-26");
    EXPECT_EQ(rows[r][Column(rows, "Population missing")], "INV WDC");
  }
}

TEST(StatisticsCsvTest, KeysInWords) {
  v1::GetStatisticsRequest query;
  query.set_split(v1::BY_ROLE);
  query.set_authority("REN");
  v1::Statistics statistics;
  statistics.add_splits()->set_key("DEPUTY_HEADTEACHER");
  statistics.add_splits()->set_key("");
  Rows rows = StatisticsRows(query, statistics);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "Role");
  EXPECT_EQ(rows[2][0], "Deputy headteacher");
  EXPECT_EQ(rows[3][0], "(none)");
  EXPECT_EQ(rows[1][Column(rows, "Scope")], "All events");
  EXPECT_EQ(rows[1][Column(rows, "Authority filter")], "Renfrewshire");

  query.set_split(v1::BY_ESTABLISHMENT);
  statistics.mutable_splits(0)->set_key("=cmd|' /C calc'!A0");
  rows = StatisticsRows(query, statistics);
  EXPECT_EQ(rows[0][0], "Establishment");
  EXPECT_EQ(rows[2][0], "'=cmd|' /C calc'!A0") << "free text is never run as a formula";
}

}  // namespace
}  // namespace wp::learning
