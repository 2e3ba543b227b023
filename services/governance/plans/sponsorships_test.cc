// Workstream sponsorship on either store engine: who may sponsor, once at a
// time, ending it, listing, and the events the workstreams service consumes.
#include "services/governance/plans/sponsorships.h"

#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/plans/plans.h"
#include "services/governance/plans/plans_test_support.h"

namespace wp::governance {
namespace {

using google::protobuf::util::MessageDifferencer;
using plans_test::kBoardDecision;
using plans_test::kBoardMeeting;
using plans_test::kRecDecision;
using plans_test::kScheduledBoardMeeting;
using test_support::Day;
using test_support::Exec;
using test_support::FieldsOf;

constexpr char kPlan[] = "plans/2022-23";
constexpr char kJane[] = "people/jane-smith";      // Board director since 2020-08-01
constexpr char kTom[] = "people/tom-reid";         // Board director 2021-01-01 .. 2022-06-30
constexpr char kAlan[] = "people/alan-adviser";    // advisory Board member
constexpr char kRhona[] = "people/rhona-convener"; // Committee member only

v1::AssignSponsorRequest Assign(const std::string& sponsor, int32_t workstream, const wp::common::v1::Date& start,
                                const std::string& plan = kPlan) {
  v1::AssignSponsorRequest request;
  request.set_parent(plan);
  request.mutable_sponsorship()->set_sponsor(sponsor);
  request.mutable_sponsorship()->set_workstream_number(workstream);
  *request.mutable_sponsorship()->mutable_start_date() = start;
  return request;
}

std::vector<std::string> Names(const v1::ListSponsorshipsResponse& response) {
  std::vector<std::string> names;
  for (const auto& s : response.sponsorships()) names.push_back(s.name());
  return names;
}

class SponsorshipsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    plans_ = std::make_unique<Plans>(*db_);
    sponsorships_ = std::make_unique<Sponsorships>(*db_);
    plans_test::ArrangeMeetings(*db_);
    plans_test::ArrangePerson(*db_, "jane-smith", "Jane Smith");
    plans_test::ArrangePerson(*db_, "tom-reid", "Tom Reid");
    plans_test::ArrangePerson(*db_, "alan-adviser", "Alan Adviser");
    plans_test::ArrangePerson(*db_, "rhona-convener", "Rhona Convener");
    plans_test::ArrangeMembership(*db_, "board", 1, "jane-smith", false, "2020-08-01");
    plans_test::ArrangeMembership(*db_, "board", 2, "tom-reid", false, "2021-01-01", "2022-06-30");
    plans_test::ArrangeMembership(*db_, "board", 3, "alan-adviser", true, "2020-08-01");
    plans_test::ArrangeMembership(*db_, "regional-education-committee", 1, "rhona-convener", false, "2020-08-01");
    for (const char* span : {"2022-23", "2018-21"}) {
      auto plan = plans_->CreatePlan(caller_, plans_test::PlanRequest(span, span));
      ASSERT_TRUE(plan.ok()) << plan.status();
    }
  }

  v1::Sponsorship MustAssign(const v1::AssignSponsorRequest& request) {
    auto s = sponsorships_->AssignSponsor(caller_, request);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : v1::Sponsorship();
  }

  v1::Sponsorship Get(const std::string& name) {
    v1::GetSponsorshipRequest request;
    request.set_name(name);
    auto s = sponsorships_->GetSponsorship(caller_, request);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : v1::Sponsorship();
  }

  absl::StatusOr<v1::Sponsorship> End(const std::string& name, const wp::common::v1::Date& end,
                                      const std::string& reason = "director retired", const std::string& etag = "") {
    v1::EndSponsorshipRequest request;
    request.set_name(name);
    *request.mutable_end_date() = end;
    request.set_reason(reason);
    request.set_etag(etag);
    return sponsorships_->EndSponsorship(caller_, request);
  }

