// Memberships on either store engine: seating people on bodies, the
// one-membership-a-day and one-chair-a-day rules on create and update,
// numbering, the filtered listing and events.
#include "services/governance/org/memberships.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/org/org_test_support.h"

namespace wp::governance {
namespace {

using test_support::Day;
using test_support::Exec;
using test_support::FieldsOf;
using test_support::Mask;
using wp::common::v1::Date;

v1::CreateMembershipRequest Seat(const std::string& body, const std::string& person, v1::Membership::Role role,
                                 const Date& start, const Date* end = nullptr) {
  v1::CreateMembershipRequest request;
  request.set_parent(body);
  v1::Membership* m = request.mutable_membership();
  m->set_person(person);
  m->set_role(role);
  *m->mutable_start_date() = start;
  if (end != nullptr) *m->mutable_end_date() = *end;
  return request;
}

std::vector<std::string> Names(const v1::ListMembershipsResponse& response) {
  std::vector<std::string> names;
  for (const auto& m : response.memberships()) names.push_back(m.name());
  return names;
}

class MembershipsTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    memberships_ = std::make_unique<Memberships>(*db_);
    Exec(*db_, "INSERT INTO people (id, display_name, authority, version, create_us, update_us) VALUES "
               "('jane-smith', 'Jane Smith', 'GCC', 1, 0, 0), ('tom-reid', 'Tom Reid', 'EDC', 1, 0, 0), "
               "('ann-fyfe', 'Ann Fyfe', '', 1, 0, 0)");
  }

  v1::Membership Create(const v1::CreateMembershipRequest& request) {
    auto m = memberships_->CreateMembership(caller_, request);
    EXPECT_TRUE(m.ok()) << m.status();
    return m.ok() ? *m : v1::Membership();
  }

  absl::StatusOr<v1::Membership> Get(const std::string& name) {
    v1::GetMembershipRequest request;
    request.set_name(name);
    return memberships_->GetMembership(caller_, request);
  }

  absl::StatusOr<v1::Membership> SetEnd(const std::string& name, const Date* end, const std::string& etag = "") {
    v1::UpdateMembershipRequest request;
    request.mutable_membership()->set_name(name);
    if (end != nullptr) *request.mutable_membership()->mutable_end_date() = *end;
    request.mutable_membership()->set_etag(etag);
    *request.mutable_update_mask() = Mask({"end_date"});
    return memberships_->UpdateMembership(caller_, request);
  }

  std::vector<std::string> ListAll(const v1::ListMembershipsRequest& request, int* pages) {
    return test_support::AllPages<std::string>(
        request, [&](const v1::ListMembershipsRequest& r) { return memberships_->ListMemberships(caller_, r); },
        [&](const auto& page, std::vector<std::string>* names) {
          for (const auto& n : Names(page)) names->push_back(n);
        },
        pages);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Memberships> memberships_;
  server::Caller caller_ = test_support::OfficerCaller("fiona.bell", "trace-m");
};

TEST_P(MembershipsTest, CreateSeatsThePersonAndPublishes) {
  const int64_t before = test_support::LastSeq(*db_);
  v1::CreateMembershipRequest request =
      Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1));
  request.mutable_membership()->set_role_title("Executive Director of Education, Glasgow City Council");
  request.mutable_membership()->set_authority("GCC");
  const v1::Membership created = Create(request);
  EXPECT_EQ(created.name(), "bodies/board/memberships/1");
  EXPECT_EQ(created.person(), "people/jane-smith");
  EXPECT_EQ(created.person_display_name(), "Jane Smith");
  EXPECT_EQ(created.role(), v1::Membership::DIRECTOR);
  EXPECT_EQ(created.authority(), "GCC");
  EXPECT_FALSE(created.advisory());
  EXPECT_EQ(created.start_date().SerializeAsString(), Day(2020, 8, 1).SerializeAsString());
  EXPECT_FALSE(created.has_end_date());
  EXPECT_EQ(created.etag(), "1");

  auto got = Get("bodies/board/memberships/1");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.membership.created");
  EXPECT_EQ(events[0].subject(), "bodies/board/memberships/1");
  v1::Membership payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.SerializeAsString(), created.SerializeAsString());
  EXPECT_EQ(test_support::AuditOf(*db_, "bodies/board/memberships/1", "fiona.bell"),
            std::vector<std::string>{"membership.created"});
}

