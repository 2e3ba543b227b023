// The catalogue and usage meeting on a content id neither knew, on either
// store engine: an item created or imported while usage of it is ingested
// at the same moment (in this process and in a second one on the same
// store). Both writes succeed, the id has one row, the catalogue's fields
// are kept and the usage counts under it.
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"
#include "libs/status/status_macros.h"
#include "libs/testing/test_store.h"
#include "services/westos/content/content_import.h"
#include "services/westos/content/content_items.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"

namespace wp::westos {
namespace {

constexpr int kRounds = 5;
constexpr int kEventsPerItem = 10;
const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 2, 10, 12, 0, 0), absl::UTCTimeZone());

UsageEvent Event(const std::string& id, const std::string& user, const std::string& content) {
  UsageEvent e;
  e.event_id = id;
  e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, 18, 10, 0, 0), absl::UTCTimeZone());
  e.user_id = user;
  e.role = Role::kLearner;
  e.authority = "GCC";
  e.establishment = "8435028";
  e.sector = Sector::kSecondary;
  e.simd = 2;
  e.content_id = content;
  e.action = Action::kView;
  e.seconds = 60;
  return e;
}

IngestItem Item(UsageEvent e) {
  IngestItem item;
  item.event_id = e.event_id;
  item.event = std::move(e);
  return item;
}

class ContentUsageRaceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    for (auto* db : {&db_, &other_db_}) {  // a second process on the same store
      auto opened = store_.Open(Migrations(), 3);
      ASSERT_TRUE(opened.ok()) << opened.status();
      *db = std::move(*opened);
    }
    locator_ = std::make_unique<EventLocator>(db_->engine());
    other_locator_ = std::make_unique<EventLocator>(other_db_->engine());
  }

  // Runs every job on its own thread, all at once.
  static void AtOnce(const std::vector<std::function<void()>>& jobs) {
    absl::Notification go;
    std::vector<std::thread> threads;
    for (const auto& job : jobs) {
      threads.emplace_back([&go, &job] {
        go.WaitForNotification();
        job();
      });
    }
    go.Notify();
    for (std::thread& t : threads) t.join();
  }

  // Usage of `content` from `writer`: its own event ids and people.
  static std::vector<IngestItem> UsageOf(const std::string& content, const std::string& writer) {
    std::vector<IngestItem> items;
    for (int i = 0; i < kEventsPerItem; ++i) {
      items.push_back(Item(Event(absl::StrCat(content, "-", writer, "-", i), absl::StrCat("u-", writer, "-", i), content)));
    }
    return items;
  }

  int64_t Count(const std::string& sql, const std::vector<store::Value>& params) {
    absl::StatusOr<int64_t> n = store::ReadValue<int64_t>(*db_, [&](store::Transaction& tx) -> absl::StatusOr<int64_t> {
      WP_ASSIGN_OR_RETURN(store::Row row, tx.QueryOne(sql, params));
      return row.Int(0);
    });
    EXPECT_TRUE(n.ok()) << sql << ": " << n.status();
    return n.ok() ? *n : -1;
  }

  int64_t EventsCountedUnder(const std::string& content_id) {
    return Count(
        "SELECT COUNT(*) FROM usage_events e JOIN content_items c ON c.content_num = e.content_num "
        "WHERE c.content_id = ? AND e.retracted = 0",
        {content_id});
  }

  v1::ContentItem Get(const std::string& content_id) {
    v1::GetContentItemRequest request;
    request.set_content_id(content_id);
    absl::StatusOr<v1::ContentItem> item = ContentItems(*db_).Get(request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::ContentItem{};
  }

  server::Caller caller_{"officer-1", "trace-1", "", "officer", {}, "/wp.westos.v1.ContentService/CreateContentItem"};
  wp::testing::TestStore store_{GetParam()};
  std::unique_ptr<store::Database> db_, other_db_;
  std::unique_ptr<EventLocator> locator_, other_locator_;
};

