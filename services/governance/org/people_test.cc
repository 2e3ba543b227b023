// People on either store engine: ids made from display names, checks,
// idempotent creates, the filtered listing and updates with their events.
#include "services/governance/org/people.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/org/org_test_support.h"

namespace wp::governance {
namespace {

using test_support::FieldsOf;
using test_support::Mask;

v1::CreatePersonRequest PersonRequest(const std::string& display_name, const std::string& authority = "",
                                      const std::string& person_id = "") {
  v1::CreatePersonRequest request;
  request.set_person_id(person_id);
  request.mutable_person()->set_display_name(display_name);
  request.mutable_person()->set_authority(authority);
  return request;
}

std::vector<std::string> Names(const v1::ListPeopleResponse& response) {
  std::vector<std::string> names;
  for (const auto& p : response.people()) names.push_back(p.name());
  return names;
}

class PeopleTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    people_ = std::make_unique<People>(*db_);
  }

  v1::Person Create(const v1::CreatePersonRequest& request) {
    auto p = people_->CreatePerson(caller_, request);
    EXPECT_TRUE(p.ok()) << p.status();
    return p.ok() ? *p : v1::Person();
  }

  absl::StatusOr<v1::Person> Get(const std::string& name) {
    v1::GetPersonRequest request;
    request.set_name(name);
    return people_->GetPerson(caller_, request);
  }

  // Every page of a listing, following the tokens.
  std::vector<std::string> ListAll(const v1::ListPeopleRequest& request, int* pages) {
    return test_support::AllPages<std::string>(
        request, [&](const v1::ListPeopleRequest& r) { return people_->ListPeople(caller_, r); },
        [&](const auto& page, std::vector<std::string>* names) {
          EXPECT_LE(page.people_size(), request.page_size());
          for (const auto& n : Names(page)) names->push_back(n);
        },
        pages);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<People> people_;
  server::Caller caller_ = test_support::OfficerCaller("ailsa.grant", "trace-p");
};

TEST_P(PeopleTest, CreateMakesTheIdFromTheDisplayNameAndPublishes) {
  const int64_t before = test_support::LastSeq(*db_);
  v1::CreatePersonRequest request = PersonRequest("Jane O'Neil", "GCC");
  request.mutable_person()->set_organisation("Glasgow City Council");
  const v1::Person created = Create(request);
  EXPECT_EQ(created.name(), "people/jane-o-neil");
  EXPECT_EQ(created.display_name(), "Jane O'Neil");
  EXPECT_EQ(created.authority(), "GCC");
  EXPECT_EQ(created.organisation(), "Glasgow City Council");
  EXPECT_EQ(created.etag(), "1");
  EXPECT_GT(created.create_time().seconds(), 0);

  auto got = Get("people/jane-o-neil");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.person.created");
  EXPECT_EQ(events[0].subject(), "people/jane-o-neil");
  v1::Person payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.SerializeAsString(), created.SerializeAsString());
  EXPECT_EQ(test_support::AuditOf(*db_, "people/jane-o-neil", "ailsa.grant"),
            std::vector<std::string>{"person.created"});
}

TEST_P(PeopleTest, ADerivedIdThatIsTakenGetsANumber) {
  EXPECT_EQ(Create(PersonRequest("Jane Smith")).name(), "people/jane-smith");
  EXPECT_EQ(Create(PersonRequest("Jane Smith", "REN")).name(), "people/jane-smith-2");
  EXPECT_EQ(Create(PersonRequest("jane smith")).name(), "people/jane-smith-3");
}

TEST_P(PeopleTest, AnExplicitIdIsUsedAndATakenOneIsAlreadyExists) {
  EXPECT_EQ(Create(PersonRequest("Jane Smith", "", "js")).name(), "people/js");
  auto again = people_->CreatePerson(caller_, PersonRequest("Joan Stewart", "", "js"));
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Get("people/js")->display_name(), "Jane Smith");
}

