// Networks and forums on either store engine: coordinators per authority,
// the 2-3 priority action plan, meetings and their events.
#include "services/workstreams/networks/networks.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "libs/store/outbox.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "libs/testing/domain_test_support.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/tracker.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {
namespace {

using test_support::Day;
using test_support::FieldsOf;
using test_support::Month;

constexpr char kOwner[] = "planPeriods/2018-21/workstreams/4";
constexpr char kNetwork[] = "networks/maths-leads";

v1::Coordinator Coordinator(const std::string& authority, const std::string& person) {
  v1::Coordinator c;
  c.set_authority(authority);
  c.set_person(person);
  return c;
}

// A maths leads network owned by workstream 4, with the given coordinators
// and priorities.
v1::CreateNetworkRequest NetworkRequest(const std::vector<v1::Coordinator>& coordinators,
                                        const std::vector<std::string>& priorities) {
  v1::CreateNetworkRequest request;
  request.set_network_id("maths-leads");
  v1::Network* n = request.mutable_network();
  n->set_title("Maths leads network");
  n->set_kind(v1::SPECIALIST_NETWORK);
  n->set_owning_workstream(kOwner);
  for (const auto& c : coordinators) *n->add_coordinators() = c;
  for (const auto& p : priorities) n->add_priorities(p);
  return request;
}

const std::vector<std::string> kThreePriorities = {
    "Share numeracy assessment approaches", "Moderate S3 fourth level judgements",
    "Run a maths teachmeet each term"};

std::vector<std::string> AuthoritiesOf(const v1::Network& network) {
  std::vector<std::string> codes;
  for (const auto& c : network.coordinators()) codes.push_back(c.authority());
  return codes;
}

class NetworksTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    tracker_ = std::make_unique<Tracker>(*db_);
    networks_ = std::make_unique<Networks>(*db_);
  }

  void TearDown() override {
    networks_.reset();
    tracker_.reset();
    CloseStore();
  }

  void MakeOwner() {
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2018-21");
    request.mutable_workstream()->set_number(4);
    request.mutable_workstream()->set_title("Curricular and ASN networks");
    auto ws = tracker_->CreateWorkstream(caller_, request);
    ASSERT_TRUE(ws.ok()) << ws.status();
  }

  // The owner and a network with GCC and EDC coordinators and three priorities.
  v1::Network MakeNetwork() {
    MakeOwner();
    auto network = networks_->Create(
        caller_, NetworkRequest({Coordinator("GCC", "Ailsa Brown"), Coordinator("EDC", "Tom Reid")},
                                kThreePriorities));
    EXPECT_TRUE(network.ok()) << network.status();
    return network.ok() ? *network : v1::Network();
  }

  v1::Network Get() {
    v1::GetNetworkRequest request;
    request.set_name(kNetwork);
    auto network = networks_->Get(request);
    EXPECT_TRUE(network.ok()) << network.status();
    return network.ok() ? *network : v1::Network();
  }

  absl::StatusOr<v1::Network> SetCoordinator(const std::string& authority, const std::string& person) {
    v1::SetCoordinatorRequest request;
    request.set_name(kNetwork);
    *request.mutable_coordinator() = Coordinator(authority, person);
    return networks_->SetCoordinator(caller_, request);
  }

  static v1::RecordMeetingRequest MeetingRequest(const wp::common::v1::Date& date,
                                                 const std::string& request_id = "") {
    v1::RecordMeetingRequest request;
    request.set_name(kNetwork);
    *request.mutable_meeting()->mutable_meeting_date() = date;
    request.mutable_meeting()->set_attendance(24);
    request.mutable_meeting()->add_authorities_present("GCC");
    request.mutable_meeting()->add_authorities_present("SLC");
    request.mutable_meeting()->set_notes("Agreed the moderation timetable");
    request.set_request_id(request_id);
    return request;
  }
  std::unique_ptr<Tracker> tracker_;
  std::unique_ptr<Networks> networks_;
  server::Caller caller_ = test_support::OfficerCaller("kevin.docherty", "trace-n");
};