  absl::StatusOr<v1::ListSponsorshipsResponse> List(const std::string& parent, int32_t workstream = 0,
                                                    const std::string& sponsor = "",
                                                    const wp::common::v1::Date& active_on = {}, int page_size = 0,
                                                    const std::string& token = "") {
    v1::ListSponsorshipsRequest request;
    request.set_parent(parent);
    request.set_workstream_number(workstream);
    request.set_sponsor(sponsor);
    *request.mutable_active_on() = active_on;
    request.set_page_size(page_size);
    request.set_page_token(token);
    return sponsorships_->ListSponsorships(caller_, request);
  }

  int64_t Count() { return std::stoll(plans_test::QueryText(*db_, "SELECT COUNT(*) FROM sponsorships")); }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Plans> plans_;
  std::unique_ptr<Sponsorships> sponsorships_;
  server::Caller caller_ = test_support::OfficerCaller("moira.adams", "trace-sponsor");
};

TEST_P(SponsorshipsTest, AssignMakesACompleteSponsorship) {
  v1::AssignSponsorRequest request = Assign(kJane, 2, Day(2022, 9, 1));
  request.mutable_sponsorship()->set_meeting(kBoardMeeting);
  request.mutable_sponsorship()->set_decision("bodies/board/meetings/1/decisions/2");
  request.mutable_sponsorship()->set_end_reason("output only, ignored");
  const v1::Sponsorship s = MustAssign(request);
  EXPECT_EQ(s.name(), "plans/2022-23/sponsorships/1");
  EXPECT_EQ(s.workstream_number(), 2);
  EXPECT_EQ(s.workstream(), "planPeriods/2022-23/workstreams/2");
  EXPECT_EQ(s.sponsor(), kJane);
  EXPECT_EQ(s.sponsor_display_name(), "Jane Smith");
  EXPECT_EQ(s.board_membership(), "bodies/board/memberships/1");
  EXPECT_TRUE(MessageDifferencer::Equals(s.start_date(), Day(2022, 9, 1)));
  EXPECT_FALSE(s.has_end_date());
  EXPECT_EQ(s.end_reason(), "");
  EXPECT_EQ(s.meeting(), kBoardMeeting);
  EXPECT_EQ(s.decision(), "bodies/board/meetings/1/decisions/2");
  EXPECT_EQ(s.etag(), "1");
  EXPECT_GT(s.create_time().seconds(), 0);
  EXPECT_TRUE(MessageDifferencer::Equals(Get(s.name()), s));
}

TEST_P(SponsorshipsTest, AssignPublishesSponsorAssignedForTheWorkstreamsService) {
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Sponsorship s = MustAssign(Assign(kJane, 3, Day(2022, 9, 1)));
  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.sponsor.assigned");
  EXPECT_EQ(events[0].subject(), s.name());
  v1::SponsorAssigned assigned;
  ASSERT_TRUE(events[0].payload().UnpackTo(&assigned));
  EXPECT_EQ(assigned.session_span(), "2022-23");
  EXPECT_TRUE(MessageDifferencer::Equals(assigned.sponsorship(), s));
  EXPECT_EQ(plans_test::AuditSummaries(*db_, s.name(), "moira.adams"), std::vector<std::string>{"sponsor.assigned"});
}

TEST_P(SponsorshipsTest, TheStartDateIsTodayWhenAbsent) {
  const v1::Sponsorship s = MustAssign(Assign(kJane, 1, {}));
  EXPECT_TRUE(MessageDifferencer::Equals(s.start_date(), calendar::TodayUtc()));
}