TEST_P(PeopleTest, BadCreateNamesEveryField) {
  v1::CreatePersonRequest request = PersonRequest("  ", "FIF", "Jane_Smith");
  request.mutable_person()->set_organisation("Education\nScotland");
  request.set_request_id(std::string(101, 'r'));
  auto p = people_->CreatePerson(caller_, request);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(p.status()), (std::vector<std::string>{"person_id", "person.display_name", "person.authority",
                                                            "person.organisation", "request_id"}));
}

TEST_P(PeopleTest, ADisplayNameWithNothingToMakeAnIdFromNeedsAPersonId) {
  auto p = people_->CreatePerson(caller_, PersonRequest("?!"));
  EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"person_id"});
  EXPECT_EQ(Create(PersonRequest("?!", "", "anon")).name(), "people/anon");
}

TEST_P(PeopleTest, ControlCharactersInTheDisplayNameAreRejected) {
  auto p = people_->CreatePerson(caller_, PersonRequest(std::string("Jane\x1fSmith")));
  EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"person.display_name"});
}

TEST_P(PeopleTest, RetryWithTheSameRequestIdReturnsTheFirstPerson) {
  v1::CreatePersonRequest request = PersonRequest("Jane Smith");
  request.set_request_id("req-1");
  const v1::Person first = Create(request);
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Person second = Create(request);
  EXPECT_EQ(second.SerializeAsString(), first.SerializeAsString());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  // Another request id makes another person.
  request.set_request_id("req-2");
  EXPECT_EQ(Create(request).name(), "people/jane-smith-2");
}

TEST_P(PeopleTest, GetOfAMissingOrMalformedName) {
  EXPECT_EQ(Get("people/nobody").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FieldsOf(Get("people/Nobody").status()), std::vector<std::string>{"name"});
  EXPECT_EQ(FieldsOf(Get("bodies/board").status()), std::vector<std::string>{"name"});
}

TEST_P(PeopleTest, ListIsInDisplayNameOrderAcrossPagesWithFilters) {
  Create(PersonRequest("Morag Kerr", "GCC"));
  Create(PersonRequest("Alan Kerr", "GCC"));
  Create(PersonRequest("Kerry Burns", "GCC"));
  Create(PersonRequest("Alan Kerr", "GCC"));  // alan-kerr-2: same name, ordered by id
  Create(PersonRequest("Fiona Kerr", "EDC"));
  Create(PersonRequest("Tom Reid", "GCC"));

  v1::ListPeopleRequest request;
  request.set_authority("GCC");
  request.set_query("KER");
  request.set_page_size(2);
  int pages = 0;
  EXPECT_EQ(ListAll(request, &pages), (std::vector<std::string>{"people/alan-kerr", "people/alan-kerr-2",
                                                                "people/kerry-burns", "people/morag-kerr"}));
  EXPECT_EQ(pages, 2);

  v1::ListPeopleRequest everyone;
  everyone.set_page_size(4);
  EXPECT_EQ(ListAll(everyone, &pages).size(), 6u);
  EXPECT_EQ(pages, 2);
}

TEST_P(PeopleTest, QueryWildcardsAreTakenLiterally) {
  Create(PersonRequest("Ann 100% Sure", "", "ann"));
  Create(PersonRequest("Bob Black", "", "bob"));
  v1::ListPeopleRequest request;
  request.set_query("%");
  auto page = people_->ListPeople(caller_, request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Names(*page), std::vector<std::string>{"people/ann"});
  request.set_query("_");
  page = people_->ListPeople(caller_, request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_TRUE(page->people().empty());
}

TEST_P(PeopleTest, ListRejectsBadFilters) {
  v1::ListPeopleRequest request;
  request.set_authority("gcc");
  request.set_query("a\nb");
  request.set_page_size(-5);
  request.set_page_token("###");
  auto page = people_->ListPeople(caller_, request);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(page.status()), (std::vector<std::string>{"authority", "query", "page_size", "page_token"}));
}