TEST_P(NetworksTest, CreatedNetworkHasCoordinatorsAndActionPlan) {
  const v1::Network created = MakeNetwork();
  EXPECT_EQ(created.name(), kNetwork);
  EXPECT_EQ(created.owning_workstream(), kOwner);
  EXPECT_EQ(created.etag(), "1");
  EXPECT_EQ(created.meetings_held(), 0);

  const v1::Network got = Get();
  EXPECT_EQ(got.title(), "Maths leads network");
  EXPECT_EQ(got.kind(), v1::SPECIALIST_NETWORK);
  EXPECT_EQ(AuthoritiesOf(got), (std::vector<std::string>{"EDC", "GCC"}));  // by code
  EXPECT_EQ(got.coordinators(1).person(), "Ailsa Brown");
  EXPECT_EQ(std::vector<std::string>(got.priorities().begin(), got.priorities().end()), kThreePriorities);
}

TEST_P(NetworksTest, CreateWritesANetworkCreatedEvent) {
  MakeOwner();
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(networks_->Create(caller_, NetworkRequest({}, kThreePriorities)).ok());
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.network.created");
  EXPECT_EQ(events[0].subject(), kNetwork);
  EXPECT_EQ(events[0].actor(), "kevin.docherty");
  v1::NetworkChanged changed;
  ASSERT_TRUE(events[0].payload().UnpackTo(&changed));
  EXPECT_EQ(changed.network().priorities_size(), 3);
}

TEST_P(NetworksTest, NetworkWithoutActionPlanIsAccepted) {
  MakeOwner();
  auto network = networks_->Create(caller_, NetworkRequest({}, {}));
  ASSERT_TRUE(network.ok()) << network.status();
  EXPECT_EQ(network->priorities_size(), 0);
}

TEST_P(NetworksTest, OnePriorityIsRejected) {
  MakeOwner();
  auto network = networks_->Create(caller_, NetworkRequest({}, {"Only one"}));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(network.status()), std::vector<std::string>{"network.priorities"});
}

TEST_P(NetworksTest, FourPrioritiesAreRejected) {
  MakeOwner();
  std::vector<std::string> four = kThreePriorities;
  four.push_back("A fourth priority");
  auto network = networks_->Create(caller_, NetworkRequest({}, four));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(network.status()), std::vector<std::string>{"network.priorities"});
}

TEST_P(NetworksTest, BlankPriorityNamesItsIndex) {
  MakeOwner();
  auto network = networks_->Create(caller_, NetworkRequest({}, {"Share practice", "  "}));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(network.status()), std::vector<std::string>{"network.priorities[1]"});
}

TEST_P(NetworksTest, UnknownAuthorityNamesTheCoordinator) {
  MakeOwner();
  auto network = networks_->Create(
      caller_, NetworkRequest({Coordinator("GCC", "Ailsa Brown"), Coordinator("FIF", "Jo Fyfe")},
                              kThreePriorities));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(network.status()), std::vector<std::string>{"network.coordinators[1].authority"});
}

TEST_P(NetworksTest, TwoCoordinatorsForOneAuthorityAreRejected) {
  MakeOwner();
  auto network = networks_->Create(
      caller_, NetworkRequest({Coordinator("REN", "Ailsa Brown"), Coordinator("REN", "Tom Reid")},
                              kThreePriorities));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(network.status()), std::vector<std::string>{"network.coordinators[1].authority"});
}

