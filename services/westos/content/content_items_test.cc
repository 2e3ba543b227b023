// The catalogue on either store engine: create, get, update, list, and an
// item first seen in usage catalogued in place, so usage queries group it
// by its subject and level from then on.
#include "services/westos/content/content_items.h"

#include <memory>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"

namespace wp::westos {
namespace {

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 2, 10, 12, 0, 0), absl::UTCTimeZone());

v1::ContentItem Item(const std::string& id, const std::string& subject = "Mathematics",
                     const std::string& level = "National 5") {
  v1::ContentItem item;
  item.set_content_id(id);
  item.set_title("Lesson " + id);
  item.set_subject(subject);
  item.set_level(level);
  item.set_sector(v1::SECONDARY);
  return item;
}

class ContentItemsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    items_ = std::make_unique<ContentItems>(*db_);
  }

  absl::StatusOr<v1::ContentItem> Create(const v1::ContentItem& item) {
    v1::CreateContentItemRequest request;
    *request.mutable_content_item() = item;
    return items_->Create(caller_, request, kNow);
  }

  absl::StatusOr<v1::ContentItem> Update(const v1::ContentItem& item, std::vector<std::string> paths) {
    v1::UpdateContentItemRequest request;
    *request.mutable_content_item() = item;
    for (const std::string& p : paths) request.mutable_update_mask()->add_paths(p);
    return items_->Update(caller_, request, kNow);
  }

  std::vector<std::string> OutboxSubjects() {
    absl::StatusOr<std::vector<store::OutboxMessage>> unsent = store::FetchUnsent(*db_, 100);
    EXPECT_TRUE(unsent.ok()) << unsent.status();
    std::vector<std::string> subjects;
    if (unsent.ok()) {
      for (const auto& m : *unsent) subjects.push_back(m.subject);
    }
    return subjects;
  }

  server::Caller caller_{"officer-1", "trace-1", "", "officer", {}, "/wp.westos.v1.ContentService/CreateContentItem"};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<ContentItems> items_;
};

TEST_P(ContentItemsTest, CreateThenGetGivesTheItemWithItsEvent) {
  absl::StatusOr<v1::ContentItem> created = Create(Item("maths-n5-01"));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "contentItems/maths-n5-01");
  EXPECT_EQ(created->status(), v1::COMMISSIONED);
  EXPECT_EQ(calendar::ToIsoText(created->commissioned_date()), "2021-02-10");
  EXPECT_EQ(created->etag(), "1");
  EXPECT_TRUE(created->has_create_time());

  v1::GetContentItemRequest get;
  get.set_content_id("maths-n5-01");
  absl::StatusOr<v1::ContentItem> got = items_->Get(get);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "Lesson maths-n5-01");
  EXPECT_EQ(got->level(), "National 5");
  EXPECT_EQ(OutboxSubjects(), std::vector<std::string>{"wp.westos.content.created"});

  EXPECT_EQ(Create(Item("maths-n5-01")).status().code(), absl::StatusCode::kAlreadyExists);
  get.set_content_id("nope");
  EXPECT_EQ(items_->Get(get).status().code(), absl::StatusCode::kNotFound);
  get.set_content_id("");
  EXPECT_EQ(items_->Get(get).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(ContentItemsTest, AnItemSeenInUsageIsCataloguedInPlaceAndGroupsByItsSubject) {
  EventLocator locator(db_->engine());
  UsageIngest ingest(*db_, locator);
  UsageEvent e;
  e.event_id = "e1";
  e.occurred_at = kNow - absl::Hours(24);
  e.user_id = "u1";
  e.role = Role::kLearner;
  e.authority = "GCC";
  e.sector = Sector::kSecondary;
  e.content_id = "bio-h-07";
  e.action = Action::kView;
  IngestItem item;
  item.event_id = e.event_id;
  item.event = e;
  server::Caller platform{"platform", "t", "", "ingest", {}, "/wp.westos.v1.UsageService/IngestUsage"};
  absl::StatusOr<BatchResult> batch = ingest.Ingest(platform, {item});
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_EQ(batch->results[0].outcome, Outcome::kAccepted) << batch->results[0].reason;

  // Seen in usage only: not in the catalogue yet.
  v1::GetContentItemRequest get;
  get.set_content_id("bio-h-07");
  absl::Status missing = items_->Get(get).status();
  EXPECT_EQ(missing.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("only seen in usage"), absl::string_view::npos);
  v1::ListContentItemsRequest list;
  EXPECT_EQ(items_->List(list)->content_items_size(), 0);

  DayIndexCache cache(1 << 20);
  UsageQueries queries(*db_, cache);
  v1::QueryUsageRequest query;
  *query.mutable_from() = calendar::FromCivilDay(absl::CivilDay(2021, 2, 1));
  *query.mutable_to() = calendar::FromCivilDay(absl::CivilDay(2021, 2, 28));
  query.add_group_by(v1::SUBJECT);
  query.mutable_filter()->add_subjects("Biology");
  query.mutable_filter()->add_authorities("GCC");  // one authority: small groups are not suppressed
  ASSERT_TRUE(queries.Query(platform, query).ok());  // warms the day index cache
  EXPECT_EQ(queries.Query(platform, query)->total().views(), 0);

  ASSERT_TRUE(Create(Item("bio-h-07", "Biology", "Higher")).ok());
  absl::StatusOr<v1::UsageReport> report = queries.Query(platform, query);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().views(), 1) << report->DebugString();  // the cached day, grouped by the new subject
  ASSERT_EQ(report->rows_size(), 1);
  EXPECT_EQ(report->rows(0).keys(0), "Biology");

  // Usage of it afterwards keeps the catalogued row.
  e.event_id = "e2";
  item.event_id = e.event_id;
  item.event = e;
  ASSERT_TRUE(ingest.Ingest(platform, {item}).ok());
  EXPECT_EQ(items_->Get(get)->subject(), "Biology");
}