TEST_P(MembershipsTest, MembershipsAreNumberedWithinTheirBody) {
  EXPECT_EQ(Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1))).name(),
            "bodies/board/memberships/1");
  EXPECT_EQ(Create(Seat("bodies/board", "people/tom-reid", v1::Membership::DIRECTOR, Day(2020, 8, 1))).name(),
            "bodies/board/memberships/2");
  EXPECT_EQ(
      Create(Seat("bodies/finance-sub-group", "people/jane-smith", v1::Membership::CHAIR, Day(2020, 8, 1))).name(),
      "bodies/finance-sub-group/memberships/1");
}

TEST_P(MembershipsTest, BadCreateNamesEveryField) {
  v1::CreateMembershipRequest request;
  request.set_parent("board");
  request.mutable_membership()->set_role(v1::Membership::ROLE_UNSPECIFIED);
  request.mutable_membership()->set_role_title("Director\nof Education");
  request.mutable_membership()->set_authority("FIF");
  *request.mutable_membership()->mutable_end_date() = Day(2021, 13, 1);
  request.set_request_id(std::string(101, 'x'));
  auto m = memberships_->CreateMembership(caller_, request);
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(m.status()),
            (std::vector<std::string>{"parent", "membership.person", "membership.role", "membership.role_title",
                                      "membership.authority", "membership.start_date",
                                      "membership.end_date.month", "request_id"}));
}

TEST_P(MembershipsTest, MalformedPersonAndUnknownRoleAreInvalid) {
  v1::CreateMembershipRequest request =
      Seat("bodies/board", "jane-smith", static_cast<v1::Membership::Role>(99), Day(2020, 8, 1));
  auto m = memberships_->CreateMembership(caller_, request);
  EXPECT_EQ(FieldsOf(m.status()), (std::vector<std::string>{"membership.person", "membership.role"}));
}

TEST_P(MembershipsTest, OtherRoleNeedsATitleAndEndMayNotPrecedeStart) {
  const Date end = Day(2020, 7, 31);
  v1::CreateMembershipRequest request =
      Seat("bodies/board", "people/jane-smith", v1::Membership::OTHER, Day(2020, 8, 1), &end);
  auto m = memberships_->CreateMembership(caller_, request);
  EXPECT_EQ(FieldsOf(m.status()), (std::vector<std::string>{"membership.role_title", "membership.end_date"}));

  // A one-day membership and a titled OTHER seat are fine.
  const Date same_day = Day(2020, 8, 1);
  request = Seat("bodies/board", "people/jane-smith", v1::Membership::OTHER, Day(2020, 8, 1), &same_day);
  request.mutable_membership()->set_role_title("Observer, Scottish Government");
  EXPECT_EQ(Create(request).end_date().day(), 1);
}