TEST_P(ContentUsageRaceTest, CataloguingANewIdWhileItsUsageIsIngestedKeepsBothOnOneRow) {
  for (int round = 0; round < kRounds; ++round) {
    const std::string created_id = absl::StrCat("created-", round);
    const std::string imported_id = absl::StrCat("imported-", round);
    v1::CreateContentItemRequest create;
    create.mutable_content_item()->set_content_id(created_id);
    create.mutable_content_item()->set_title("Created lesson");
    create.mutable_content_item()->set_subject("Mathematics");
    create.mutable_content_item()->set_level("National 5");
    create.mutable_content_item()->set_sector(v1::SECONDARY);
    v1::ImportContentItemsRequest import;
    import.set_content(absl::StrCat("Content_ID,Title,Subject,Level,Status\n", imported_id,
                                    ",Imported lesson,English,Higher,commissioned\n"));

    absl::StatusOr<v1::ContentItem> created = absl::UnknownError("not run");
    absl::StatusOr<v1::ImportContentItemsResponse> imported = absl::UnknownError("not run");
    std::vector<absl::StatusOr<BatchResult>> ingested(4, absl::UnknownError("not run"));
    std::vector<std::vector<IngestItem>> batches;
    for (const char* writer : {"a", "b"}) {
      std::vector<IngestItem> batch = UsageOf(created_id, writer);
      for (IngestItem& item : UsageOf(imported_id, writer)) batch.push_back(std::move(item));
      batches.push_back(std::move(batch));
    }
    AtOnce({
        [&] { created = ContentItems(*db_).Create(caller_, create, kNow); },
        [&] { imported = ContentImport(*other_db_).Import(caller_, import, kNow); },
        [&] { ingested[0] = UsageIngest(*db_, *locator_).Ingest(caller_, batches[0]); },
        [&] { ingested[1] = UsageIngest(*other_db_, *other_locator_).Ingest(caller_, batches[1]); },
    });

    ASSERT_TRUE(created.ok()) << "round " << round << ": " << created.status();
    ASSERT_TRUE(imported.ok()) << "round " << round << ": " << imported.status();
    ASSERT_EQ(imported->rows_size(), 1);
    EXPECT_EQ(imported->rows(0).outcome(), v1::ContentImportRow::CREATED) << imported->rows(0).reason();
    for (int w = 0; w < 2; ++w) {
      ASSERT_TRUE(ingested[w].ok()) << "round " << round << " writer " << w << ": " << ingested[w].status();
      EXPECT_EQ(ingested[w]->totals.accepted, 2 * kEventsPerItem);
    }

    for (const std::string& id : {created_id, imported_id}) {
      EXPECT_EQ(Count("SELECT COUNT(*) FROM content_items WHERE content_id = ?", {id}), 1) << id;
      EXPECT_EQ(EventsCountedUnder(id), 2 * kEventsPerItem) << id;
    }
    const v1::ContentItem c = Get(created_id);
    EXPECT_EQ(c.title(), "Created lesson");
    EXPECT_EQ(c.subject(), "Mathematics");
    EXPECT_EQ(c.level(), "National 5");
    EXPECT_EQ(c.status(), v1::COMMISSIONED);
    EXPECT_EQ(c.etag(), "1");
    const v1::ContentItem i = Get(imported_id);
    EXPECT_EQ(i.title(), "Imported lesson");
    EXPECT_EQ(i.subject(), "English");
    EXPECT_EQ(i.level(), "Higher");
    EXPECT_EQ(i.status(), v1::COMMISSIONED);
    EXPECT_EQ(i.etag(), "1");
  }
}

// Two creates of one new id at once (one per process), with its usage:
// exactly one is created, the other answered ALREADY_EXISTS, never a
// bare unique-key error.
TEST_P(ContentUsageRaceTest, TwoCreatesOfOneNewIdGiveOneItemAndOneAlreadyExists) {
  for (int round = 0; round < kRounds; ++round) {
    const std::string id = absl::StrCat("twice-", round);
    v1::CreateContentItemRequest create;
    create.mutable_content_item()->set_content_id(id);
    create.mutable_content_item()->set_title("Lesson");
    create.mutable_content_item()->set_subject("Mathematics");
    create.mutable_content_item()->set_level("National 5");
    std::vector<absl::StatusOr<v1::ContentItem>> created(2, absl::UnknownError("not run"));
    absl::StatusOr<BatchResult> ingested = absl::UnknownError("not run");
    const std::vector<IngestItem> batch = UsageOf(id, "a");
    AtOnce({
        [&] { created[0] = ContentItems(*db_).Create(caller_, create, kNow); },
        [&] { created[1] = ContentItems(*other_db_).Create(caller_, create, kNow); },
        [&] { ingested = UsageIngest(*db_, *locator_).Ingest(caller_, batch); },
    });
    ASSERT_TRUE(ingested.ok()) << "round " << round << ": " << ingested.status();
    EXPECT_EQ(ingested->totals.accepted, kEventsPerItem);
    const int ok = (created[0].ok() ? 1 : 0) + (created[1].ok() ? 1 : 0);
    EXPECT_EQ(ok, 1) << "round " << round << ": " << created[0].status() << " / " << created[1].status();
    for (const auto& c : created) {
      if (c.ok()) continue;
      EXPECT_EQ(c.status().code(), absl::StatusCode::kAlreadyExists) << c.status();
      EXPECT_EQ(c.status().message(),
                absl::StrCat("content_item.content_id: \"", id, "\" is already in the catalogue"));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM content_items WHERE content_id = ?", {id}), 1);
    EXPECT_EQ(EventsCountedUnder(id), kEventsPerItem);
    EXPECT_EQ(Get(id).title(), "Lesson");
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ContentUsageRaceTest);

}  // namespace
}  // namespace wp::westos
