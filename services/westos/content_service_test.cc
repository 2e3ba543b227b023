// End to end: the content catalogue and coverage targets through the westos
// binary as a real process, on both store engines: officers write, readers
// read, bad input names its field, the CSV import answers per row, the
// coverage report shows each state, and usage already counted for a content
// id groups under the subject it is catalogued with.
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/calendar/dates.h"
#include "libs/testing/test_store.h"
#include "services/westos/testing/westos_test_service.h"
#include "wp/westos/v1/content.grpc.pb.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::westos {
namespace {

using auth::Role;

void Prepare(grpc::ClientContext* ctx, Role role) {
  Authorize(ctx, role, "content-test");
}

common::v1::Date DaysFromToday(int days) {
  return calendar::FromCivilDay(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) + days);
}

class ContentServiceTest : public WestosEndToEndTest {
 protected:
  void SetUp() override {
    WestosEndToEndTest::SetUp();
    stub_ = Stub<v1::ContentService>();
  }

  grpc::Status CreateItem(const v1::ContentItem& item, v1::ContentItem* out, Role role = Role::kOfficer) {
    grpc::ClientContext ctx;
    Prepare(&ctx, role);
    v1::CreateContentItemRequest request;
    *request.mutable_content_item() = item;
    return stub_->CreateContentItem(&ctx, request, out);
  }

  grpc::Status CreateTarget(const v1::CoverageTarget& target) {
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kOfficer);
    v1::CreateCoverageTargetRequest request;
    *request.mutable_coverage_target() = target;
    v1::CoverageTarget out;
    return stub_->CreateCoverageTarget(&ctx, request, &out);
  }

  std::unique_ptr<v1::ContentService::Stub> stub_;
};

v1::ContentItem Item(const std::string& id, const std::string& subject, const std::string& level) {
  v1::ContentItem item;
  item.set_content_id(id);
  item.set_title("Lesson " + id);
  item.set_subject(subject);
  item.set_level(level);
  item.set_sector(v1::SECONDARY);
  return item;
}

TEST_P(ContentServiceTest, OfficersCatalogueAndEveryReaderSeesIt) {
  v1::ContentItem created;
  ASSERT_TRUE(CreateItem(Item("maths-n5-01", "Mathematics", "N5"), &created).ok());
  EXPECT_EQ(created.level(), "National 5");
  EXPECT_EQ(created.status(), v1::COMMISSIONED);
  v1::ContentItem ignored;
  EXPECT_EQ(CreateItem(Item("x", "Mathematics", "Higher"), &ignored, Role::kPartner).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status bad = CreateItem(Item("y", "Mathematics", "Standard Grade"), &ignored);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad.error_message().find("content_item.level"), std::string::npos);
  EXPECT_EQ(CreateItem(Item("maths-n5-01", "Mathematics", "N5"), &ignored).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);

  {  // Update with the etag; a stale one is refused.
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kOfficer);
    v1::UpdateContentItemRequest request;
    request.mutable_content_item()->set_content_id("maths-n5-01");
    request.mutable_content_item()->set_status(v1::PUBLISHED);
    request.mutable_content_item()->set_etag(created.etag());
    request.mutable_update_mask()->add_paths("status");
    v1::ContentItem updated;
    ASSERT_TRUE(stub_->UpdateContentItem(&ctx, request, &updated).ok());
    EXPECT_EQ(updated.status(), v1::PUBLISHED);
    grpc::ClientContext again;
    Prepare(&again, Role::kOfficer);
    EXPECT_EQ(stub_->UpdateContentItem(&again, request, &updated).error_code(), grpc::StatusCode::ABORTED);
  }
  {  // A partner (dashboards) reads and lists.
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kPartner);
    v1::GetContentItemRequest request;
    request.set_content_id("maths-n5-01");
    v1::ContentItem got;
    ASSERT_TRUE(stub_->GetContentItem(&ctx, request, &got).ok());
    EXPECT_EQ(got.status(), v1::PUBLISHED);
    grpc::ClientContext list_ctx;
    Prepare(&list_ctx, Role::kPartner);
    v1::ListContentItemsRequest list;
    list.set_status(v1::PUBLISHED);
    v1::ListContentItemsResponse page;
    ASSERT_TRUE(stub_->ListContentItems(&list_ctx, list, &page).ok());
    ASSERT_EQ(page.content_items_size(), 1);
  }
  {  // Limits are checked before anything else.
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kOfficer);
    v1::GetContentItemRequest request;
    request.set_content_id(std::string(200, 'x'));
    v1::ContentItem got;
    grpc::Status s = stub_->GetContentItem(&ctx, request, &got);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(s.error_message().find("content_id"), std::string::npos);
  }
}