TEST_P(MembershipsTest, MissingPersonOrBodyIsNotFound) {
  auto person = memberships_->CreateMembership(
      caller_, Seat("bodies/board", "people/nobody", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  EXPECT_EQ(person.status().code(), absl::StatusCode::kNotFound);
  auto body = memberships_->CreateMembership(
      caller_, Seat("bodies/nothing", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  EXPECT_EQ(body.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get("bodies/board/memberships/1").status().code(), absl::StatusCode::kNotFound);
}

TEST_P(MembershipsTest, APersonHoldsOneMembershipOfABodyOnAnyDay) {
  const Date end = Day(2021, 6, 30);
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1), &end));
  // Starting on the last day of the first overlaps it.
  const int64_t before = test_support::LastSeq(*db_);
  auto clash = memberships_->CreateMembership(
      caller_, Seat("bodies/board", "people/jane-smith", v1::Membership::VICE_CHAIR, Day(2021, 6, 30)));
  EXPECT_EQ(clash.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(clash.status().message().find("bodies/board/memberships/1"), std::string::npos) << clash.status();
  // An open-ended one starting earlier overlaps too.
  auto earlier = memberships_->CreateMembership(
      caller_, Seat("bodies/board", "people/jane-smith", v1::Membership::VICE_CHAIR, Day(2019, 1, 1)));
  EXPECT_EQ(earlier.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  // The day after is fine, and so is another body.
  EXPECT_EQ(Create(Seat("bodies/board", "people/jane-smith", v1::Membership::VICE_CHAIR, Day(2021, 7, 1))).name(),
            "bodies/board/memberships/2");
  EXPECT_TRUE(memberships_
                  ->CreateMembership(caller_, Seat("bodies/implementation-group", "people/jane-smith",
                                                   v1::Membership::DIRECTOR, Day(2020, 8, 1)))
                  .ok());
}

TEST_P(MembershipsTest, ABodyHasOneChairOnAnyDay) {
  const Date end = Day(2021, 6, 30);
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::CHAIR, Day(2020, 8, 1), &end));
  auto second = memberships_->CreateMembership(
      caller_, Seat("bodies/board", "people/tom-reid", v1::Membership::CHAIR, Day(2021, 1, 1)));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(second.status().message().find("bodies/board/memberships/1"), std::string::npos) << second.status();
  EXPECT_TRUE(memberships_
                  ->CreateMembership(caller_, Seat("bodies/board", "people/tom-reid", v1::Membership::CHAIR,
                                                   Day(2021, 7, 1)))
                  .ok());
  // Another body's chair is no clash.
  EXPECT_TRUE(memberships_
                  ->CreateMembership(caller_, Seat("bodies/finance-sub-group", "people/ann-fyfe",
                                                   v1::Membership::CHAIR, Day(2021, 1, 1)))
                  .ok());
}

TEST_P(MembershipsTest, RetryWithTheSameRequestIdReturnsTheFirstMembership) {
  v1::CreateMembershipRequest request =
      Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1));
  request.set_request_id("seat-1");
  const v1::Membership first = Create(request);
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Membership second = Create(request);  // would clash if made again
  EXPECT_EQ(second.SerializeAsString(), first.SerializeAsString());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(MembershipsTest, EndingAMembershipPublishesTheUpdate) {
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  const int64_t before = test_support::LastSeq(*db_);
  const Date end = Day(2023, 6, 30);
  auto ended = SetEnd("bodies/board/memberships/1", &end, "1");
  ASSERT_TRUE(ended.ok()) << ended.status();
  EXPECT_EQ(ended->end_date().SerializeAsString(), end.SerializeAsString());
  EXPECT_EQ(ended->role(), v1::Membership::DIRECTOR);
  EXPECT_EQ(ended->person_display_name(), "Jane Smith");
  EXPECT_EQ(ended->etag(), "2");

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.membership.updated");
  EXPECT_EQ(events[0].subject(), "bodies/board/memberships/1");
  v1::Membership payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.end_date().year(), 2023);
  EXPECT_EQ(test_support::AuditOf(*db_, "bodies/board/memberships/1", "fiona.bell"),
            (std::vector<std::string>{"membership.created", "membership.updated"}));

  // An end_date in the mask but not sent reopens it.
  auto reopened = SetEnd("bodies/board/memberships/1", nullptr);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_FALSE(reopened->has_end_date());
  EXPECT_EQ(reopened->etag(), "3");
}

