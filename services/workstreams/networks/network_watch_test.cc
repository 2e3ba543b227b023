// Network sustainability on either store engine: coordinator terms, the
// meeting cadence and the plan's date as stored; the region view; and
// network.sustainability_changed published once per change, by the change
// that caused it or by the periodic check as time passes.
#include "services/workstreams/networks/network_watch.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/networks/networks.h"
#include "services/workstreams/tracker.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {
namespace {

using test_support::FieldsOf;

constexpr char kOwner[] = "planPeriods/2022-23/workstreams/4";
constexpr char kForum[] = "networks/asn-officers";
const char* const kCodes[] = {"EDC", "ERC", "GCC", "INV", "NLC", "REN", "SLC", "WDC"};
// Terms ending within a week are flagged in these tests.
constexpr SustainabilityRule kRule{7};

absl::CivilDay Today() { return UtcDay(absl::Now()); }
wp::common::v1::Date In(int days) { return calendar::FromCivilDay(Today() + days); }

class NetworkWatchTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    tracker_ = std::make_unique<Tracker>(*db_);
    networks_ = std::make_unique<Networks>(*db_, kRule);
    v1::CreateWorkstreamRequest ws;
    ws.mutable_workstream()->set_plan_period("2022-23");
    ws.mutable_workstream()->set_number(4);
    ws.mutable_workstream()->set_title("Curricular and ASN networks");
    ASSERT_TRUE(tracker_->CreateWorkstream(caller_, ws).ok());
  }

  void TearDown() override {
    networks_.reset();
    tracker_.reset();
    CloseStore();
  }

  // A forum established two years ago with coordinators in the first
  // `covered` authorities and, with `plan`, an action plan.
  static v1::CreateNetworkRequest ForumRequest(const std::string& id, const std::string& title, int covered,
                                               bool plan) {
    v1::CreateNetworkRequest request;
    request.set_network_id(id);
    v1::Network* n = request.mutable_network();
    n->set_title(title);
    n->set_kind(v1::FORUM);
    n->set_owning_workstream(kOwner);
    *n->mutable_established_date() = In(-730);
    for (int i = 0; i < covered; ++i) {
      v1::Coordinator* c = n->add_coordinators();
      c->set_authority(kCodes[i]);
      c->set_person(std::string("Coordinator ") + kCodes[i]);
    }
    if (plan) {
      n->add_priorities("Transitions for learners with complex needs");
      n->add_priorities("Shared training for pupil support assistants");
    }
    return request;
  }

  v1::Network Create(const std::string& id, const std::string& title, int covered, bool plan) {
    auto created = networks_->Create(caller_, ForumRequest(id, title, covered, plan));
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : v1::Network();
  }

  absl::Status Meet(const std::string& name, int days_ago) {
    v1::RecordMeetingRequest request;
    request.set_name(name);
    *request.mutable_meeting()->mutable_meeting_date() = In(-days_ago);
    request.mutable_meeting()->set_attendance(12);
    return networks_->RecordMeeting(caller_, request).status();
  }

  absl::StatusOr<v1::Network> SetCoordinator(const std::string& authority, const std::string& person,
                                             const wp::common::v1::Date* start = nullptr,
                                             const wp::common::v1::Date* end = nullptr) {
    v1::SetCoordinatorRequest request;
    request.set_name(kForum);
    request.mutable_coordinator()->set_authority(authority);
    request.mutable_coordinator()->set_person(person);
    if (start != nullptr) *request.mutable_coordinator()->mutable_start_date() = *start;
    if (end != nullptr) *request.mutable_coordinator()->mutable_term_end_date() = *end;
    return networks_->SetCoordinator(caller_, request);
  }

  absl::StatusOr<v1::Network> Get(const std::string& name, const wp::common::v1::Date* as_of = nullptr) {
    v1::GetNetworkRequest request;
    request.set_name(name);
    if (as_of != nullptr) *request.mutable_as_of() = *as_of;
    return networks_->Get(request);
  }

  // The sustainability_changed events written after `after`.
  std::vector<v1::NetworkSustainabilityChanged> Changes(int64_t after) {
    std::vector<v1::NetworkSustainabilityChanged> changes;
    for (const auto& e : test_support::EventsAfter(*db_, after)) {
      if (e.type() != "wp.workstreams.network.sustainability_changed") continue;
      v1::NetworkSustainabilityChanged payload;
      EXPECT_TRUE(e.payload().UnpackTo(&payload));
      changes.push_back(payload);
    }
    return changes;
  }

  int Check(int days_later) {
    auto published = NetworkWatch(*db_, kRule).PublishChanges(system_, absl::Now() + absl::Hours(24) * days_later);
    EXPECT_TRUE(published.ok()) << published.status();
    return published.ok() ? *published : -1;
  }
  std::unique_ptr<Tracker> tracker_;
  std::unique_ptr<Networks> networks_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.mcleod", "trace-w");
  server::Caller system_ = test_support::OfficerCaller("workstreams", "trace-s");
};

