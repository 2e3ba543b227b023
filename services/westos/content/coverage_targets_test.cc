// Coverage targets and the coverage report on either store engine.
#include "services/westos/content/coverage_targets.h"

#include <memory>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/store/outbox.h"
#include "libs/testing/test_store.h"
#include "services/westos/content/content_items.h"
#include "services/westos/migrations.h"

namespace wp::westos {
namespace {

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 2, 10, 12, 0, 0), absl::UTCTimeZone());

common::v1::Date D(int y, int m, int d) { return calendar::FromCivilDay(absl::CivilDay(y, m, d)); }

v1::CoverageTarget Target(const std::string& id, const std::string& subject, common::v1::Date deadline) {
  v1::CoverageTarget t;
  t.set_target_id(id);
  t.set_display_name(subject + " by " + calendar::ToIsoText(deadline));
  t.set_subject(subject);
  *t.mutable_deadline() = deadline;
  return t;
}

class CoverageTargetsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    targets_ = std::make_unique<CoverageTargets>(*db_);
    items_ = std::make_unique<ContentItems>(*db_);
  }

  absl::StatusOr<v1::CoverageTarget> Create(const v1::CoverageTarget& t) {
    v1::CreateCoverageTargetRequest request;
    *request.mutable_coverage_target() = t;
    return targets_->Create(caller_, request, kNow);
  }

  void Catalogue(const std::string& id, const std::string& subject, v1::ContentStatus status,
                 common::v1::Date date) {
    v1::CreateContentItemRequest request;
    v1::ContentItem* item = request.mutable_content_item();
    item->set_content_id(id);
    item->set_title(id);
    item->set_subject(subject);
    item->set_level("Higher");
    item->set_status(status);
    if (status == v1::PUBLISHED) *item->mutable_published_date() = date;
    if (status == v1::UPLOADED) *item->mutable_uploaded_date() = date;
    if (status == v1::COMMISSIONED) *item->mutable_commissioned_date() = date;
    absl::StatusOr<v1::ContentItem> made = items_->Create(caller_, request, kNow);
    ASSERT_TRUE(made.ok()) << made.status();
  }

  server::Caller caller_{"officer-1", "trace-1", "", "officer", {}, "/wp.westos.v1.ContentService/CreateCoverageTarget"};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<CoverageTargets> targets_;
  std::unique_ptr<ContentItems> items_;
};

TEST_P(CoverageTargetsTest, CreateListDelete) {
  v1::CoverageTarget maths = Target("maths", " Mathematics ", D(2021, 3, 31));
  maths.set_level("ah");
  absl::StatusOr<v1::CoverageTarget> made = Create(maths);
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->name(), "coverageTargets/maths");
  EXPECT_EQ(made->subject(), "Mathematics");
  EXPECT_EQ(made->level(), "Advanced Higher");
  EXPECT_EQ(made->min_published(), 1);
  EXPECT_TRUE(made->has_create_time());
  ASSERT_TRUE(Create(Target("english", "English", D(2021, 2, 28))).ok());
  EXPECT_EQ(Create(maths).status().code(), absl::StatusCode::kAlreadyExists);

  absl::StatusOr<v1::ListCoverageTargetsResponse> all = targets_->List({});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->coverage_targets_size(), 2);
  EXPECT_EQ(all->coverage_targets(0).target_id(), "english");  // the nearer deadline first
  v1::ListCoverageTargetsRequest only_maths;
  only_maths.set_subject("Mathematics");
  EXPECT_EQ(targets_->List(only_maths)->coverage_targets_size(), 1);

  v1::DeleteCoverageTargetRequest remove;
  remove.set_target_id("english");
  ASSERT_TRUE(targets_->Delete(caller_, remove).ok());
  EXPECT_EQ(targets_->Delete(caller_, remove).code(), absl::StatusCode::kNotFound);
  remove.set_target_id("Not An Id");
  EXPECT_EQ(targets_->Delete(caller_, remove).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(targets_->List({})->coverage_targets_size(), 1);

  absl::StatusOr<std::vector<store::OutboxMessage>> events = store::FetchUnsent(*db_, 10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].subject, "wp.westos.coverage_target.deleted");
}

