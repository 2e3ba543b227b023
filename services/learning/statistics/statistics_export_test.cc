#include "services/learning/statistics/statistics_export.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "libs/table/table_text.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

// One past event: six GCC practitioners attend, one from Inverclyde (a
// split of one, suppressed).
class StatisticsExportTest : public testing::LearningFixture {
 protected:
  void SetUp() override {
    LearningFixture::SetUp();
    MakeEvent("e1", -absl::Hours(3), 10);
    std::vector<std::string> ids = {"G1", "G2", "G3", "G4", "G5", "G6", "I1"};
    for (const std::string& id : ids) MakePractitioner(id, id[0] == 'G' ? "GCC" : "INV");
    RegisterAndAttend("e1", ids, ids, now_ - absl::Hours(100));
  }

  absl::StatusOr<v1::ExportStatisticsResponse> Export(const v1::ExportStatisticsRequest& request) {
    LearningStatistics statistics(*db_);
    CachedStatistics cached(statistics, /*cache=*/nullptr, generation_, "test");
    return ExportStatistics(cached, request, absl::ToCivilDay(now_, absl::UTCTimeZone()));
  }

  cache::DataGeneration generation_;
};

TEST_P(StatisticsExportTest, TheFiguresOfGetStatisticsAsASpreadsheet) {
  v1::ExportStatisticsRequest request;
  request.mutable_query()->set_event("events/e1");
  request.mutable_query()->set_split(v1::BY_AUTHORITY);
  absl::StatusOr<v1::ExportStatisticsResponse> file = Export(request);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->content_type(), "text/csv; charset=utf-8");
  ASSERT_TRUE(absl::StartsWith(file->content(), table::kUtf8Bom)) << "Excel needs it to show accents";
  auto rows = table::ParseTable(file->content(), table::Format::kCsv);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].cells[0], "Authority");
  EXPECT_EQ((*rows)[0].cells[3], "Registered");
  EXPECT_EQ((*rows)[1].cells[0], "All");
  EXPECT_EQ((*rows)[1].cells[3], "7");
  EXPECT_EQ((*rows)[1].cells[4], "7");
  EXPECT_EQ((*rows)[2].cells[0], "Glasgow City");
  EXPECT_EQ((*rows)[2].cells[4], "6");
  EXPECT_EQ((*rows)[3].cells[0], "Inverclyde");
  EXPECT_EQ((*rows)[3].cells[4], "") << "a split of one is suppressed";
  EXPECT_NE(std::find((*rows)[3].cells.begin(), (*rows)[3].cells.end(), "suppressed"), (*rows)[3].cells.end());

  request.set_format(v1::TSV);
  file = Export(request);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->content_type(), "text/tab-separated-values; charset=utf-8");
  EXPECT_NE(file->content().find("All\t1\t0\t7\t7\t"), std::string::npos) << file->content();
}

TEST_P(StatisticsExportTest, NoQueryIsEveryEventsTotals) {
  absl::StatusOr<v1::ExportStatisticsResponse> file = Export(v1::ExportStatisticsRequest());
  ASSERT_TRUE(file.ok()) << file.status();
  auto rows = table::ParseTable(file->content(), table::Format::kCsv);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].cells[3], "7");
}

TEST_P(StatisticsExportTest, BadInputNamesTheField) {
  v1::ExportStatisticsRequest request;
  request.set_format(static_cast<v1::TableFormat>(9));
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"format"});
  request.set_format(v1::CSV);
  request.mutable_query()->set_event("event/e1");
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.event"});
  request.mutable_query()->set_event("events/e1");
  request.mutable_query()->set_programme("programmes/prog");
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.event"});
  request.mutable_query()->clear_event();
  request.mutable_query()->set_programme("programme/prog");
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.programme"});
  request.mutable_query()->clear_programme();
  request.mutable_query()->set_workstream("workstreams/2");
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.workstream"});
  request.mutable_query()->clear_workstream();
  request.mutable_query()->set_authority("GLA");
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.authority"});
  request.mutable_query()->clear_authority();
  *request.mutable_query()->mutable_from() = test_support::Day(2026, 2, 30);
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.from.day"});
  *request.mutable_query()->mutable_from() = test_support::Day(2026, 3, 2);
  *request.mutable_query()->mutable_to() = test_support::Day(2026, 3, 1);
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.from"});
  *request.mutable_query()->mutable_to() = test_support::Day(2026, 13, 1);
  EXPECT_EQ(FieldsOf(Export(request).status()), std::vector<std::string>{"query.to.month"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(StatisticsExportTest);

}  // namespace
}  // namespace wp::learning