TEST_P(ContentItemsTest, UpdateChangesTheMaskedFieldsAndMovesStatusForward) {
  ASSERT_TRUE(Create(Item("eng-h-01", "English", "Higher")).ok());
  v1::ContentItem change;
  change.set_content_id("eng-h-01");
  change.set_title("Higher English: close reading");
  change.set_subject("ignored, not in the mask");
  change.set_status(v1::PUBLISHED);
  change.set_etag("1");
  absl::StatusOr<v1::ContentItem> updated = Update(change, {"title", "status"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Higher English: close reading");
  EXPECT_EQ(updated->subject(), "English");
  EXPECT_EQ(updated->status(), v1::PUBLISHED);
  EXPECT_EQ(calendar::ToIsoText(updated->published_date()), "2021-02-10");
  EXPECT_EQ(calendar::ToIsoText(updated->uploaded_date()), "2021-02-10");
  EXPECT_EQ(updated->etag(), "2");

  // A stale etag, a step back, an unknown item, a bad mask.
  EXPECT_EQ(Update(change, {"title"}).status().code(), absl::StatusCode::kAborted);
  change.clear_etag();
  change.set_status(v1::UPLOADED);
  EXPECT_EQ(Update(change, {"status"}).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Update(change, {"create_time"}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Update(change, {}).status().code(), absl::StatusCode::kInvalidArgument);
  change.set_level("S5");
  absl::Status bad_level = Update(change, {"level"}).status();
  EXPECT_NE(bad_level.message().find("content_item.level"), absl::string_view::npos);
  change.set_content_id("nope");
  EXPECT_EQ(Update(change, {"title"}).status().code(), absl::StatusCode::kNotFound);

  // The same values again change nothing: no version, no event.
  change.set_content_id("eng-h-01");
  absl::StatusOr<v1::ContentItem> same = Update(change, {"title"});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->etag(), "2");
  EXPECT_EQ(OutboxSubjects(), (std::vector<std::string>{"wp.westos.content.created", "wp.westos.content.updated"}));
}

TEST_P(ContentItemsTest, ListFiltersAndPages) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Create(Item("maths-" + std::to_string(i))).ok());
  ASSERT_TRUE(Create(Item("phys-1", "Physics", "Higher")).ok());
  v1::ContentItem published = Item("phys-2", "Physics", "Higher");
  published.set_status(v1::PUBLISHED);
  ASSERT_TRUE(Create(published).ok());

  v1::ListContentItemsRequest request;
  request.set_page_size(2);
  std::vector<std::string> ids;
  for (int pages = 0; pages < 10; ++pages) {
    absl::StatusOr<v1::ListContentItemsResponse> page = items_->List(request);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& item : page->content_items()) ids.push_back(item.content_id());
    if (page->next_page_token().empty()) break;
    request.set_page_token(page->next_page_token());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"maths-0", "maths-1", "maths-2", "maths-3", "maths-4", "phys-1",
                                           "phys-2"}));

  v1::ListContentItemsRequest physics;
  physics.set_subject("Physics");
  EXPECT_EQ(items_->List(physics)->content_items_size(), 2);
  physics.set_status(v1::PUBLISHED);
  ASSERT_EQ(items_->List(physics)->content_items_size(), 1);
  v1::ListContentItemsRequest n5;
  n5.set_level("n5");
  EXPECT_EQ(items_->List(n5)->content_items_size(), 5);

  v1::ListContentItemsRequest bad;
  bad.set_level("S5");
  EXPECT_NE(items_->List(bad).status().message().find("level:"), absl::string_view::npos);
  bad = {};
  bad.set_status(static_cast<v1::ContentStatus>(9));
  EXPECT_NE(items_->List(bad).status().message().find("status:"), absl::string_view::npos);
  bad = {};
  bad.set_subject("a\tb");
  EXPECT_NE(items_->List(bad).status().message().find("subject:"), absl::string_view::npos);
  bad = {};
  bad.set_page_size(-1);
  EXPECT_EQ(items_->List(bad).status().code(), absl::StatusCode::kInvalidArgument);
  bad = {};
  bad.set_page_token("garbage!");
  EXPECT_NE(items_->List(bad).status().message().find("page_token"), absl::string_view::npos);
}