TEST_P(SponsorshipsTest, TheSponsorMustBeAFullBoardMemberOnTheStartDate) {
  auto adviser = sponsorships_->AssignSponsor(caller_, Assign(kAlan, 1, Day(2022, 9, 1)));
  EXPECT_EQ(adviser.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(adviser.status().message().find("advisory"), std::string::npos) << adviser.status();
  auto convener = sponsorships_->AssignSponsor(caller_, Assign(kRhona, 1, Day(2022, 9, 1)));
  EXPECT_EQ(convener.status().code(), absl::StatusCode::kFailedPrecondition);
  auto after_leaving = sponsorships_->AssignSponsor(caller_, Assign(kTom, 1, Day(2022, 9, 1)));
  EXPECT_EQ(after_leaving.status().code(), absl::StatusCode::kFailedPrecondition);
  auto before_joining = sponsorships_->AssignSponsor(caller_, Assign(kJane, 1, Day(2020, 7, 31)));
  EXPECT_EQ(before_joining.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count(), 0);

  const v1::Sponsorship while_member = MustAssign(Assign(kTom, 1, Day(2022, 6, 1)));
  EXPECT_EQ(while_member.board_membership(), "bodies/board/memberships/2");
}

TEST_P(SponsorshipsTest, AClosedPlanTakesNoSponsors) {
  Exec(*db_, "UPDATE plans SET state = 5 WHERE id = '2022-23'");
  auto closed = sponsorships_->AssignSponsor(caller_, Assign(kJane, 1, Day(2022, 9, 1)));
  EXPECT_EQ(closed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count(), 0);
}

TEST_P(SponsorshipsTest, TheWorkstreamMustBeThePlans) {
  auto missing = sponsorships_->AssignSponsor(caller_, Assign(kJane, 7, Day(2022, 9, 1)));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(missing.status()), std::vector<std::string>{"sponsorship.workstream_number"});
}

TEST_P(SponsorshipsTest, APersonSponsorsAWorkstreamOnceAtATime) {
  const v1::Sponsorship first = MustAssign(Assign(kJane, 2, Day(2022, 9, 1)));
  for (const auto& start : {Day(2023, 1, 1), Day(2022, 8, 1)}) {
    auto again = sponsorships_->AssignSponsor(caller_, Assign(kJane, 2, start));
    EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
    EXPECT_NE(again.status().message().find(first.name()), std::string::npos) << again.status();
  }
  // Several sponsors per workstream, and several workstreams per sponsor.
  MustAssign(Assign(kTom, 2, Day(2022, 6, 1)));
  MustAssign(Assign(kJane, 3, Day(2022, 9, 1)));
  MustAssign(Assign(kJane, 2, Day(2020, 9, 1), "plans/2018-21"));

  ASSERT_TRUE(End(first.name(), Day(2022, 12, 31)).ok());
  auto overlapping = sponsorships_->AssignSponsor(caller_, Assign(kJane, 2, Day(2022, 12, 1)));
  EXPECT_EQ(overlapping.status().code(), absl::StatusCode::kAlreadyExists);
  const v1::Sponsorship second = MustAssign(Assign(kJane, 2, Day(2023, 1, 1)));
  EXPECT_EQ(second.name(), "plans/2022-23/sponsorships/4");
}

TEST_P(SponsorshipsTest, AssignNamesEveryBadField) {
  v1::AssignSponsorRequest request = Assign("jane-smith", 0, Day(2022, 2, 30));
  request.mutable_sponsorship()->set_meeting("meetings/1");
  request.mutable_sponsorship()->set_decision("decisions/1");
  request.set_request_id(std::string(101, 'r'));
  auto bad = sponsorships_->AssignSponsor(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"sponsorship.workstream_number", "sponsorship.sponsor",
                                      "sponsorship.start_date.day", "sponsorship.meeting", "sponsorship.decision",
                                      "request_id"}));

  v1::AssignSponsorRequest empty;
  empty.set_parent(kPlan);
  EXPECT_EQ(FieldsOf(sponsorships_->AssignSponsor(caller_, empty).status()),
            (std::vector<std::string>{"sponsorship.workstream_number", "sponsorship.sponsor"}));
  EXPECT_EQ(FieldsOf(sponsorships_->AssignSponsor(caller_, Assign(kJane, 100, Day(2022, 9, 1))).status()),
            std::vector<std::string>{"sponsorship.workstream_number"});
  EXPECT_EQ(FieldsOf(sponsorships_->AssignSponsor(caller_, Assign(kJane, 1, Day(2022, 9, 1), "2022-23")).status()),
            std::vector<std::string>{"parent"});

  v1::AssignSponsorRequest alone = Assign(kJane, 1, Day(2022, 9, 1));
  alone.mutable_sponsorship()->set_decision(kBoardDecision);
  EXPECT_EQ(FieldsOf(sponsorships_->AssignSponsor(caller_, alone).status()),
            std::vector<std::string>{"sponsorship.decision"});
  EXPECT_EQ(Count(), 0);
}