TEST_P(NetworkWatchTest, CoordinatorTermsAreStoredAndAnEndedTermDoesNotCover) {
  Create("asn-officers", "ASN officers forum", 6, true);
  const auto start = In(-300);
  const auto end = In(-1);
  auto changed = SetCoordinator("GCC", "Rhona Miller", &start, &end);
  ASSERT_TRUE(changed.ok()) << changed.status();
  const v1::Coordinator& gcc = changed->coordinators(2);
  EXPECT_EQ(gcc.authority(), "GCC");
  EXPECT_EQ(calendar::ToIsoText(gcc.start_date()), calendar::ToIsoText(start));
  EXPECT_EQ(calendar::ToIsoText(gcc.term_end_date()), calendar::ToIsoText(end));
  EXPECT_FALSE(changed->coordinators(0).has_term_end_date());  // open-ended
  EXPECT_EQ(changed->sustainability().authorities_covered(), 5);
  EXPECT_EQ(changed->sustainability().authorities_without_coordinator(0), "GCC");
  // Judged on a day inside the term, GCC is covered.
  const auto during = In(-10);
  auto then = Get(kForum, &during);
  ASSERT_TRUE(then.ok()) << then.status();
  EXPECT_EQ(then->sustainability().authorities_covered(), 6);
  EXPECT_EQ(calendar::ToIsoText(then->sustainability().as_of()), calendar::ToIsoText(during));
}

TEST_P(NetworkWatchTest, CadenceDefaultsToThreeAndCanBeSet) {
  const v1::Network created = Create("asn-officers", "ASN officers forum", 8, true);
  EXPECT_EQ(created.expected_meetings_per_year(), 3);
  EXPECT_EQ(calendar::ToIsoText(created.action_plan_set_date()), calendar::ToIsoText(In(0)));
  EXPECT_EQ(calendar::ToIsoText(created.established_date()), calendar::ToIsoText(In(-730)));
  const int64_t before = test_support::LastSeq(*db_);
  v1::SetMeetingCadenceRequest request;
  request.set_name(kForum);
  request.set_expected_meetings_per_year(6);
  request.set_etag(created.etag());
  auto changed = networks_->SetMeetingCadence(caller_, request);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(changed->expected_meetings_per_year(), 6);
  EXPECT_EQ(changed->sustainability().expected_meetings(), 6);
  EXPECT_NE(changed->etag(), created.etag());
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type(), "wp.workstreams.network.cadence_set");
}

TEST_P(NetworkWatchTest, BadCadenceIsRejectedNamingTheField) {
  Create("asn-officers", "ASN officers forum", 8, true);
  for (int bad : {0, 53, -1}) {
    v1::SetMeetingCadenceRequest request;
    request.set_name(kForum);
    request.set_expected_meetings_per_year(bad);
    auto changed = networks_->SetMeetingCadence(caller_, request);
    EXPECT_EQ(changed.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(FieldsOf(changed.status()), std::vector<std::string>{"expected_meetings_per_year"});
  }
  v1::CreateNetworkRequest request = ForumRequest("gaelic-forum", "Gaelic forum", 2, false);
  request.mutable_network()->set_expected_meetings_per_year(53);
  auto created = networks_->Create(caller_, request);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(created.status()), std::vector<std::string>{"network.expected_meetings_per_year"});
}

TEST_P(NetworkWatchTest, BadEstablishedDateIsRejected) {
  v1::CreateNetworkRequest request = ForumRequest("gaelic-forum", "Gaelic forum", 2, false);
  *request.mutable_network()->mutable_established_date() = In(1);
  auto created = networks_->Create(caller_, request);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(created.status()), std::vector<std::string>{"network.established_date"});
  *request.mutable_network()->mutable_established_date() = test_support::Day(2025, 2, 29);
  created = networks_->Create(caller_, request);
  EXPECT_EQ(FieldsOf(created.status()), std::vector<std::string>{"network.established_date.day"});
}

