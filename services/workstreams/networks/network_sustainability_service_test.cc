// End to end through the workstreams binary (real nats-server, redis-server
// and store, once per engine): the region view of network sustainability,
// one network.sustainability_changed on the bus for the meeting that moved a
// network's status, and the periodic check (every second here) publishing
// nothing more while nothing changes.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/bus/bus_test_util.h"
#include "libs/bus/nats_connection.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/testing/service_stack.h"
#include "libs/testing/test_tokens.h"
#include "wp/common/v1/event.pb.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {
namespace {

using bus::test_util::Eventually;

constexpr char kStream[] = "WP_WORKSTREAMS";
constexpr char kChanged[] = "wp.workstreams.network.sustainability_changed";
const char* const kCodes[] = {"EDC", "ERC", "GCC", "INV", "NLC", "REN", "SLC", "WDC"};

wp::common::v1::Date DaysFromToday(int days) {
  const absl::CivilDay day = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) + days;
  wp::common::v1::Date date;
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

class NetworkSustainabilityServiceTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(stack_.StartServers().ok());
    auto service = stack_.StartService(WP_WORKSTREAMS_BIN, GetParam(), "workstreams",
                                       {"--network_check_seconds=1", "--coordinator_term_warning_days=30"});
    ASSERT_TRUE(service.ok()) << service.status();
    service_ = *std::move(service);
    // Reads the events the service publishes.
    bus::NatsOptions nats_options;
    nats_options.url = stack_.nats().url();
    nats_options.name = "test-reader";
    auto connection = bus::NatsConnection::Connect(nats_options);
    ASSERT_TRUE(connection.ok()) << connection.status();
    reader_ = std::move(*connection);
    networks_ = v1::NetworksService::NewStub(service_->channel());
  }

  void TearDown() override {
    reader_.reset();
    if (service_) service_->Stop();
    stack_.Stop();
  }

  static void Prepare(grpc::ClientContext* ctx) {
    ctx->AddMetadata("authorization", wp::testing::TestBearer(auth::Role::kOfficer, "integration-test"));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  }

  void CreateOwner() {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2022-23");
    request.mutable_workstream()->set_number(1);
    request.mutable_workstream()->set_title("Wellbeing for Learning");
    v1::Workstream created;
    grpc::Status s = v1::WorkstreamsService::NewStub(service_->channel())->CreateWorkstream(&ctx, request, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // Established two years ago, with an action plan and `covered` coordinators.
  grpc::Status CreateNetwork(const std::string& id, const std::string& title, int covered) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::CreateNetworkRequest request;
    request.set_network_id(id);
    v1::Network* n = request.mutable_network();
    n->set_title(title);
    n->set_kind(v1::FORUM);
    n->set_owning_workstream("planPeriods/2022-23/workstreams/1");
    *n->mutable_established_date() = DaysFromToday(-730);
    for (int i = 0; i < covered; ++i) {
      v1::Coordinator* c = n->add_coordinators();
      c->set_authority(kCodes[i]);
      c->set_person(absl::StrCat("Coordinator ", kCodes[i]));
    }
    n->add_priorities("Transitions for learners with complex needs");
    n->add_priorities("Shared training for pupil support assistants");
    v1::Network created;
    return networks_->CreateNetwork(&ctx, request, &created);
  }

  std::vector<wp::common::v1::Event> EventsOfType(const std::string& type) {
    std::vector<wp::common::v1::Event> events;
    auto messages = bus::test_util::ReadStream(*reader_, kStream);
    if (!messages.ok()) return events;
    for (const auto& m : *messages) {
      wp::common::v1::Event e;
      if (e.ParseFromString(m.data) && e.type() == type) events.push_back(e);
    }
    return events;
  }

  wp::testing::ServiceStack stack_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
  std::unique_ptr<bus::NatsConnection> reader_;
  std::unique_ptr<v1::NetworksService::Stub> networks_;
};

TEST_P(NetworkSustainabilityServiceTest, RegionViewAndOneStatusChangeOnTheBus) {
  CreateOwner();
  ASSERT_TRUE(CreateNetwork("asn-officers", "ASN officers forum", 8).ok());
  ASSERT_TRUE(CreateNetwork("gaelic-forum", "Gaelic forum", 2).ok());
  {  // The forum's first meeting in a year: lapsing -> at risk (1 of 3).
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::RecordMeetingRequest request;
    request.set_name("networks/asn-officers");
    *request.mutable_meeting()->mutable_meeting_date() = DaysFromToday(-7);
    request.mutable_meeting()->set_attendance(9);
    v1::NetworkMeeting meeting;
    grpc::Status s = networks_->RecordMeeting(&ctx, request, &meeting);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::ListNetworkSustainabilityResponse region;
  grpc::Status s = networks_->ListNetworkSustainability(&ctx, v1::ListNetworkSustainabilityRequest(), &region);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(region.networks_size(), 2);
  EXPECT_EQ(region.networks(0).network(), "networks/gaelic-forum");
  EXPECT_EQ(region.networks(0).status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(region.networks(0).reasons(0), "2 of 8 authorities have a current coordinator (fewer than 4)");
  EXPECT_EQ(region.networks(1).status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(region.networks(1).authorities_covered(), 8);
  EXPECT_EQ(region.networks(1).meetings_last_12_months(), 1);
  EXPECT_EQ(region.networks(1).term_warning_days(), 30);
  EXPECT_EQ(region.lapsing(), 1);
  EXPECT_EQ(region.at_risk(), 1);
  EXPECT_EQ(region.healthy(), 0);

  std::vector<wp::common::v1::Event> changes;
  ASSERT_TRUE(Eventually([&] {
    changes = EventsOfType(kChanged);
    return !changes.empty();
  }));
  // The periodic check runs every second meanwhile and finds nothing new.
  absl::SleepFor(absl::Milliseconds(2500));
  changes = EventsOfType(kChanged);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].subject(), "networks/asn-officers");
  v1::NetworkSustainabilityChanged payload;
  ASSERT_TRUE(changes[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.previous_status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(payload.status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(payload.reasons(0), "1 meeting in the last 12 months against 3 expected");
}

TEST_P(NetworkSustainabilityServiceTest, BadCadenceAndTermNameTheField) {
  CreateOwner();
  ASSERT_TRUE(CreateNetwork("asn-officers", "ASN officers forum", 8).ok());
  grpc::ClientContext ctx;
  Prepare(&ctx);
  v1::SetMeetingCadenceRequest cadence;
  cadence.set_name("networks/asn-officers");
  cadence.set_expected_meetings_per_year(53);
  v1::Network network;
  grpc::Status s = networks_->SetMeetingCadence(&ctx, cadence, &network);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(s))[0].field, "expected_meetings_per_year");

  grpc::ClientContext ctx2;
  Prepare(&ctx2);
  v1::SetCoordinatorRequest coordinator;
  coordinator.set_name("networks/asn-officers");
  coordinator.mutable_coordinator()->set_authority("GCC");
  coordinator.mutable_coordinator()->set_person("Rhona Miller");
  *coordinator.mutable_coordinator()->mutable_start_date() = DaysFromToday(10);
  *coordinator.mutable_coordinator()->mutable_term_end_date() = DaysFromToday(5);
  s = networks_->SetCoordinator(&ctx2, coordinator, &network);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(s))[0].field, "coordinator.term_end_date");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(NetworkSustainabilityServiceTest);

}  // namespace
}  // namespace wp::workstreams