TEST_P(NetworksTest, MissingOwningWorkstreamIsFailedPrecondition) {
  auto network = networks_->Create(caller_, NetworkRequest({}, kThreePriorities));
  EXPECT_EQ(network.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(test_support::LastSeq(*db_), 0);
}

TEST_P(NetworksTest, SameIdTwiceIsAlreadyExists) {
  MakeNetwork();
  auto again = networks_->Create(caller_, NetworkRequest({}, kThreePriorities));
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
}

TEST_P(NetworksTest, SameRequestIdCreatesOnce) {
  MakeOwner();
  v1::CreateNetworkRequest request = NetworkRequest({}, kThreePriorities);
  request.set_request_id("create-maths-1");
  const int64_t before = test_support::LastSeq(*db_);
  auto first = networks_->Create(caller_, request);
  auto second = networks_->Create(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->name(), first->name());
  EXPECT_EQ(test_support::EventsAfter(*db_, before).size(), 1u);
}

TEST_P(NetworksTest, SetCoordinatorReplacesTheAuthoritysCoordinator) {
  MakeNetwork();
  auto updated = SetCoordinator("GCC", "Morag Kerr");
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(AuthoritiesOf(*updated), (std::vector<std::string>{"EDC", "GCC"}));
  EXPECT_EQ(updated->coordinators(1).person(), "Morag Kerr");
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(Get().coordinators(1).person(), "Morag Kerr");
}

// A retry of a recorded SetCoordinator (the first answer was lost) changes
// nothing: no second event, no new etag, even with the etag now stale.
TEST_P(NetworksTest, SetCoordinatorRetriedWithItsRequestIdChangesNothing) {
  MakeNetwork();
  v1::SetCoordinatorRequest request;
  request.set_name(kNetwork);
  *request.mutable_coordinator() = Coordinator("GCC", "Morag Kerr");
  request.set_etag("1");
  request.set_request_id("coord-1");
  const int64_t before = test_support::LastSeq(*db_);
  auto first = networks_->SetCoordinator(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retried = networks_->SetCoordinator(caller_, request);
  ASSERT_TRUE(retried.ok()) << retried.status();
  EXPECT_EQ(retried->etag(), first->etag());
  EXPECT_EQ(test_support::EventsAfter(*db_, before).size(), 1u);

  // A new request id is a new change, checked against the etag as usual.
  request.set_request_id("coord-2");
  EXPECT_EQ(networks_->SetCoordinator(caller_, request).status().code(), absl::StatusCode::kAborted);
}

TEST_P(NetworksTest, SetCoordinatorAddsANewAuthority) {
  MakeNetwork();
  auto updated = SetCoordinator("INV", "Lorna Shaw");
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(AuthoritiesOf(*updated), (std::vector<std::string>{"EDC", "GCC", "INV"}));
}

TEST_P(NetworksTest, EmptyPersonRemovesTheCoordinator) {
  MakeNetwork();
  auto updated = SetCoordinator("EDC", "");
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(AuthoritiesOf(*updated), std::vector<std::string>{"GCC"});
  EXPECT_EQ(AuthoritiesOf(Get()), std::vector<std::string>{"GCC"});
}

TEST_P(NetworksTest, SetCoordinatorWritesAnEvent) {
  MakeNetwork();
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(SetCoordinator("NLC", "Sam Neil").ok());
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.network.coordinator_set");
  EXPECT_EQ(events[0].subject(), kNetwork);
}

TEST_P(NetworksTest, SetCoordinatorWithUnknownAuthorityNamesTheField) {
  MakeNetwork();
  auto updated = SetCoordinator("XYZ", "Sam Neil");
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(updated.status()), std::vector<std::string>{"coordinator.authority"});
}

TEST_P(NetworksTest, SetCoordinatorWithStaleEtagIsAborted) {
  MakeNetwork();
  ASSERT_TRUE(SetCoordinator("NLC", "Sam Neil").ok());
  v1::SetCoordinatorRequest request;
  request.set_name(kNetwork);
  *request.mutable_coordinator() = Coordinator("NLC", "Someone Else");
  request.set_etag("1");
  EXPECT_EQ(networks_->SetCoordinator(caller_, request).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get().coordinators(2).person(), "Sam Neil");
}

TEST_P(NetworksTest, SetActionPlanReplacesThePriorities) {
  MakeNetwork();
  v1::SetActionPlanRequest request;
  request.set_name(kNetwork);
  request.add_priorities("Moderation");
  request.add_priorities("Teachmeets");
  auto updated = networks_->SetActionPlan(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(std::vector<std::string>(updated->priorities().begin(), updated->priorities().end()),
            (std::vector<std::string>{"Moderation", "Teachmeets"}));
}

TEST_P(NetworksTest, SetActionPlanWithOnePriorityIsRejected) {
  MakeNetwork();
  v1::SetActionPlanRequest request;
  request.set_name(kNetwork);
  request.add_priorities("Moderation");
  auto updated = networks_->SetActionPlan(caller_, request);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(updated.status()), std::vector<std::string>{"priorities"});
  EXPECT_EQ(Get().priorities_size(), 3);
}

TEST_P(NetworksTest, RecordMeetingCountsItAndKeepsTheLatestDate) {
  MakeNetwork();
  auto first = networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 3, 12)));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->name(), "networks/maths-leads/meetings/1");
  EXPECT_EQ(Get().meetings_held(), 1);
  EXPECT_EQ(Get().last_meeting_date().day(), 12);

  auto second = networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 6, 4)));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->name(), "networks/maths-leads/meetings/2");
  const v1::Network network = Get();
  EXPECT_EQ(network.meetings_held(), 2);
  EXPECT_EQ(network.last_meeting_date().year(), 2019);
  EXPECT_EQ(network.last_meeting_date().month(), 6);
  EXPECT_EQ(network.last_meeting_date().day(), 4);
}