TEST_P(PeopleTest, UpdateChangesTheMaskedFieldsAndPublishes) {
  Create(PersonRequest("Jane Smith", "GCC"));
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePersonRequest request;
  request.mutable_person()->set_name("people/jane-smith");
  request.mutable_person()->set_display_name("Jane Smith-Reid");
  request.mutable_person()->set_authority("REN");  // not in the mask
  request.mutable_person()->set_etag("1");
  *request.mutable_update_mask() = Mask({"display_name"});
  auto updated = people_->UpdatePerson(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->display_name(), "Jane Smith-Reid");
  EXPECT_EQ(updated->authority(), "GCC");
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->name(), "people/jane-smith");  // the id stays

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.person.updated");
  EXPECT_EQ(events[0].subject(), "people/jane-smith");
  v1::Person payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.display_name(), "Jane Smith-Reid");
  EXPECT_EQ(test_support::AuditOf(*db_, "people/jane-smith", "ailsa.grant"),
            (std::vector<std::string>{"person.created", "person.updated"}));
}

TEST_P(PeopleTest, EmptyMaskUpdatesEveryPath) {
  v1::CreatePersonRequest create = PersonRequest("Jane Smith", "GCC");
  create.mutable_person()->set_organisation("Glasgow City Council");
  Create(create);
  v1::UpdatePersonRequest request;
  request.mutable_person()->set_name("people/jane-smith");
  request.mutable_person()->set_display_name("Jane Smith");
  request.mutable_person()->set_organisation("Education Scotland");
  auto updated = people_->UpdatePerson(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->authority(), "");  // a partner now
  EXPECT_EQ(updated->organisation(), "Education Scotland");
}

TEST_P(PeopleTest, UpdateThatChangesNothingPublishesNothing) {
  const v1::Person created = Create(PersonRequest("Jane Smith", "GCC"));
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePersonRequest request;
  request.mutable_person()->set_name("people/jane-smith");
  request.mutable_person()->set_authority("GCC");
  *request.mutable_update_mask() = Mask({"authority"});
  auto same = people_->UpdatePerson(caller_, request);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->etag(), created.etag());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
}

TEST_P(PeopleTest, UpdateErrors) {
  Create(PersonRequest("Jane Smith", "GCC"));
  v1::UpdatePersonRequest request;
  request.mutable_person()->set_name("people/jane-smith");
  request.mutable_person()->set_display_name(" ");
  request.mutable_person()->set_authority("XYZ");
  request.mutable_person()->set_organisation(std::string(501, 'o'));
  auto bad = people_->UpdatePerson(caller_, request);
  EXPECT_EQ(FieldsOf(bad.status()),
            (std::vector<std::string>{"person.display_name", "person.authority", "person.organisation"}));

  *request.mutable_update_mask() = Mask({"name"});
  EXPECT_EQ(FieldsOf(people_->UpdatePerson(caller_, request).status()), std::vector<std::string>{"update_mask"});

  v1::UpdatePersonRequest stale;
  stale.mutable_person()->set_name("people/jane-smith");
  stale.mutable_person()->set_display_name("Jane Reid");
  stale.mutable_person()->set_etag("7");
  EXPECT_EQ(people_->UpdatePerson(caller_, stale).status().code(), absl::StatusCode::kAborted);

  stale.mutable_person()->set_name("people/john-smith");
  stale.mutable_person()->clear_etag();
  EXPECT_EQ(people_->UpdatePerson(caller_, stale).status().code(), absl::StatusCode::kNotFound);
  stale.mutable_person()->set_name("people/");
  EXPECT_EQ(FieldsOf(people_->UpdatePerson(caller_, stale).status()), std::vector<std::string>{"person.name"});

  auto unchanged = Get("people/jane-smith");
  ASSERT_TRUE(unchanged.ok()) << unchanged.status();
  EXPECT_EQ(unchanged->display_name(), "Jane Smith");
  EXPECT_EQ(unchanged->etag(), "1");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PeopleTest);

}  // namespace
}  // namespace wp::governance