TEST_P(MembershipsTest, UpdateThatChangesNothingPublishesNothing) {
  const Date end = Day(2023, 6, 30);
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1), &end));
  const int64_t before = test_support::LastSeq(*db_);
  auto same = SetEnd("bodies/board/memberships/1", &end);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->etag(), "1");
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(MembershipsTest, UpdateChecksTheRulesOnTheMembershipAsItWouldBe) {
  const Date end = Day(2021, 6, 30);
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::CHAIR, Day(2020, 8, 1), &end));
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2021, 7, 1)));
  Create(Seat("bodies/board", "people/tom-reid", v1::Membership::DIRECTOR, Day(2020, 8, 1)));

  // Reopening the first would overlap the same person's second.
  auto overlap = SetEnd("bodies/board/memberships/1", nullptr);
  EXPECT_EQ(overlap.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(overlap.status().message().find("bodies/board/memberships/2"), std::string::npos) << overlap.status();

  // Tom becoming chair from the start would overlap Jane's chair.
  v1::UpdateMembershipRequest chair;
  chair.mutable_membership()->set_name("bodies/board/memberships/3");
  chair.mutable_membership()->set_role(v1::Membership::CHAIR);
  *chair.mutable_update_mask() = Mask({"role"});
  auto two_chairs = memberships_->UpdateMembership(caller_, chair);
  EXPECT_EQ(two_chairs.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(two_chairs.status().message().find("bodies/board/memberships/1"), std::string::npos);

  // An end before the stored start names end_date.
  const Date early = Day(2020, 1, 1);
  EXPECT_EQ(FieldsOf(SetEnd("bodies/board/memberships/1", &early).status()),
            std::vector<std::string>{"membership.end_date"});

  // Becoming OTHER needs a title.
  v1::UpdateMembershipRequest other;
  other.mutable_membership()->set_name("bodies/board/memberships/3");
  other.mutable_membership()->set_role(v1::Membership::OTHER);
  *other.mutable_update_mask() = Mask({"role"});
  EXPECT_EQ(FieldsOf(memberships_->UpdateMembership(caller_, other).status()),
            std::vector<std::string>{"membership.role_title"});

  for (const std::string name : {"bodies/board/memberships/1", "bodies/board/memberships/3"}) {
    EXPECT_EQ(Get(name)->etag(), "1") << name;
  }
}

TEST_P(MembershipsTest, UpdateErrors) {
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  v1::UpdateMembershipRequest request;
  request.mutable_membership()->set_name("bodies/board/memberships/1");
  request.mutable_membership()->set_authority("gcc");
  request.mutable_membership()->set_role_title("a\nb");
  auto bad = memberships_->UpdateMembership(caller_, request);  // empty mask: every path
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"membership.role", "membership.role_title",
                                                              "membership.authority", "membership.start_date"}));

  *request.mutable_update_mask() = Mask({"person"});  // fixed once created
  EXPECT_EQ(FieldsOf(memberships_->UpdateMembership(caller_, request).status()),
            std::vector<std::string>{"update_mask"});

  const Date end = Day(2022, 1, 1);
  EXPECT_EQ(SetEnd("bodies/board/memberships/1", &end, "9").status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(SetEnd("bodies/board/memberships/2", &end).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FieldsOf(SetEnd("bodies/board/memberships/0", &end).status()),
            std::vector<std::string>{"membership.name"});
  const Date bad_day = Day(2022, 2, 30);
  EXPECT_EQ(FieldsOf(SetEnd("bodies/board/memberships/1", &bad_day).status()),
            std::vector<std::string>{"membership.end_date.day"});
  EXPECT_EQ(Get("bodies/board/memberships/1")->etag(), "1");
}

TEST_P(MembershipsTest, AllPathsUpdateTogether) {
  Create(Seat("bodies/board", "people/ann-fyfe", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  v1::UpdateMembershipRequest request;
  v1::Membership* m = request.mutable_membership();
  m->set_name("bodies/board/memberships/1");
  m->set_person("people/tom-reid");  // not updatable: ignored
  m->set_role(v1::Membership::SENIOR_PARTNERSHIP_OFFICER);
  m->set_role_title("Senior Partnership Officer");
  m->set_advisory(true);
  *m->mutable_start_date() = Day(2020, 9, 1);
  *m->mutable_end_date() = Day(2022, 6, 30);
  auto updated = memberships_->UpdateMembership(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->person(), "people/ann-fyfe");
  EXPECT_EQ(updated->role(), v1::Membership::SENIOR_PARTNERSHIP_OFFICER);
  EXPECT_TRUE(updated->advisory());
  EXPECT_EQ(updated->authority(), "");
  EXPECT_EQ(updated->start_date().month(), 9);
  EXPECT_EQ(updated->end_date().year(), 2022);
}

TEST_P(MembershipsTest, DisplayNameComesFromPeople) {
  Create(Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1)));
  Exec(*db_, "UPDATE people SET display_name = 'Jane Reid' WHERE id = 'jane-smith'");
  EXPECT_EQ(Get("bodies/board/memberships/1")->person_display_name(), "Jane Reid");
}

