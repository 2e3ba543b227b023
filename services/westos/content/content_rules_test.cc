#include "services/westos/content/content_rules.h"

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"

namespace wp::westos {
namespace {

const absl::CivilDay kToday(2021, 2, 10);

common::v1::Date D(int y, int m, int d) { return calendar::FromCivilDay(absl::CivilDay(y, m, d)); }

v1::ContentItem Item() {
  v1::ContentItem item;
  item.set_content_id("maths-h-01");
  item.set_title("Higher Maths: differentiation");
  item.set_subject(" Mathematics ");
  item.set_level("higher");
  item.set_sector(v1::SECONDARY);
  return item;
}

std::string ErrorOf(v1::ContentItem item) {
  absl::Status s = CompleteItem(item, kToday, "content_item.");
  return s.ok() ? "" : std::string(s.message());
}

TEST(ContentRulesTest, ANewItemIsCommissionedTodayWithItsLevelsName) {
  v1::ContentItem item = Item();
  ASSERT_TRUE(CompleteItem(item, kToday, "content_item.").ok());
  EXPECT_EQ(item.status(), v1::COMMISSIONED);
  EXPECT_EQ(item.subject(), "Mathematics");
  EXPECT_EQ(item.level(), "Higher");
  EXPECT_EQ(calendar::ToIsoText(item.commissioned_date()), "2021-02-10");
  EXPECT_FALSE(calendar::IsSet(item.uploaded_date()));
}

TEST(ContentRulesTest, AStatusPassedOverIsReachedTheDayOfTheNext) {
  v1::ContentItem item = Item();
  item.set_status(v1::PUBLISHED);
  *item.mutable_published_date() = D(2021, 1, 20);
  ASSERT_TRUE(CompleteItem(item, kToday, "").ok());
  EXPECT_EQ(calendar::ToIsoText(item.uploaded_date()), "2021-01-20");
  EXPECT_EQ(calendar::ToIsoText(item.commissioned_date()), "2021-01-20");

  v1::ContentItem uploaded = Item();
  uploaded.set_status(v1::UPLOADED);
  *uploaded.mutable_commissioned_date() = D(2020, 12, 1);
  ASSERT_TRUE(CompleteItem(uploaded, kToday, "").ok());
  EXPECT_EQ(calendar::ToIsoText(uploaded.uploaded_date()), "2021-02-10");
  EXPECT_EQ(calendar::ToIsoText(uploaded.commissioned_date()), "2020-12-01");
}

TEST(ContentRulesTest, EveryFieldIsChecked) {
  v1::ContentItem item = Item();
  item.set_content_id("");
  EXPECT_NE(ErrorOf(item).find("content_item.content_id: is required"), std::string::npos);
  item = Item();
  item.set_content_id(std::string(129, 'x'));
  EXPECT_NE(ErrorOf(item).find("content_item.content_id: is 129 bytes"), std::string::npos);
  item = Item();
  item.set_title("");
  EXPECT_NE(ErrorOf(item).find("content_item.title: is required"), std::string::npos);
  item = Item();
  item.set_title("two\nlines");
  EXPECT_NE(ErrorOf(item).find("content_item.title: holds a control character"), std::string::npos);
  item = Item();
  item.set_title(std::string(301, 't'));
  EXPECT_NE(ErrorOf(item).find("content_item.title: is 301 bytes"), std::string::npos);
  item = Item();
  item.set_subject("\xff");
  EXPECT_NE(ErrorOf(item).find("content_item.subject: is not UTF-8"), std::string::npos);
  item = Item();
  item.set_subject("  ");
  EXPECT_NE(ErrorOf(item).find("content_item.subject: is required"), std::string::npos);
  item = Item();
  item.set_level("S4");
  EXPECT_NE(ErrorOf(item).find("content_item.level: \"S4\" is not a level"), std::string::npos);
  item = Item();
  item.set_sector(static_cast<v1::Sector>(9));
  EXPECT_NE(ErrorOf(item).find("content_item.sector: 9 is not a sector"), std::string::npos);
  item = Item();
  item.set_status(static_cast<v1::ContentStatus>(7));
  EXPECT_NE(ErrorOf(item).find("content_item.status: 7 is not a status"), std::string::npos);
}

TEST(ContentRulesTest, DatesAreRealPastInOrderAndOnlyForStatusesReached) {
  v1::ContentItem item = Item();
  item.mutable_commissioned_date()->set_year(2021);
  item.mutable_commissioned_date()->set_month(2);
  item.mutable_commissioned_date()->set_day(30);
  EXPECT_NE(ErrorOf(item).find("content_item.commissioned_date"), std::string::npos);
  EXPECT_EQ(ErrorOf(item).find("after today"), std::string::npos);

  item = Item();
  *item.mutable_commissioned_date() = D(2021, 2, 11);
  EXPECT_NE(ErrorOf(item).find("content_item.commissioned_date: 2021-02-11 is after today (2021-02-10)"),
            std::string::npos);
  item = Item();
  *item.mutable_commissioned_date() = D(2021, 2, 10);
  EXPECT_EQ(ErrorOf(item), "");  // today itself is fine

  item = Item();
  *item.mutable_published_date() = D(2021, 1, 1);
  EXPECT_NE(ErrorOf(item).find("content_item.published_date: is set, but the status is COMMISSIONED"),
            std::string::npos);

  item = Item();
  item.set_status(v1::PUBLISHED);
  *item.mutable_uploaded_date() = D(2021, 1, 20);
  *item.mutable_published_date() = D(2021, 1, 19);
  EXPECT_NE(ErrorOf(item).find("content_item.published_date: 2021-01-19 is before the uploaded_date (2021-01-20)"),
            std::string::npos);
}

TEST(ContentRulesTest, StatusOnlyMovesForward) {
  EXPECT_TRUE(CheckStatusMove(v1::COMMISSIONED, v1::PUBLISHED, "status").ok());
  EXPECT_TRUE(CheckStatusMove(v1::UPLOADED, v1::UPLOADED, "status").ok());
  absl::Status back = CheckStatusMove(v1::PUBLISHED, v1::UPLOADED, "status");
  EXPECT_EQ(back.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(back.message().find("cannot go back from PUBLISHED to UPLOADED"), absl::string_view::npos);
}

}  // namespace
}  // namespace wp::westos