TEST_P(CoverageTargetsTest, BadInputOfEveryFieldIsRefusedNamingIt) {
  struct Case {
    std::function<void(v1::CoverageTarget&)> spoil;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](v1::CoverageTarget& t) { t.clear_target_id(); }, "coverage_target.target_id"},
      {[](v1::CoverageTarget& t) { t.set_target_id("9lives"); }, "coverage_target.target_id"},
      {[](v1::CoverageTarget& t) { t.set_target_id(std::string(64, 'a')); }, "coverage_target.target_id"},
      {[](v1::CoverageTarget& t) { t.set_display_name("a\nb"); }, "coverage_target.display_name"},
      {[](v1::CoverageTarget& t) { t.clear_subject(); }, "coverage_target.subject"},
      {[](v1::CoverageTarget& t) { t.set_level("P7"); }, "coverage_target.level"},
      {[](v1::CoverageTarget& t) { t.set_sector(static_cast<v1::Sector>(5)); }, "coverage_target.sector"},
      {[](v1::CoverageTarget& t) { t.set_min_published(-1); }, "coverage_target.min_published"},
      {[](v1::CoverageTarget& t) { t.set_min_published(10001); }, "coverage_target.min_published"},
      {[](v1::CoverageTarget& t) { t.clear_deadline(); }, "coverage_target.deadline"},
      {[](v1::CoverageTarget& t) { t.mutable_deadline()->set_month(13); }, "coverage_target.deadline"},
  };
  for (const Case& c : cases) {
    v1::CoverageTarget t = Target("physics", "Physics", D(2021, 3, 1));
    c.spoil(t);
    absl::Status s = Create(t).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.message().rfind(c.field, 0), 0u) << s.message();
  }
  v1::ListCoverageTargetsRequest list;
  list.set_subject(std::string(101, 's'));
  EXPECT_NE(targets_->List(list).status().message().find("subject:"), absl::string_view::npos);
  v1::GetCoverageReportRequest report;
  report.set_at_risk_days(-1);
  EXPECT_NE(targets_->Report(report, kNow).status().message().find("at_risk_days:"), absl::string_view::npos);
  report.set_at_risk_days(367);
  EXPECT_NE(targets_->Report(report, kNow).status().message().find("at_risk_days:"), absl::string_view::npos);
  report.set_at_risk_days(0);
  report.mutable_as_of()->set_year(2021);
  report.mutable_as_of()->set_month(2);
  report.mutable_as_of()->set_day(29);
  EXPECT_NE(targets_->Report(report, kNow).status().message().find("as_of"), absl::string_view::npos);
}

TEST_P(CoverageTargetsTest, TheReportShowsEachStateWithItsFigures) {
  Catalogue("maths-1", "Mathematics", v1::PUBLISHED, D(2021, 1, 20));
  Catalogue("eng-1", "English", v1::PUBLISHED, D(2021, 2, 5));
  Catalogue("bio-1", "Biology", v1::COMMISSIONED, D(2021, 1, 10));
  Catalogue("chem-1", "Chemistry", v1::UPLOADED, D(2021, 2, 1));
  ASSERT_TRUE(Create(Target("maths", "Mathematics", D(2021, 1, 31))).ok());    // met on 01-20
  ASSERT_TRUE(Create(Target("english", "English", D(2021, 1, 31))).ok());      // met late, 02-05
  ASSERT_TRUE(Create(Target("history", "History", D(2021, 2, 9))).ok());       // nothing, passed
  ASSERT_TRUE(Create(Target("biology", "Biology", D(2021, 3, 10))).ok());      // 28 days: at risk
  ASSERT_TRUE(Create(Target("chemistry", "Chemistry", D(2021, 2, 20))).ok());  // uploaded: on track
  ASSERT_TRUE(Create(Target("physics", "Physics", D(2021, 3, 11))).ok());      // 29 days: on track

  absl::StatusOr<v1::CoverageReport> report = targets_->Report({}, kNow);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(calendar::ToIsoText(report->as_of()), "2021-02-10");
  EXPECT_EQ(report->at_risk_days(), 28);
  std::map<std::string, v1::TargetCoverage> by_id;
  for (const auto& t : report->targets()) by_id[t.target().target_id()] = t;
  EXPECT_EQ(by_id["maths"].state(), v1::MET);
  EXPECT_EQ(by_id["english"].state(), v1::LATE);
  EXPECT_EQ(calendar::ToIsoText(by_id["english"].met_date()), "2021-02-05");
  EXPECT_EQ(by_id["history"].state(), v1::LATE);
  EXPECT_EQ(by_id["history"].days_left(), -1);
  EXPECT_EQ(by_id["biology"].state(), v1::AT_RISK);
  EXPECT_EQ(by_id["biology"].counts().commissioned(), 1);
  ASSERT_EQ(by_id["biology"].levels_size(), 1);
  EXPECT_EQ(by_id["biology"].levels(0).level(), "Higher");
  EXPECT_EQ(by_id["chemistry"].state(), v1::ON_TRACK);
  EXPECT_EQ(by_id["physics"].state(), v1::ON_TRACK);
  EXPECT_EQ(report->met(), 1);
  EXPECT_EQ(report->late(), 2);
  EXPECT_EQ(report->at_risk(), 1);
  EXPECT_EQ(report->on_track(), 2);

  // As it stood on 2021-01-15, before anything was published.
  v1::GetCoverageReportRequest earlier;
  *earlier.mutable_as_of() = D(2021, 1, 15);
  earlier.set_at_risk_days(20);
  absl::StatusOr<v1::CoverageReport> then = targets_->Report(earlier, kNow);
  ASSERT_TRUE(then.ok()) << then.status();
  EXPECT_EQ(then->met(), 0);
  EXPECT_EQ(then->late(), 0);
  EXPECT_EQ(then->at_risk(), 2);  // maths and english, 16 days out, nothing uploaded
}

WP_INSTANTIATE_ON_EVERY_ENGINE(CoverageTargetsTest);

}  // namespace
}  // namespace wp::westos