TEST_P(NetworkWatchTest, BadTermDatesAreRejectedNamingTheField) {
  Create("asn-officers", "ASN officers forum", 6, true);
  const auto bad_day = test_support::Day(2026, 2, 30);
  auto changed = SetCoordinator("GCC", "Rhona Miller", &bad_day);
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(changed.status()), std::vector<std::string>{"coordinator.start_date.day"});
  const auto month_only = test_support::Month(2026, 9);
  changed = SetCoordinator("GCC", "Rhona Miller", nullptr, &month_only);
  EXPECT_EQ(FieldsOf(changed.status()), std::vector<std::string>{"coordinator.term_end_date.day"});
  const auto start = test_support::Day(2026, 9, 1);
  const auto end = test_support::Day(2026, 8, 31);
  changed = SetCoordinator("GCC", "Rhona Miller", &start, &end);
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(changed.status()), std::vector<std::string>{"coordinator.term_end_date"});
  EXPECT_NE(changed.status().message().find("before start_date"), std::string::npos);
  changed = SetCoordinator("XYZ", "Rhona Miller");
  EXPECT_EQ(FieldsOf(changed.status()), std::vector<std::string>{"coordinator.authority"});
  // On create too, with the coordinator's index.
  v1::CreateNetworkRequest request = ForumRequest("gaelic-forum", "Gaelic forum", 2, false);
  *request.mutable_network()->mutable_coordinators(1)->mutable_start_date() = start;
  *request.mutable_network()->mutable_coordinators(1)->mutable_term_end_date() = end;
  auto created = networks_->Create(caller_, request);
  EXPECT_EQ(FieldsOf(created.status()), std::vector<std::string>{"network.coordinators[1].term_end_date"});
}

TEST_P(NetworkWatchTest, BadAsOfIsRejected) {
  Create("asn-officers", "ASN officers forum", 6, true);
  const auto bad = test_support::Day(2026, 13, 1);
  auto got = Get(kForum, &bad);
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(got.status()), std::vector<std::string>{"as_of.month"});
  v1::ListNetworkSustainabilityRequest request;
  *request.mutable_as_of() = bad;
  auto listed = networks_->ListSustainability(caller_, request);
  EXPECT_EQ(FieldsOf(listed.status()), std::vector<std::string>{"as_of.month"});
}

TEST_P(NetworkWatchTest, ActionPlanIsCurrentForTwelveMonthsAfterItIsSet) {
  Create("asn-officers", "ASN officers forum", 8, false);
  auto got = Get(kForum);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->sustainability().action_plan_current());
  v1::SetActionPlanRequest plan;
  plan.set_name(kForum);
  plan.add_priorities("Transitions for learners with complex needs");
  plan.add_priorities("Shared training for pupil support assistants");
  ASSERT_TRUE(networks_->SetActionPlan(caller_, plan).ok());
  got = Get(kForum);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->sustainability().action_plan_current());
  EXPECT_EQ(calendar::ToIsoText(got->action_plan_set_date()), calendar::ToIsoText(In(0)));
  const auto next_year = In(366);
  got = Get(kForum, &next_year);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->sustainability().action_plan_current());
  const std::string over = "action plan last set " + calendar::ToIsoText(In(0)) + ", over a year ago";
  EXPECT_NE(std::find(got->sustainability().reasons().begin(), got->sustainability().reasons().end(), over),
            got->sustainability().reasons().end());
}

