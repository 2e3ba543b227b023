#include "services/workstreams/from_governance/sponsor_events.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/board_sponsor_store.h"
#include "services/workstreams/migrations.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;
using test_support::Day;

class SponsorEventsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static gov::Sponsorship Sponsorship(int n, int workstream, const std::string& etag) {
    gov::Sponsorship s;
    s.set_name("plans/2022-23/sponsorships/" + std::to_string(n));
    s.set_workstream_number(workstream);
    s.set_sponsor("people/director-inv");
    s.set_sponsor_display_name("Director of Education, Inverclyde");
    *s.mutable_start_date() = Day(2022, 8, 16);
    s.set_etag(etag);
    return s;
  }

  static wp::common::v1::Event Assigned(const gov::Sponsorship& s) {
    gov::SponsorAssigned payload;
    *payload.mutable_sponsorship() = s;
    payload.set_session_span("2022-23");
    wp::common::v1::Event event;
    event.set_id("e-" + s.name() + "-" + s.etag());
    event.set_type("wp.governance.sponsor.assigned");
    event.mutable_payload()->PackFrom(payload);
    return event;
  }

  static wp::common::v1::Event Ended(gov::Sponsorship s, const wp::common::v1::Date& end) {
    *s.mutable_end_date() = end;
    gov::SponsorEnded payload;
    *payload.mutable_sponsorship() = s;
    payload.set_session_span("2022-23");
    wp::common::v1::Event event;
    event.set_id("e-end-" + s.name());
    event.set_type("wp.governance.sponsor.ended");
    event.mutable_payload()->PackFrom(payload);
    return event;
  }

  absl::Status Apply(const wp::common::v1::Event& event) {
    return db_->Write([&](store::Transaction& tx) { return ApplySponsorEvent(tx, event); });
  }

  v1::Workstream SponsorsOn(int workstream, const std::string& today) {
    v1::Workstream ws;
    ws.set_plan_period("2022-23");
    ws.set_number(workstream);
    absl::Status s = db_->Read([&](store::Transaction& tx) { return AttachBoardSponsors(tx, today, &ws); });
    EXPECT_TRUE(s.ok()) << s;
    return ws;
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(SponsorEventsTest, AssignedSponsorShowsOnItsWorkstreamFromTheStartDate) {
  ASSERT_TRUE(Apply(Assigned(Sponsorship(1, 2, "1"))).ok());
  v1::Workstream ws = SponsorsOn(2, "2022-09-01");
  ASSERT_EQ(ws.sponsors_size(), 1);
  EXPECT_EQ(ws.sponsors(0).display_name(), "Director of Education, Inverclyde");
  EXPECT_EQ(ws.sponsors(0).person(), "people/director-inv");
  EXPECT_EQ(ws.sponsors(0).sponsorship(), "plans/2022-23/sponsorships/1");
  EXPECT_EQ(SponsorsOn(2, "2022-08-15").sponsors_size(), 0);
  EXPECT_EQ(SponsorsOn(1, "2022-09-01").sponsors_size(), 0);
}

TEST_P(SponsorEventsTest, EndedSponsorDisappearsAfterTheEndDate) {
  ASSERT_TRUE(Apply(Assigned(Sponsorship(1, 2, "1"))).ok());
  ASSERT_TRUE(Apply(Ended(Sponsorship(1, 2, "2"), Day(2023, 3, 31))).ok());
  EXPECT_EQ(SponsorsOn(2, "2023-03-31").sponsors_size(), 1);
  EXPECT_EQ(SponsorsOn(2, "2023-04-01").sponsors_size(), 0);
}

TEST_P(SponsorEventsTest, LateOlderEventDoesNotUndoTheEnd) {
  ASSERT_TRUE(Apply(Ended(Sponsorship(1, 2, "2"), Day(2023, 3, 31))).ok());
  ASSERT_TRUE(Apply(Assigned(Sponsorship(1, 2, "1"))).ok());  // redelivered late
  EXPECT_EQ(SponsorsOn(2, "2023-04-01").sponsors_size(), 0);
}

TEST_P(SponsorEventsTest, RepeatedEventChangesNothing) {
  ASSERT_TRUE(Apply(Assigned(Sponsorship(1, 2, "1"))).ok());
  ASSERT_TRUE(Apply(Assigned(Sponsorship(1, 2, "1"))).ok());
  EXPECT_EQ(SponsorsOn(2, "2022-09-01").sponsors_size(), 1);
}

TEST_P(SponsorEventsTest, OtherEventsAreIgnoredAndBadPayloadsRefused) {
  wp::common::v1::Event other;
  other.set_type("wp.governance.plan.approved");
  EXPECT_TRUE(Apply(other).ok());
  wp::common::v1::Event bad = Assigned(Sponsorship(1, 2, "1"));
  gov::Plan wrong;
  bad.mutable_payload()->PackFrom(wrong);
  EXPECT_EQ(Apply(bad).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SponsorsOn(2, "2022-09-01").sponsors_size(), 0);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(SponsorEventsTest);

}  // namespace
}  // namespace wp::workstreams