TEST_P(SponsorshipsTest, AssignReportsAMissingPlanOrPerson) {
  auto plan = sponsorships_->AssignSponsor(caller_, Assign(kJane, 1, Day(2022, 9, 1), "plans/2030-31"));
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kNotFound);
  auto person = sponsorships_->AssignSponsor(caller_, Assign("people/nobody", 1, Day(2022, 9, 1)));
  EXPECT_EQ(person.status().code(), absl::StatusCode::kNotFound);
}

TEST_P(SponsorshipsTest, TheMeetingMustBeHeldAndTheDecisionItsOwn) {
  v1::AssignSponsorRequest scheduled = Assign(kJane, 1, Day(2022, 9, 1));
  scheduled.mutable_sponsorship()->set_meeting(kScheduledBoardMeeting);
  EXPECT_EQ(sponsorships_->AssignSponsor(caller_, scheduled).status().code(),
            absl::StatusCode::kFailedPrecondition);
  v1::AssignSponsorRequest elsewhere = Assign(kJane, 1, Day(2022, 9, 1));
  elsewhere.mutable_sponsorship()->set_meeting(kBoardMeeting);
  elsewhere.mutable_sponsorship()->set_decision(kRecDecision);
  EXPECT_EQ(sponsorships_->AssignSponsor(caller_, elsewhere).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count(), 0);
}

TEST_P(SponsorshipsTest, ARetryWithTheSameRequestIdReturnsTheFirstSponsorship) {
  v1::AssignSponsorRequest request = Assign(kJane, 1, Day(2022, 9, 1));
  request.set_request_id("assign-1");
  const v1::Sponsorship first = MustAssign(request);
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Sponsorship again = MustAssign(request);  // not ALREADY_EXISTS
  EXPECT_TRUE(MessageDifferencer::Equals(again, first));
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  EXPECT_EQ(Count(), 1);
}

TEST_P(SponsorshipsTest, EndSetsTheLastDayAndReasonAndPublishesSponsorEnded) {
  const v1::Sponsorship s = MustAssign(Assign(kJane, 2, Day(2022, 9, 1)));
  const int64_t before = test_support::LastSeq(*db_);
  auto ended = End(s.name(), Day(2023, 3, 31), "director retired", "1");
  ASSERT_TRUE(ended.ok()) << ended.status();
  EXPECT_TRUE(MessageDifferencer::Equals(ended->end_date(), Day(2023, 3, 31)));
  EXPECT_EQ(ended->end_reason(), "director retired");
  EXPECT_EQ(ended->etag(), "2");
  EXPECT_EQ(ended->sponsor_display_name(), "Jane Smith");
  EXPECT_TRUE(MessageDifferencer::Equals(Get(s.name()), *ended));

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.sponsor.ended");
  EXPECT_EQ(events[0].subject(), s.name());
  v1::SponsorEnded payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.session_span(), "2022-23");
  EXPECT_TRUE(MessageDifferencer::Equals(payload.sponsorship(), *ended));
  EXPECT_EQ(plans_test::AuditSummaries(*db_, s.name(), "moira.adams"),
            (std::vector<std::string>{"sponsor.assigned", "sponsor.ended"}));
}

TEST_P(SponsorshipsTest, EndDefaultsToToday) {
  const v1::Sponsorship s = MustAssign(Assign(kJane, 2, Day(2022, 9, 1)));
  auto ended = End(s.name(), {});
  ASSERT_TRUE(ended.ok()) << ended.status();
  EXPECT_TRUE(MessageDifferencer::Equals(ended->end_date(), calendar::TodayUtc()));
}

