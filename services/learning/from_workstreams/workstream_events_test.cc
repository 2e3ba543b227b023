#include "services/learning/from_workstreams/workstream_events.h"

#include "gtest/gtest.h"
#include "libs/testing/test_store.h"
#include "services/learning/core/known_links.h"
#include "services/learning/core/migrations.h"
#include "wp/workstreams/v1/networks.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::learning {
namespace {

namespace ws = wp::workstreams::v1;

class WorkstreamEventsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  static wp::common::v1::Event Of(const std::string& type, const google::protobuf::Message& payload) {
    wp::common::v1::Event event;
    event.set_id("e-" + type);
    event.set_type(type);
    event.mutable_payload()->PackFrom(payload);
    return event;
  }

  static wp::common::v1::Event WorkstreamCreated(const std::string& name) {
    ws::WorkstreamChanged payload;
    payload.mutable_workstream()->set_name(name);
    payload.mutable_workstream()->set_title("Wellbeing for Learning");
    return Of("wp.workstreams.workstream.created", payload);
  }

  static wp::common::v1::Event NetworkCreated(const std::string& name) {
    ws::NetworkChanged payload;
    payload.mutable_network()->set_name(name);
    payload.mutable_network()->set_title("Maths leads");
    return Of("wp.workstreams.network.created", payload);
  }

  absl::Status Apply(const wp::common::v1::Event& event) {
    return db_->Write([&](store::Transaction& tx) { return ApplyWorkstreamsEvent(tx, event); });
  }

  absl::Status CheckWorkstream(const std::string& name) {
    return db_->Read([&](store::Transaction& tx) { return CheckKnownWorkstream(tx, name, "programme.workstream"); });
  }

  absl::Status CheckNetwork(const std::string& name) {
    return db_->Read([&](store::Transaction& tx) { return CheckKnownNetwork(tx, name, "programme.network"); });
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(WorkstreamEventsTest, RemembersPublishedWorkstreamsAndNetworks) {
  EXPECT_EQ(CheckWorkstream("planPeriods/2022-23/workstreams/1").code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Apply(WorkstreamCreated("planPeriods/2022-23/workstreams/1")).ok());
  ASSERT_TRUE(Apply(WorkstreamCreated("planPeriods/2022-23/workstreams/1")).ok());  // redelivered
  EXPECT_TRUE(CheckWorkstream("planPeriods/2022-23/workstreams/1").ok());
  EXPECT_EQ(CheckWorkstream("planPeriods/2022-23/workstreams/2").code(), absl::StatusCode::kFailedPrecondition);

  EXPECT_EQ(CheckNetwork("networks/maths-leads").code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Apply(NetworkCreated("networks/maths-leads")).ok());
  EXPECT_TRUE(CheckNetwork("networks/maths-leads").ok());
}

TEST_P(WorkstreamEventsTest, IgnoresOtherEventsAndRefusesMalformedOnes) {
  ws::PlanItemChanged item;
  EXPECT_TRUE(Apply(Of("wp.workstreams.plan_item.created", item)).ok());
  ws::NetworkSustainabilityChanged sustainability;
  sustainability.set_network("networks/maths-leads");
  sustainability.set_status(ws::NETWORK_AT_RISK);
  EXPECT_TRUE(Apply(Of("wp.workstreams.network.sustainability_changed", sustainability)).ok());
  // A workstream event whose payload is something else, or names nothing.
  EXPECT_EQ(Apply(Of("wp.workstreams.workstream.created", item)).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Apply(WorkstreamCreated("")).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Apply(NetworkCreated("")).code(), absl::StatusCode::kInvalidArgument);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(WorkstreamEventsTest);

}  // namespace
}  // namespace wp::learning