TEST_P(NetworkWatchTest, AChangeThatMovesTheStatusPublishesItOnce) {
  Create("asn-officers", "ASN officers forum", 6, true);  // no meeting yet: lapsing
  const int64_t before = test_support::LastSeq(*db_);
  ASSERT_TRUE(Meet(kForum, 200).ok());  // 1 of 3: at risk
  ASSERT_TRUE(Meet(kForum, 100).ok());  // 2 of 3: still at risk, no event
  ASSERT_TRUE(Meet(kForum, 10).ok());   // 3 of 3: healthy
  ASSERT_TRUE(SetCoordinator("EDC", "").ok());  // 5 of 8: at risk
  ASSERT_TRUE(SetCoordinator("ERC", "").ok());  // 4 of 8: still at risk
  const auto changes = Changes(before);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].network(), kForum);
  EXPECT_EQ(changes[0].previous_status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(changes[0].status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(changes[0].reasons(0), "1 meeting in the last 12 months against 3 expected");
  EXPECT_EQ(changes[1].previous_status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(changes[1].status(), v1::NETWORK_HEALTHY);
  EXPECT_TRUE(changes[1].reasons().empty());
  EXPECT_EQ(changes[2].status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(changes[2].reasons(0), "5 of 8 authorities have a current coordinator (fewer than 6)");
  EXPECT_EQ(calendar::ToIsoText(changes[2].as_of()), calendar::ToIsoText(In(0)));
  // Nothing new for the check to find.
  EXPECT_EQ(Check(0), 0);
}

TEST_P(NetworkWatchTest, ThePeriodicCheckPublishesWhatTimeChangesOnce) {
  Create("asn-officers", "ASN officers forum", 6, true);
  const auto start = In(-100);
  const auto end = In(20);
  ASSERT_TRUE(SetCoordinator("GCC", "Rhona Miller", &start, &end).ok());
  for (int days_ago : {250, 120, 5}) ASSERT_TRUE(Meet(kForum, days_ago).ok());
  ASSERT_EQ(Get(kForum)->sustainability().status(), v1::NETWORK_HEALTHY);
  const int64_t before = test_support::LastSeq(*db_);
  EXPECT_EQ(Check(0), 0);
  EXPECT_EQ(Check(12), 0);  // the GCC term ends in 8 days: beyond the 7-day window
  EXPECT_EQ(Check(14), 1);  // within it: 5 would remain
  EXPECT_EQ(Check(15), 0);  // the same spell
  EXPECT_EQ(Check(21), 0);  // the term has ended: 5 of 8, still at risk
  EXPECT_EQ(Check(400), 1);  // a year without a meeting: lapsing
  const auto changes = Changes(before);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].previous_status(), v1::NETWORK_HEALTHY);
  EXPECT_EQ(changes[0].status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(changes[0].reasons(0), "1 coordinator term ends within 7 days, leaving 5 of 8 authorities covered");
  EXPECT_EQ(calendar::ToIsoText(changes[0].as_of()), calendar::ToIsoText(In(14)));
  EXPECT_EQ(changes[1].status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(changes[1].reasons(0), "no meeting in the last 12 months");
}

TEST_P(NetworkWatchTest, RegionViewListsLapsingFirstWithCounts) {
  Create("maths-leads", "Maths leads network", 8, true);
  Create("gaelic-forum", "Gaelic forum", 2, true);
  Create("asn-officers", "ASN officers forum", 5, true);
  Create("eal-network", "EAL network", 8, true);
  for (const char* name : {"networks/maths-leads", "networks/asn-officers", "networks/eal-network"}) {
    for (int days_ago : {250, 120, 5}) ASSERT_TRUE(Meet(name, days_ago).ok());
  }
  auto listed = networks_->ListSustainability(caller_, v1::ListNetworkSustainabilityRequest());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->networks_size(), 4);
  EXPECT_EQ(listed->networks(0).network(), "networks/gaelic-forum");
  EXPECT_EQ(listed->networks(0).status(), v1::NETWORK_LAPSING);
  EXPECT_EQ(listed->networks(1).network(), kForum);
  EXPECT_EQ(listed->networks(1).status(), v1::NETWORK_AT_RISK);
  EXPECT_EQ(listed->networks(2).title(), "EAL network");  // healthy, by title
  EXPECT_EQ(listed->networks(3).title(), "Maths leads network");
  EXPECT_EQ(listed->lapsing(), 1);
  EXPECT_EQ(listed->at_risk(), 1);
  EXPECT_EQ(listed->healthy(), 2);
  EXPECT_EQ(calendar::ToIsoText(listed->as_of()), calendar::ToIsoText(In(0)));
}

TEST_P(NetworkWatchTest, AnAuthorityOfficerSeesOnlyItsOwnEndingTerms) {
  Create("asn-officers", "ASN officers forum", 8, true);
  const auto end = In(3);
  ASSERT_TRUE(SetCoordinator("GCC", "Rhona Miller", nullptr, &end).ok());
  ASSERT_TRUE(SetCoordinator("EDC", "Tom Reid", nullptr, &end).ok());
  server::Caller officer = caller_;
  officer.role = "authority_officer";
  officer.authorities = {"GCC"};
  auto listed = networks_->ListSustainability(officer, v1::ListNetworkSustainabilityRequest());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->networks(0).ending_terms_size(), 1);
  EXPECT_EQ(listed->networks(0).ending_terms(0).person(), "Rhona Miller");
  v1::GetNetworkRequest get;
  get.set_name(kForum);
  auto network = networks_->Get(officer, get);
  ASSERT_TRUE(network.ok());
  ASSERT_EQ(network->sustainability().ending_terms_size(), 1);
  EXPECT_EQ(network->sustainability().ending_terms(0).authority(), "GCC");
  EXPECT_EQ(network->sustainability().authorities_covered(), 8);  // counts stay whole
}

WP_INSTANTIATE_ON_EVERY_ENGINE(NetworkWatchTest);

}  // namespace
}  // namespace wp::workstreams