TEST_P(NetworksTest, RecordMeetingWritesAMeetingHeldEvent) {
  MakeNetwork();
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 3, 12))).ok());
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.workstreams.network.meeting_held");
  EXPECT_EQ(events[0].subject(), kNetwork);
  v1::NetworkMeetingHeld held;
  ASSERT_TRUE(events[0].payload().UnpackTo(&held));
  EXPECT_EQ(held.network(), kNetwork);
  EXPECT_EQ(held.meeting().attendance(), 24);
  EXPECT_EQ(held.meeting().name(), "networks/maths-leads/meetings/1");
}

TEST_P(NetworksTest, SameRequestIdRecordsTheMeetingOnce) {
  MakeNetwork();
  const int64_t before = test_support::LastSeq(*db_);
  auto first = networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 3, 12), "meeting-1"));
  auto again = networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 3, 12), "meeting-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(again->attendance(), 24);
  EXPECT_EQ(Get().meetings_held(), 1);
  EXPECT_EQ(test_support::EventsAfter(*db_, before).size(), 1u);
}

TEST_P(NetworksTest, MeetingsAreListedOldestFirst) {
  MakeNetwork();
  ASSERT_TRUE(networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 6, 4))).ok());
  ASSERT_TRUE(networks_->RecordMeeting(caller_, MeetingRequest(Day(2019, 3, 12))).ok());
  v1::ListMeetingsRequest request;
  request.set_name(kNetwork);
  auto meetings = networks_->ListMeetings(request);
  ASSERT_TRUE(meetings.ok()) << meetings.status();
  ASSERT_EQ(meetings->meetings_size(), 2);
  EXPECT_EQ(meetings->meetings(0).meeting_date().month(), 3);
  EXPECT_EQ(meetings->meetings(1).meeting_date().month(), 6);
  EXPECT_EQ(std::vector<std::string>(meetings->meetings(0).authorities_present().begin(),
                                     meetings->meetings(0).authorities_present().end()),
            (std::vector<std::string>{"GCC", "SLC"}));
  EXPECT_EQ(meetings->meetings(0).notes(), "Agreed the moderation timetable");
}

TEST_P(NetworksTest, MeetingWithoutDateNamesTheField) {
  MakeNetwork();
  v1::RecordMeetingRequest request = MeetingRequest(Day(2019, 3, 12));
  request.mutable_meeting()->clear_meeting_date();
  auto meeting = networks_->RecordMeeting(caller_, request);
  EXPECT_EQ(meeting.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(meeting.status()), std::vector<std::string>{"meeting.meeting_date"});
}

TEST_P(NetworksTest, UnknownNetworkIsNotFound) {
  MakeOwner();
  v1::GetNetworkRequest get;
  get.set_name("networks/no-such-network");
  EXPECT_EQ(networks_->Get(get).status().code(), absl::StatusCode::kNotFound);

  v1::SetCoordinatorRequest coordinator;
  coordinator.set_name("networks/no-such-network");
  *coordinator.mutable_coordinator() = Coordinator("GCC", "Ailsa Brown");
  EXPECT_EQ(networks_->SetCoordinator(caller_, coordinator).status().code(),
            absl::StatusCode::kNotFound);

  v1::RecordMeetingRequest meeting = MeetingRequest(Day(2019, 3, 12));
  meeting.set_name("networks/no-such-network");
  EXPECT_EQ(networks_->RecordMeeting(caller_, meeting).status().code(), absl::StatusCode::kNotFound);

  v1::ListMeetingsRequest meetings;
  meetings.set_name("networks/no-such-network");
  EXPECT_EQ(networks_->ListMeetings(meetings).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(NetworksTest, ListFiltersByOwningWorkstream) {
  MakeNetwork();
  v1::ListNetworksRequest request;
  request.set_owning_workstream(kOwner);
  auto listed = networks_->List(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->networks_size(), 1);
  EXPECT_EQ(listed->networks(0).name(), kNetwork);

  request.set_owning_workstream("planPeriods/2018-21/workstreams/5");
  listed = networks_->List(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(listed->networks_size(), 0);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(NetworksTest);

}  // namespace
}  // namespace wp::workstreams
