#include "libs/populations/population_events.h"

#include "gtest/gtest.h"
#include "libs/populations/population_store.h"
#include "libs/testing/test_store.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::populations {
namespace {

namespace gov = wp::governance::v1;

class PopulationEventsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open({{1, "population figures", kAuthorityPopulationsTable}});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static wp::common::v1::Event Updated(const std::string& name, int learners, int teachers, const std::string& etag) {
    gov::AuthorityPopulationUpdated payload;
    gov::Population* p = payload.mutable_population();
    p->set_name(name);
    p->set_learners(learners);
    p->set_teachers_and_practitioners(teachers);
    p->set_etag(etag);
    wp::common::v1::Event event;
    event.set_id("e-" + name + "-" + etag);
    event.set_type(kPopulationUpdated);
    event.mutable_payload()->PackFrom(payload);
    return event;
  }

  absl::Status Apply(const wp::common::v1::Event& event) {
    return db_->Write([&](store::Transaction& tx) { return ApplyPopulationEvent(tx, event); });
  }

  // "learners/teachers" held for the authority and session, or "none".
  std::string Held(const std::string& authority, const std::string& session) {
    std::string out = "none";
    absl::Status s = db_->Read([&](store::Transaction& tx) -> absl::Status {
      auto rows = tx.Query("SELECT learners, teachers FROM authority_populations WHERE authority = ? AND session = ?",
                           {authority, session});
      if (!rows.ok()) return rows.status();
      if (!rows->empty()) out = std::to_string((*rows)[0].Int(0)) + "/" + std::to_string((*rows)[0].Int(1));
      return absl::OkStatus();
    });
    EXPECT_TRUE(s.ok()) << s;
    return out;
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(PopulationEventsTest, StoresTheFiguresPerAuthorityAndSession) {
  ASSERT_TRUE(Apply(Updated("authorities/GCC/populations/2022-23", 70400, 5600, "1")).ok());
  ASSERT_TRUE(Apply(Updated("authorities/INV/populations/2022-23", 9900, 790, "1")).ok());
  EXPECT_EQ(Held("GCC", "2022-23"), "70400/5600");
  EXPECT_EQ(Held("INV", "2022-23"), "9900/790");
  EXPECT_EQ(Held("GCC", "2021-22"), "none");
}

TEST_P(PopulationEventsTest, NewerVersionReplacesAndOlderArrivingLateLoses) {
  ASSERT_TRUE(Apply(Updated("authorities/GCC/populations/2022-23", 70400, 5600, "1")).ok());
  ASSERT_TRUE(Apply(Updated("authorities/GCC/populations/2022-23", 70500, 5610, "3")).ok());
  EXPECT_EQ(Held("GCC", "2022-23"), "70500/5610");
  ASSERT_TRUE(Apply(Updated("authorities/GCC/populations/2022-23", 1, 1, "2")).ok());
  EXPECT_EQ(Held("GCC", "2022-23"), "70500/5610");
  // The same event again changes nothing.
  ASSERT_TRUE(Apply(Updated("authorities/GCC/populations/2022-23", 70500, 5610, "3")).ok());
  EXPECT_EQ(Held("GCC", "2022-23"), "70500/5610");
}

TEST_P(PopulationEventsTest, OtherGovernanceEventsAreIgnored) {
  wp::common::v1::Event event = Updated("authorities/GCC/populations/2022-23", 70400, 5600, "1");
  event.set_type("wp.governance.plan.approved");
  ASSERT_TRUE(Apply(event).ok());
  EXPECT_EQ(Held("GCC", "2022-23"), "none");
}

TEST_P(PopulationEventsTest, PayloadThatIsNotAPopulationIsRefused) {
  wp::common::v1::Event event;
  event.set_id("e-bad");
  event.set_type(kPopulationUpdated);
  event.mutable_payload()->PackFrom(gov::Population());
  absl::Status s = Apply(event);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_NE(s.message().find("AuthorityPopulationUpdated"), std::string::npos) << s;
}

TEST_P(PopulationEventsTest, NameThatIsNotAPopulationIsRefused) {
  for (const char* name : {"", "authorities/GCC", "authorities//populations/2022-23", "bodies/GCC/populations/x"}) {
    absl::Status s = Apply(Updated(name, 1, 1, "1"));
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << name;
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PopulationEventsTest);

}  // namespace
}  // namespace wp::populations
