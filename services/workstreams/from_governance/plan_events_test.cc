#include "services/workstreams/from_governance/plan_events.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/tracker_store.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::workstreams {
namespace {

namespace gov = wp::governance::v1;

class PlanEventsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static gov::Plan Plan2022(int workstreams) {
    gov::Plan plan;
    plan.set_name("plans/2022-23");
    plan.set_session_span("2022-23");
    const char* titles[] = {"Wellbeing for Learning", "Leadership, Empowerment and Improvement",
                            "Curriculum and Learning, Teaching and Assessment", "Families and Communities"};
    for (int i = 0; i < workstreams; ++i) {
      gov::PlanWorkstream* ws = plan.add_workstreams();
      ws->set_number(i + 1);
      ws->set_title(titles[i]);
    }
    return plan;
  }

  static wp::common::v1::Event Approved(const gov::Plan& plan) {
    gov::PlanStepRecorded payload;
    *payload.mutable_plan() = plan;
    wp::common::v1::Event event;
    event.set_id("approved-" + plan.name());
    event.set_type("wp.governance.plan.approved");
    event.set_actor("spo");
    event.mutable_payload()->PackFrom(payload);
    return event;
  }

  absl::Status Apply(const wp::common::v1::Event& event) {
    return db_->Write([&](store::Transaction& tx) { return ApplyPlanEvent(tx, event); });
  }

  std::vector<v1::Workstream> Workstreams() {
    auto list = store::ReadValue<std::vector<v1::Workstream>>(*db_, [](store::Transaction& tx) {
      return ListWorkstreams(tx, "2022-23", "", 0, 100);
    });
    EXPECT_TRUE(list.ok()) << list.status();
    return list.ok() ? *list : std::vector<v1::Workstream>{};
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(PlanEventsTest, ApprovedPlanSetsUpItsWorkstreamsWithEvents) {
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(Apply(Approved(Plan2022(3))).ok());
  const std::vector<v1::Workstream> list = Workstreams();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].title(), "Wellbeing for Learning");
  EXPECT_EQ(list[2].name(), "planPeriods/2022-23/workstreams/3");
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.workstream.created");
  EXPECT_EQ(events[0].actor(), "spo");
}

TEST_P(PlanEventsTest, ExistingWorkstreamsAreKeptAndRepeatsChangeNothing) {
  ASSERT_TRUE(db_->Write([](store::Transaction& tx) {
    v1::Workstream ws;
    ws.set_plan_period("2022-23");
    ws.set_number(1);
    ws.set_title("Wellbeing (as the officers call it)");
    ws.set_lead_officer("Lead officer");
    return InsertWorkstream(tx, ws, absl::Now());
  }).ok());
  ASSERT_TRUE(Apply(Approved(Plan2022(3))).ok());
  const int64_t after_first = test_support::LastSeq(*db_);
  ASSERT_TRUE(Apply(Approved(Plan2022(3))).ok());
  EXPECT_EQ(test_support::LastSeq(*db_), after_first);
  const std::vector<v1::Workstream> list = Workstreams();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].title(), "Wellbeing (as the officers call it)");
  EXPECT_EQ(list[0].lead_officer(), "Lead officer");
}

TEST_P(PlanEventsTest, AmendmentAddingAWorkstreamCreatesIt) {
  ASSERT_TRUE(Apply(Approved(Plan2022(3))).ok());
  gov::PlanAmended payload;
  *payload.mutable_plan() = Plan2022(4);
  wp::common::v1::Event amended;
  amended.set_id("amended-1");
  amended.set_type("wp.governance.plan.amended");
  amended.mutable_payload()->PackFrom(payload);
  ASSERT_TRUE(Apply(amended).ok());
  const std::vector<v1::Workstream> list = Workstreams();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[3].title(), "Families and Communities");
}

TEST_P(PlanEventsTest, DraftsAndOtherEventsAreIgnoredAndBadPayloadsRefused) {
  gov::Plan draft = Plan2022(3);
  wp::common::v1::Event created;
  created.set_type("wp.governance.plan.created");
  created.mutable_payload()->PackFrom(draft);
  EXPECT_TRUE(Apply(created).ok());
  EXPECT_TRUE(Workstreams().empty());

  wp::common::v1::Event bad = Approved(draft);
  bad.mutable_payload()->PackFrom(draft);  // a Plan, not a PlanStepRecorded
  EXPECT_EQ(Apply(bad).code(), absl::StatusCode::kInvalidArgument);

  gov::Plan odd = Plan2022(1);
  odd.set_session_span("2022");
  EXPECT_EQ(Apply(Approved(odd)).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Workstreams().empty());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PlanEventsTest);

}  // namespace
}  // namespace wp::workstreams