TEST_P(SponsorshipsTest, EndRejectsBadRequestsAndChangesNothing) {
  const v1::Sponsorship s = MustAssign(Assign(kJane, 2, Day(2022, 9, 1)));
  EXPECT_EQ(FieldsOf(End(s.name(), Day(2023, 13, 1), " ").status()),
            (std::vector<std::string>{"end_date.month", "reason"}));
  auto before_start = End(s.name(), Day(2022, 8, 31));
  EXPECT_EQ(before_start.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(before_start.status()), std::vector<std::string>{"end_date"});
  EXPECT_EQ(FieldsOf(End("plans/2022-23/sponsor/1", Day(2023, 1, 1)).status()), std::vector<std::string>{"name"});
  EXPECT_EQ(End("plans/2022-23/sponsorships/9", Day(2023, 1, 1)).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(End(s.name(), Day(2023, 1, 1), "stale", "7").status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(s.name()).etag(), "1");

  ASSERT_TRUE(End(s.name(), Day(2022, 9, 1)).ok());  // the start day itself is a valid last day
  auto twice = End(s.name(), Day(2023, 1, 1));
  EXPECT_EQ(twice.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(SponsorshipsTest, ListOrdersByPlanWorkstreamAndStartAcrossPagesAndFilters) {
  const std::string a = MustAssign(Assign(kJane, 3, Day(2022, 9, 1))).name();                    // 2022-23 #1
  const std::string b = MustAssign(Assign(kTom, 2, Day(2022, 6, 1))).name();                     // 2022-23 #2
  const std::string c = MustAssign(Assign(kJane, 2, Day(2022, 8, 1))).name();                    // 2022-23 #3
  const std::string d = MustAssign(Assign(kJane, 1, Day(2020, 9, 1), "plans/2018-21")).name();   // 2018-21 #1
  const std::string e = MustAssign(Assign(kTom, 1, Day(2021, 1, 1), "plans/2018-21")).name();    // 2018-21 #2
  ASSERT_TRUE(End(b, Day(2022, 6, 30), "left the Board").ok());

  std::vector<std::string> all;
  std::string token;
  int pages = 0;
  do {
    auto page = List("plans/-", 0, "", {}, 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& n : Names(*page)) all.push_back(n);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(all, (std::vector<std::string>{d, e, b, c, a}));

  auto workstream_2 = List(kPlan, 2);
  ASSERT_TRUE(workstream_2.ok());
  EXPECT_EQ(Names(*workstream_2), (std::vector<std::string>{b, c}));
  auto janes = List("plans/-", 0, kJane);
  ASSERT_TRUE(janes.ok());
  EXPECT_EQ(Names(*janes), (std::vector<std::string>{d, c, a}));
  auto current_in_july = List(kPlan, 0, "", Day(2022, 7, 1));
  ASSERT_TRUE(current_in_july.ok());
  EXPECT_TRUE(current_in_july->sponsorships().empty());  // b ended, c and a not started
  auto current_in_august = List("plans/-", 2, "", Day(2022, 8, 15), 1);
  ASSERT_TRUE(current_in_august.ok());
  EXPECT_EQ(Names(*current_in_august), std::vector<std::string>{c});
  EXPECT_TRUE(current_in_august->next_page_token().empty());
}

TEST_P(SponsorshipsTest, ListRejectsBadArgumentsAndReportsAMissingPlan) {
  auto bad = List("plan/2022-23", -1, "jane-smith", Day(2022, 2, 30), -1, "garbage");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"parent", "workstream_number", "sponsor",
                                                              "active_on.day", "page_size", "page_token"}));
  EXPECT_EQ(List("plans/2030-31").status().code(), absl::StatusCode::kNotFound);
}

TEST_P(SponsorshipsTest, GetRejectsABadNameAndReportsAMissingSponsorship) {
  v1::GetSponsorshipRequest request;
  request.set_name("plans/-/sponsorships/1");
  EXPECT_EQ(FieldsOf(sponsorships_->GetSponsorship(caller_, request).status()), std::vector<std::string>{"name"});
  request.set_name("plans/2022-23/sponsorships/3");
  EXPECT_EQ(sponsorships_->GetSponsorship(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(SponsorshipsTest);

}  // namespace
}  // namespace wp::governance