TEST_P(MembershipsTest, ListIsByBodyThenStartDateThenNumberWithFilters) {
  const Date ended = Day(2021, 6, 30);
  v1::CreateMembershipRequest jane_fsg =
      Seat("bodies/finance-sub-group", "people/jane-smith", v1::Membership::FINANCE_REPRESENTATIVE, Day(2019, 1, 1));
  jane_fsg.mutable_membership()->set_authority("GCC");
  Create(jane_fsg);                                                                                  // fsg/1
  Create(Seat("bodies/board", "people/tom-reid", v1::Membership::DIRECTOR, Day(2021, 1, 1)));        // board/1
  v1::CreateMembershipRequest jane_board =
      Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2020, 8, 1), &ended);
  jane_board.mutable_membership()->set_authority("GCC");
  Create(jane_board);                                                                                // board/2
  Create(Seat("bodies/board", "people/ann-fyfe", v1::Membership::CHAIR, Day(2021, 1, 1)));           // board/3
  v1::CreateMembershipRequest jane_again =
      Seat("bodies/board", "people/jane-smith", v1::Membership::DIRECTOR, Day(2021, 7, 1));
  jane_again.mutable_membership()->set_authority("GCC");
  Create(jane_again);                                                                                // board/4

  v1::ListMembershipsRequest request;
  request.set_parent("bodies/-");
  request.set_page_size(2);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"bodies/board/memberships/2", "bodies/board/memberships/1",
                                      "bodies/board/memberships/3", "bodies/board/memberships/4",
                                      "bodies/finance-sub-group/memberships/1"}));
  EXPECT_EQ(pages, 3);

  // One person's memberships across bodies, a page at a time.
  request.set_person("people/jane-smith");
  request.set_page_size(1);
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"bodies/board/memberships/2", "bodies/board/memberships/4",
                                      "bodies/finance-sub-group/memberships/1"}));
  EXPECT_EQ(pages, 3);

  // Current on a day: Jane's first board seat ended the day before.
  request.clear_person();
  request.set_parent("bodies/board");
  request.set_page_size(0);
  *request.mutable_active_on() = Day(2021, 7, 1);
  EXPECT_EQ(ListAll(request, &pages), (std::vector<std::string>{"bodies/board/memberships/1",
                                                                "bodies/board/memberships/3",
                                                                "bodies/board/memberships/4"}));
  *request.mutable_active_on() = Day(2021, 6, 30);
  EXPECT_EQ(ListAll(request, &pages), (std::vector<std::string>{"bodies/board/memberships/2",
                                                                "bodies/board/memberships/1",
                                                                "bodies/board/memberships/3"}));

  request.clear_active_on();
  request.set_role(v1::Membership::CHAIR);
  EXPECT_EQ(ListAll(request, &pages), std::vector<std::string>{"bodies/board/memberships/3"});

  request.set_role(v1::Membership::ROLE_UNSPECIFIED);
  request.set_parent("bodies/-");
  request.set_authority("GCC");
  EXPECT_EQ(ListAll(request, &pages),
            (std::vector<std::string>{"bodies/board/memberships/2", "bodies/board/memberships/4",
                                      "bodies/finance-sub-group/memberships/1"}));
}

TEST_P(MembershipsTest, ListRejectsBadFiltersAndAMissingBody) {
  v1::ListMembershipsRequest request;
  request.set_parent("bodies/Board");
  request.set_person("jane-smith");
  *request.mutable_active_on() = Day(2021, 2, 29);
  request.set_role(static_cast<v1::Membership::Role>(77));
  request.set_authority("XX");
  request.set_page_size(-2);
  request.set_page_token("nope");
  auto bad = memberships_->ListMemberships(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"parent", "person", "active_on.day", "role", "authority",
                                                              "page_size", "page_token"}));

  v1::ListMembershipsRequest missing;
  missing.set_parent("bodies/nothing");
  EXPECT_EQ(memberships_->ListMemberships(caller_, missing).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(MembershipsTest, GetRejectsMalformedNames) {
  EXPECT_EQ(FieldsOf(Get("bodies/board/memberships/x").status()), std::vector<std::string>{"name"});
  EXPECT_EQ(FieldsOf(Get("bodies/-/memberships/1").status()), std::vector<std::string>{"name"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(MembershipsTest);

}  // namespace
}  // namespace wp::governance
