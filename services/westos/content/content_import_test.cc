// Bulk cataloguing from CSV on either store engine: every row answered on
// its own, a bad row never costing the good ones, a re-import unchanged.
#include "services/westos/content/content_import.h"

#include <memory>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/content/content_items.h"
#include "services/westos/migrations.h"

namespace wp::westos {
namespace {

using Row = v1::ContentImportRow;
const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 2, 10, 12, 0, 0), absl::UTCTimeZone());

class ContentImportTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    import_ = std::make_unique<ContentImport>(*db_);
    items_ = std::make_unique<ContentItems>(*db_);
  }

  absl::StatusOr<v1::ImportContentItemsResponse> Import(const std::string& csv) {
    v1::ImportContentItemsRequest request;
    request.set_content(csv);
    return import_->Import(caller_, request, kNow);
  }

  v1::ContentItem Get(const std::string& id) {
    v1::GetContentItemRequest request;
    request.set_content_id(id);
    absl::StatusOr<v1::ContentItem> item = items_->Get(request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::ContentItem{};
  }

  server::Caller caller_{"officer-1", "trace-1", "", "officer", {}, "/wp.westos.v1.ContentService/ImportContentItems"};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<ContentImport> import_;
  std::unique_ptr<ContentItems> items_;
};

constexpr char kFile[] =
    "Content_ID,Title,Subject,Level,Status,Sector,Published_Date,Notes\n"
    "maths-h-01,Higher Maths 1,Mathematics,Higher,published,secondary,2021-01-15,first\n"
    "maths-h-02,\"Higher Maths 2, part one\",Mathematics,H,uploaded,secondary,,\n"
    "eng-n5-01,National 5 English,English,N5,commissioned,,,\n";

TEST_P(ContentImportTest, RowsAreCreatedThenUnchangedThenUpdated) {
  absl::StatusOr<v1::ImportContentItemsResponse> first = Import(kFile);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created(), 3);
  EXPECT_EQ(first->rejected(), 0);
  ASSERT_EQ(first->rows_size(), 3);
  EXPECT_EQ(first->rows(1).line(), 3);
  EXPECT_EQ(first->rows(1).content_id(), "maths-h-02");
  ASSERT_EQ(first->ignored_columns_size(), 1);
  EXPECT_EQ(first->ignored_columns(0), "Notes");
  const v1::ContentItem h1 = Get("maths-h-01");
  EXPECT_EQ(h1.status(), v1::PUBLISHED);
  EXPECT_EQ(calendar::ToIsoText(h1.published_date()), "2021-01-15");
  EXPECT_EQ(h1.sector(), v1::SECONDARY);
  EXPECT_EQ(Get("maths-h-02").title(), "Higher Maths 2, part one");
  EXPECT_EQ(Get("eng-n5-01").level(), "National 5");

  absl::StatusOr<v1::ImportContentItemsResponse> again = Import(kFile);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged(), 3);

  absl::StatusOr<v1::ImportContentItemsResponse> moved =
      Import("content_id,title,subject,level,status,published_date\n"
             "eng-n5-01,National 5 English,English,National 5,published,\n");
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->updated(), 1);
  const v1::ContentItem eng = Get("eng-n5-01");
  EXPECT_EQ(eng.status(), v1::PUBLISHED);
  EXPECT_EQ(calendar::ToIsoText(eng.published_date()), "2021-02-10");  // today, as no date was given
  EXPECT_EQ(eng.etag(), "2");

  absl::StatusOr<std::vector<store::OutboxMessage>> events = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);  // one per import that changed something
  EXPECT_EQ((*events)[0].subject, "wp.westos.content.imported");
}

TEST_P(ContentImportTest, BadRowsAreRejectedOneByOneWithTheirColumn) {
  const std::string csv =
      "content_id,title,subject,level,status,sector,commissioned_date,uploaded_date,published_date\n"
      "ok-1,Fine,Physics,Higher,commissioned,,,,\n"
      ",No id,Physics,Higher,commissioned,,,,\n"
      "bad-title,,Physics,Higher,commissioned,,,,\n"
      "bad-subject,Title,,Higher,commissioned,,,,\n"
      "bad-level,Title,Physics,S6,commissioned,,,,\n"
      "bad-status,Title,Physics,Higher,archived,,,,\n"
      "bad-sector,Title,Physics,Higher,commissioned,college,,,\n"
      "bad-commissioned,Title,Physics,Higher,commissioned,,31/01/2021,,\n"
      "bad-uploaded,Title,Physics,Higher,commissioned,,,2021-01-01,\n"
      "bad-published,Title,Physics,Higher,published,,,,2030-01-01\n"
      "ok-1,Repeated,Physics,Higher,commissioned,,,,\n";
  absl::StatusOr<v1::ImportContentItemsResponse> result = Import(csv);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->created(), 1);
  EXPECT_EQ(result->rejected(), 10);
  const std::vector<std::string> fields = {"",       "content_id", "title",   "subject", "level",
                                           "status", "sector",     "commissioned_date", "uploaded_date",
                                           "published_date", "content_id"};
  ASSERT_EQ(result->rows_size(), static_cast<int>(fields.size()));
  for (size_t i = 1; i < fields.size(); ++i) {
    EXPECT_EQ(result->rows(i).outcome(), Row::REJECTED) << i;
    EXPECT_EQ(result->rows(i).field(), fields[i]) << i << ": " << result->rows(i).reason();
    EXPECT_FALSE(result->rows(i).reason().empty());
  }
  EXPECT_NE(result->rows(10).reason().find("repeats the item of line 2"), std::string::npos);
}

TEST_P(ContentImportTest, AStepBackIsRejectedAndTheRestApplied) {
  ASSERT_TRUE(Import(kFile).ok());
  absl::StatusOr<v1::ImportContentItemsResponse> result =
      Import("content_id,title,subject,level,status\n"
             "maths-h-01,Higher Maths 1,Mathematics,Higher,commissioned\n"
             "new-1,New,Chemistry,Higher,commissioned\n");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rows(0).outcome(), Row::REJECTED);
  EXPECT_EQ(result->rows(0).field(), "status");
  EXPECT_NE(result->rows(0).reason().find("cannot go back"), std::string::npos);
  EXPECT_EQ(result->rows(1).outcome(), Row::CREATED);
  EXPECT_EQ(Get("maths-h-01").status(), v1::PUBLISHED);
}

TEST_P(ContentImportTest, AnUnreadableFileIsRefusedWhole) {
  EXPECT_NE(Import("").status().message().find("content: is empty"), absl::string_view::npos);
  absl::Status no_level = Import("content_id,title,subject,status\nx,y,z,published\n").status();
  EXPECT_EQ(no_level.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(no_level.message().find("lacks the column level"), absl::string_view::npos);
  absl::Status quote = Import("content_id,title,subject,level,status\nx,\"open,z,Higher,published\n").status();
  EXPECT_EQ(quote.code(), absl::StatusCode::kInvalidArgument);
  std::string huge = "content_id,title,subject,level,status\n";
  for (int i = 0; i <= kMaxImportRows; ++i) huge += "i" + std::to_string(i) + ",t,s,Higher,published\n";
  EXPECT_NE(Import(huge).status().message().find("more than 20000 rows"), absl::string_view::npos);
  absl::StatusOr<std::vector<store::OutboxMessage>> events = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ContentImportTest);

}  // namespace
}  // namespace wp::westos
