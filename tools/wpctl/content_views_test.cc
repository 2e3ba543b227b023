#include "tools/wpctl/content_views.h"

#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

TEST(ContentViewsTest, StatusWordsParseOrNameTheOption) {
  EXPECT_EQ(*ParseContentStatus(" Published "), content::PUBLISHED);
  EXPECT_EQ(*ParseContentStatus("commissioned"), content::COMMISSIONED);
  EXPECT_NE(ParseContentStatus("archived").status().message().find("--status"), std::string::npos);
  EXPECT_FALSE(ParseContentStatus("content_status_unspecified").ok());
}

TEST(ContentViewsTest, AnItemShowsItsFieldsAndListsOneLineEach) {
  content::ContentItem item;
  item.set_content_id("maths-h-01");
  item.set_title("Higher Maths: differentiation");
  item.set_subject("Mathematics");
  item.set_level("Higher");
  item.set_status(content::PUBLISHED);
  item.mutable_published_date()->set_year(2021);
  item.mutable_published_date()->set_month(1);
  item.mutable_published_date()->set_day(15);
  const std::string shown = ContentItemText(item);
  EXPECT_NE(shown.find("published"), std::string::npos) << shown;
  EXPECT_NE(shown.find("2021-01-15"), std::string::npos) << shown;
  google::protobuf::RepeatedPtrField<content::ContentItem> items;
  *items.Add() = item;
  const std::string list = ContentListText(items);
  EXPECT_NE(list.find("maths-h-01  published  Mathematics  Higher"), std::string::npos) << list;
  EXPECT_EQ(ContentListText({}), "no content items\n");
}

TEST(ContentViewsTest, ImportListsRejectedRowsThenCounts) {
  content::ImportContentItemsResponse response;
  content::ContentImportRow* ok = response.add_rows();
  ok->set_line(2);
  ok->set_outcome(content::ContentImportRow::CREATED);
  content::ContentImportRow* bad = response.add_rows();
  bad->set_line(3);
  bad->set_content_id("bad-1");
  bad->set_outcome(content::ContentImportRow::REJECTED);
  bad->set_field("level");
  bad->set_reason("\"P7\" is not a level");
  response.set_created(1);
  response.set_rejected(1);
  EXPECT_EQ(ContentImportText(response),
            "line 3 (bad-1): level: \"P7\" is not a level\n"
            "created 1, updated 0, unchanged 0, rejected 1\n");
}

TEST(ContentViewsTest, TheReportShowsStatesFiguresAndWhy) {
  content::CoverageReport report;
  report.mutable_as_of()->set_year(2021);
  report.mutable_as_of()->set_month(2);
  report.mutable_as_of()->set_day(10);
  report.set_at_risk_days(28);
  content::TargetCoverage* t = report.add_targets();
  t->mutable_target()->set_target_id("biology");
  t->mutable_target()->set_subject("Biology");
  t->mutable_target()->set_min_published(1);
  *t->mutable_target()->mutable_deadline() = report.as_of();
  t->set_state(content::AT_RISK);
  t->mutable_counts()->set_commissioned(2);
  t->set_reason("0 of 1 needed uploaded or published, 0 days before the deadline 2021-02-10");
  report.set_at_risk(1);
  const std::string text = CoverageReportText(report);
  EXPECT_NE(text.find("coverage as of 2021-02-10 (at risk within 28 days)"), std::string::npos) << text;
  EXPECT_NE(text.find("at risk  biology  Biology  any"), std::string::npos) << text;
  EXPECT_NE(text.find("0/1"), std::string::npos) << text;
  EXPECT_NE(text.find("met 0, late 0, at risk 1, on track 0"), std::string::npos) << text;
  EXPECT_NE(text.find("biology: 0 of 1 needed"), std::string::npos) << text;

  google::protobuf::RepeatedPtrField<content::CoverageTarget> targets;
  *targets.Add() = t->target();
  EXPECT_NE(CoverageTargetsText(targets).find("biology  Biology  any    any"), std::string::npos)
      << CoverageTargetsText(targets);
}

}  // namespace
}  // namespace wp::wpctl