TEST_P(ContentServiceTest, TheImportAnswersPerRowAndTheReportShowsEachState) {
  const std::string today = calendar::ToIsoText(DaysFromToday(0));
  const std::string csv = "content_id,title,subject,level,status,published_date\n"
                          "eng-h-01,Higher English,English,Higher,published," + today + "\n"
                          "bio-h-01,Higher Biology,Biology,Higher,commissioned,\n"
                          "bad-1,Bad,Biology,Primary 7,commissioned,\n";
  grpc::ClientContext ctx;
  Prepare(&ctx, Role::kAdmin);
  v1::ImportContentItemsRequest request;
  request.set_content(csv);
  v1::ImportContentItemsResponse imported;
  ASSERT_TRUE(stub_->ImportContentItems(&ctx, request, &imported).ok());
  EXPECT_EQ(imported.created(), 2);
  EXPECT_EQ(imported.rejected(), 1);
  EXPECT_EQ(imported.rows(2).field(), "level");

  v1::CoverageTarget english;
  english.set_target_id("english");
  english.set_subject("English");
  *english.mutable_deadline() = DaysFromToday(10);
  ASSERT_TRUE(CreateTarget(english).ok());
  v1::CoverageTarget biology = english;
  biology.set_target_id("biology");
  biology.set_subject("Biology");
  ASSERT_TRUE(CreateTarget(biology).ok());
  v1::CoverageTarget history = english;
  history.set_target_id("history");
  history.set_subject("History");
  *history.mutable_deadline() = DaysFromToday(-1);
  ASSERT_TRUE(CreateTarget(history).ok());
  EXPECT_EQ(CreateTarget(history).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  history.set_target_id("Bad Id");
  EXPECT_EQ(CreateTarget(history).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  grpc::ClientContext report_ctx;
  Prepare(&report_ctx, Role::kAnalyst);
  v1::CoverageReport report;
  ASSERT_TRUE(stub_->GetCoverageReport(&report_ctx, v1::GetCoverageReportRequest(), &report).ok());
  ASSERT_EQ(report.targets_size(), 3);
  EXPECT_EQ(report.targets(0).target().target_id(), "history");  // deadline order
  EXPECT_EQ(report.targets(0).state(), v1::LATE);
  EXPECT_EQ(report.met(), 1);
  EXPECT_EQ(report.at_risk(), 1);
  EXPECT_EQ(report.late(), 1);

  grpc::ClientContext delete_ctx;
  Prepare(&delete_ctx, Role::kOfficer);
  v1::DeleteCoverageTargetRequest remove;
  remove.set_target_id("history");
  google::protobuf::Empty empty;
  ASSERT_TRUE(stub_->DeleteCoverageTarget(&delete_ctx, remove, &empty).ok());
  grpc::ClientContext list_ctx;
  Prepare(&list_ctx, Role::kBoard);
  v1::ListCoverageTargetsResponse targets;
  ASSERT_TRUE(stub_->ListCoverageTargets(&list_ctx, v1::ListCoverageTargetsRequest(), &targets).ok());
  EXPECT_EQ(targets.coverage_targets_size(), 2);
}

TEST_P(ContentServiceTest, UsageCountedBeforeCataloguingGroupsUnderTheCataloguedSubject) {
  auto usage = Stub<v1::UsageService>();
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kIngest);
    auto stream = usage->IngestUsage(&ctx);
    v1::IngestUsageRequest batch;
    v1::UsageEvent* e = batch.add_events();
    e->set_event_id("ev-1");
    e->mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(absl::Now() - absl::Hours(1)));
    e->set_user_id("u-1");
    e->set_role(v1::LEARNER);
    e->set_authority("GCC");
    e->set_sector(v1::SECONDARY);
    e->set_content_id("chem-ah-01");
    e->set_action(v1::VIEW);
    ASSERT_TRUE(stream->Write(batch));
    v1::IngestUsageResponse response;
    ASSERT_TRUE(stream->Read(&response));
    ASSERT_EQ(response.batch().accepted(), 1);
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }
  auto chemistry_views = [&]() -> int64_t {
    grpc::ClientContext ctx;
    Prepare(&ctx, Role::kAnalyst);
    v1::QueryUsageRequest query;
    *query.mutable_from() = DaysFromToday(-2);
    *query.mutable_to() = DaysFromToday(1);
    query.mutable_filter()->add_subjects("Chemistry");
    query.mutable_filter()->add_authorities("GCC");
    v1::UsageReport report;
    grpc::Status s = usage->QueryUsage(&ctx, query, &report);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return report.total().views();
  };
  EXPECT_EQ(chemistry_views(), 0);
  v1::ContentItem created;
  ASSERT_TRUE(CreateItem(Item("chem-ah-01", "Chemistry", "AH"), &created).ok());
  EXPECT_EQ(chemistry_views(), 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ContentServiceTest);

}  // namespace
}  // namespace wp::westos