TEST_P(ContentItemsTest, BadInputOfEveryFieldIsRefusedNamingIt) {
  struct Case {
    std::function<void(v1::ContentItem&)> spoil;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](v1::ContentItem& i) { i.clear_content_id(); }, "content_item.content_id"},
      {[](v1::ContentItem& i) { i.set_title(std::string(400, 'a')); }, "content_item.title"},
      {[](v1::ContentItem& i) { i.clear_subject(); }, "content_item.subject"},
      {[](v1::ContentItem& i) { i.set_level("Primary 7"); }, "content_item.level"},
      {[](v1::ContentItem& i) { i.set_sector(static_cast<v1::Sector>(-1)); }, "content_item.sector"},
      {[](v1::ContentItem& i) { i.set_status(static_cast<v1::ContentStatus>(4)); }, "content_item.status"},
      {[](v1::ContentItem& i) { i.mutable_commissioned_date()->set_year(1800); }, "content_item.commissioned_date"},
      {[](v1::ContentItem& i) { *i.mutable_uploaded_date() = calendar::FromCivilDay(absl::CivilDay(2021, 1, 1)); },
       "content_item.uploaded_date"},
      {[](v1::ContentItem& i) {
         i.set_status(v1::PUBLISHED);
         *i.mutable_published_date() = calendar::FromCivilDay(absl::CivilDay(2022, 1, 1));
       },
       "content_item.published_date"},
  };
  for (const Case& c : cases) {
    v1::ContentItem item = Item("x");
    c.spoil(item);
    absl::Status s = Create(item).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.message().rfind(c.field, 0), 0u) << s.message();
  }
  EXPECT_TRUE(OutboxSubjects().empty());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ContentItemsTest);

}  // namespace
}  // namespace wp::westos
