#include "services/westos/rollups/report_builder.h"

#include <memory>

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

int32_t D(int m, int d) { return DayNumber(absl::CivilDay(2021, m, d)); }

ActivityRow Row(uint32_t user, uint8_t authority, uint32_t content, uint8_t action = 1) {
  ActivityRow row;
  row.user = user;
  row.dims.authority = authority;
  row.dims.role = 1;
  row.dims.sector = 3;
  row.dims.simd = 1 + user % 5;
  row.dims.content = content;
  row.action = action;
  row.seconds = 60;
  return row;
}

IndexedDay Day(int32_t day, const std::vector<ActivityRow>& rows) {
  return IndexedDay{day, std::make_shared<const DayIndex>(DayIndex::Build(rows))};
}

class ReportBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    content_[1] = {"maths-n5-1", "Mathematics", "National 5"};
    content_[2] = {"maths-h-1", "Mathematics", "Higher"};
    content_[3] = {"english-h-1", "English", "Higher"};
    // Monday 18 January to Tuesday 26 January 2021: ten people in Glasgow
    // (authority 3), three in Inverclyde (4).
    std::vector<ActivityRow> monday, tuesday, next_tuesday;
    for (uint32_t u = 1; u <= 10; ++u) monday.push_back(Row(u, 3, 1 + u % 3));
    for (uint32_t u = 5; u <= 12; ++u) tuesday.push_back(Row(u, u <= 10 ? 3 : 4, 2));
    for (uint32_t u = 11; u <= 13; ++u) next_tuesday.push_back(Row(u, 4, 3, /*play*/ 2));
    days_ = {Day(D(1, 18), monday), Day(D(1, 19), tuesday), Day(D(1, 26), next_tuesday)};
    spec_.from = D(1, 1);
    spec_.to = D(1, 31);
  }

  v1::UsageReport Build(size_t max_rows = 1000) {
    absl::StatusOr<v1::UsageReport> report = BuildReport(spec_, days_, content_, max_rows);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : v1::UsageReport{};
  }

  ContentCatalogue content_;
  std::vector<IndexedDay> days_;
  ReportSpec spec_;
};

TEST_F(ReportBuilderTest, TheTotalCountsEachPersonOnce) {
  const v1::UsageReport report = Build();
  EXPECT_EQ(report.total().distinct_users(), 13);
  EXPECT_EQ(report.total().views(), 18);
  EXPECT_EQ(report.total().plays(), 3);
  EXPECT_DOUBLE_EQ(report.total().minutes(), 21.0);
  EXPECT_EQ(report.rows_size(), 0);
}

TEST_F(ReportBuilderTest, WeeksByAuthorityKeepSmallSingleAuthorityRows) {
  spec_.period = PeriodKind::kIsoWeek;
  spec_.group_by = {v1::AUTHORITY};
  const v1::UsageReport report = Build();
  ASSERT_EQ(report.rows_size(), 3);
  EXPECT_EQ(report.rows(0).period_start().day(), 18);
  EXPECT_EQ(report.rows(0).keys(0), "GCC");
  EXPECT_EQ(report.rows(0).figures().distinct_users(), 10);
  EXPECT_EQ(report.rows(1).keys(0), "INV");
  EXPECT_EQ(report.rows(1).figures().distinct_users(), 2);  // one authority: not suppressed
  EXPECT_FALSE(report.rows(1).figures().suppressed());
  EXPECT_EQ(report.rows(2).period_start().day(), 25);
  EXPECT_EQ(report.rows(2).figures().distinct_users(), 3);
}

TEST_F(ReportBuilderTest, SmallRowsAcrossAuthoritiesAreSuppressed) {
  spec_.group_by = {v1::SUBJECT, v1::LEVEL};
  const v1::UsageReport report = Build();
  ASSERT_EQ(report.rows_size(), 3);
  EXPECT_EQ(report.rows(0).keys(0), "English");
  EXPECT_EQ(report.rows(0).figures().distinct_users(), 6);
  EXPECT_EQ(report.rows(1).keys(1), "Higher");
  EXPECT_EQ(report.rows(1).figures().distinct_users(), 10);
  // Mathematics at National 5: three people, in a row that spans every
  // authority, so every figure is hidden.
  EXPECT_EQ(report.rows(2).keys(0), "Mathematics");
  EXPECT_EQ(report.rows(2).keys(1), "National 5");
  EXPECT_TRUE(report.rows(2).figures().suppressed());
  EXPECT_EQ(report.rows(2).figures().views(), 0);
  EXPECT_EQ(report.rows(2).figures().distinct_users(), 0);
}

TEST_F(ReportBuilderTest, SubjectRowsUnionTheirContent) {
  spec_.group_by = {v1::SUBJECT};
  const v1::UsageReport report = Build();
  ASSERT_EQ(report.rows_size(), 2);
  EXPECT_EQ(report.rows(1).keys(0), "Mathematics");
  // Maths content 1 or 2 on the 18th (users with u % 3 != 2) and content 2 on the 19th (5..12).
  EXPECT_EQ(report.rows(1).figures().distinct_users(), 11);
}

TEST_F(ReportBuilderTest, TooManyRowsIsRefused) {
  spec_.period = PeriodKind::kDay;
  spec_.group_by = {v1::CONTENT};
  absl::StatusOr<v1::UsageReport> report = BuildReport(spec_, days_, content_, /*max_rows=*/2);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::westos
