// Authorities and their population figures on either store engine: reads,
// paging, UpdatePopulation's checks, permission and events, and the region's
// sums.
#include "services/governance/org/authorities.h"

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

constexpr char kGcc2022[] = "authorities/GCC/populations/2022-23";

v1::QuintileCount Quintile(int q, int establishments) {
  v1::QuintileCount c;
  c.set_quintile(q);
  c.set_establishments(establishments);
  return c;
}

// Full figures for `name`, quintiles given in any order.
v1::UpdatePopulationRequest Figures(const std::string& name, int learners, int teachers, int establishments,
                                    const std::vector<v1::QuintileCount>& quintiles, bool allow_missing = true) {
  v1::UpdatePopulationRequest request;
  v1::Population* p = request.mutable_population();
  p->set_name(name);
  p->set_learners(learners);
  p->set_teachers_and_practitioners(teachers);
  p->set_establishments(establishments);
  for (const auto& q : quintiles) *p->add_establishments_by_quintile() = q;
  p->set_source("School census, September 2022");
  request.set_allow_missing(allow_missing);
  return request;
}

std::vector<std::string> Codes(const v1::ListAuthoritiesResponse& response) {
  std::vector<std::string> codes;
  for (const auto& a : response.authorities()) codes.push_back(a.code());
  return codes;
}

std::vector<std::string> Names(const v1::ListPopulationsResponse& response) {
  std::vector<std::string> names;
  for (const auto& p : response.populations()) names.push_back(p.name());
  return names;
}

std::vector<int> QuintileNumbers(const google::protobuf::RepeatedPtrField<v1::QuintileCount>& quintiles) {
  std::vector<int> numbers;
  for (const auto& q : quintiles) numbers.push_back(q.quintile());
  return numbers;
}

class AuthoritiesTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = test_support::OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    authorities_ = std::make_unique<Authorities>(*db_);
  }

  v1::Population Update(const v1::UpdatePopulationRequest& request) {
    auto p = authorities_->UpdatePopulation(caller_, request);
    EXPECT_TRUE(p.ok()) << p.status();
    return p.ok() ? *p : v1::Population();
  }

  absl::StatusOr<v1::Population> Get(const std::string& name) {
    v1::GetPopulationRequest request;
    request.set_name(name);
    return authorities_->GetPopulation(caller_, request);
  }

  absl::StatusOr<v1::ListPopulationsResponse> List(const std::string& parent, const std::string& session,
                                                   int page_size, const std::string& token = "") {
    v1::ListPopulationsRequest request;
    request.set_parent(parent);
    request.set_session(session);
    request.set_page_size(page_size);
    request.set_page_token(token);
    return authorities_->ListPopulations(caller_, request);
  }

  absl::StatusOr<v1::RegionPopulation> Region(const std::string& session) {
    v1::GetRegionPopulationRequest request;
    request.set_session(session);
    return authorities_->GetRegionPopulation(caller_, request);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Authorities> authorities_;
  server::Caller caller_ = test_support::OfficerCaller("morag.kerr", "trace-a");
};

TEST_P(AuthoritiesTest, GetAuthorityReadsTheSeededAuthority) {
  v1::GetAuthorityRequest request;
  request.set_name("authorities/GCC");
  auto gcc = authorities_->GetAuthority(caller_, request);
  ASSERT_TRUE(gcc.ok()) << gcc.status();
  EXPECT_EQ(gcc->name(), "authorities/GCC");
  EXPECT_EQ(gcc->code(), "GCC");
  EXPECT_EQ(gcc->display_name(), "Glasgow City");
  EXPECT_EQ(gcc->council_name(), "Glasgow City Council");
}

TEST_P(AuthoritiesTest, GetAuthorityRejectsAnUnknownCodeOrMalformedName) {
  for (const std::string name : {"authorities/FIF", "authorities/gcc", "GCC", ""}) {
    v1::GetAuthorityRequest request;
    request.set_name(name);
    auto a = authorities_->GetAuthority(caller_, request);
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(FieldsOf(a.status()), std::vector<std::string>{"name"}) << name;
  }
}

TEST_P(AuthoritiesTest, ListAuthoritiesPagesInCodeOrder) {
  std::vector<std::string> codes;
  std::string token;
  int pages = 0;
  do {
    v1::ListAuthoritiesRequest request;
    request.set_page_size(3);
    request.set_page_token(token);
    auto page = authorities_->ListAuthorities(caller_, request);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->authorities_size(), 3);
    for (const auto& c : Codes(*page)) codes.push_back(c);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(codes, (std::vector<std::string>{"EDC", "ERC", "GCC", "INV", "NLC", "REN", "SLC", "WDC"}));

  v1::ListAuthoritiesRequest all;
  auto one_page = authorities_->ListAuthorities(caller_, all);
  ASSERT_TRUE(one_page.ok()) << one_page.status();
  EXPECT_EQ(one_page->authorities_size(), 8);
  EXPECT_TRUE(one_page->next_page_token().empty());
}

TEST_P(AuthoritiesTest, ListAuthoritiesRejectsNegativePageSizeAndForeignToken) {
  v1::ListAuthoritiesRequest request;
  request.set_page_size(-1);
  auto negative = authorities_->ListAuthorities(caller_, request);
  EXPECT_EQ(FieldsOf(negative.status()), std::vector<std::string>{"page_size"});
  request.set_page_size(0);
  request.set_page_token("not-a-token");
  auto foreign = authorities_->ListAuthorities(caller_, request);
  EXPECT_EQ(FieldsOf(foreign.status()), std::vector<std::string>{"page_token"});
}

TEST_P(AuthoritiesTest, UpdateWithAllowMissingCreatesFiguresInQuintileOrder) {
  const int64_t before = test_support::LastSeq(*db_);
  const v1::Population created =
      Update(Figures(kGcc2022, 70000, 6000, 300, {Quintile(3, 50), Quintile(1, 120), Quintile(2, 60)}));
  EXPECT_EQ(created.name(), kGcc2022);
  EXPECT_EQ(created.authority(), "authorities/GCC");
  EXPECT_EQ(created.session(), "2022-23");
  EXPECT_EQ(created.learners(), 70000);
  EXPECT_EQ(created.teachers_and_practitioners(), 6000);
  EXPECT_EQ(created.establishments(), 300);
  EXPECT_EQ(QuintileNumbers(created.establishments_by_quintile()), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(created.establishments_by_quintile(0).establishments(), 120);
  EXPECT_EQ(created.source(), "School census, September 2022");
  EXPECT_EQ(created.etag(), "1");
  EXPECT_GT(created.create_time().seconds(), 0);

  auto got = Get(kGcc2022);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.authority.population_updated");
  EXPECT_EQ(events[0].subject(), kGcc2022);
  EXPECT_EQ(events[0].actor(), "morag.kerr");
  v1::AuthorityPopulationUpdated payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.population().learners(), 70000);
  EXPECT_FALSE(payload.has_previous());
  EXPECT_EQ(std::vector<std::string>(payload.changed_fields().begin(), payload.changed_fields().end()),
            (std::vector<std::string>{"learners", "teachers_and_practitioners", "establishments",
                                      "establishments_by_quintile", "source"}));
  EXPECT_EQ(test_support::AuditOf(*db_, kGcc2022, "morag.kerr"),
            std::vector<std::string>{"authority.population_updated"});
}

TEST_P(AuthoritiesTest, UpdateOfMissingFiguresWithoutAllowMissingIsNotFound) {
  auto p = authorities_->UpdatePopulation(caller_, Figures(kGcc2022, 1, 1, 1, {}, /*allow_missing=*/false));
  EXPECT_EQ(p.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get(kGcc2022).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(AuthoritiesTest, MaskedUpdateChangesOnlyItsPathsAndPublishesThePrevious) {
  Update(Figures(kGcc2022, 70000, 6000, 300, {Quintile(1, 120)}));
  const int64_t before = test_support::LastSeq(*db_);
  v1::UpdatePopulationRequest request;
  request.mutable_population()->set_name(kGcc2022);
  request.mutable_population()->set_learners(71000);
  request.mutable_population()->set_establishments(1);  // not in the mask: ignored
  request.mutable_population()->set_etag("1");
  *request.mutable_update_mask() = Mask({"learners"});
  const v1::Population updated = Update(request);
  EXPECT_EQ(updated.learners(), 71000);
  EXPECT_EQ(updated.establishments(), 300);
  EXPECT_EQ(updated.establishments_by_quintile_size(), 1);
  EXPECT_EQ(updated.etag(), "2");

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  v1::AuthorityPopulationUpdated payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.previous().learners(), 70000);
  EXPECT_EQ(payload.population().learners(), 71000);
  EXPECT_EQ(std::vector<std::string>(payload.changed_fields().begin(), payload.changed_fields().end()),
            std::vector<std::string>{"learners"});
}

TEST_P(AuthoritiesTest, UpdateThatChangesNothingKeepsTheEtagAndPublishesNothing) {
  const v1::Population first = Update(Figures(kGcc2022, 70000, 6000, 300, {Quintile(2, 10), Quintile(1, 20)}));
  const int64_t before = test_support::LastSeq(*db_);
  // The same figures, quintiles in another order.
  const v1::Population again = Update(Figures(kGcc2022, 70000, 6000, 300, {Quintile(1, 20), Quintile(2, 10)}));
  EXPECT_EQ(again.etag(), first.etag());
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  EXPECT_EQ(test_support::AuditOf(*db_, kGcc2022, "morag.kerr").size(), 1u);
}

TEST_P(AuthoritiesTest, StaleEtagIsAborted) {
  Update(Figures(kGcc2022, 70000, 6000, 300, {}));
  Update(Figures(kGcc2022, 70001, 6000, 300, {}));
  v1::UpdatePopulationRequest request = Figures(kGcc2022, 1, 1, 1, {});
  request.mutable_population()->set_etag("1");
  auto p = authorities_->UpdatePopulation(caller_, request);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(kGcc2022)->learners(), 70001);
}

TEST_P(AuthoritiesTest, BadFiguresNameEveryField) {
  v1::UpdatePopulationRequest request =
      Figures(kGcc2022, -1, -2, -3, {Quintile(0, 1), Quintile(2, -1), Quintile(2, 1), Quintile(6, 0)});
  request.mutable_population()->set_source("School census\nSeptember 2022");
  auto p = authorities_->UpdatePopulation(caller_, request);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(p.status()), (std::vector<std::string>{
                                      "population.learners",
                                      "population.teachers_and_practitioners",
                                      "population.establishments",
                                      "population.establishments_by_quintile[0].quintile",
                                      "population.establishments_by_quintile[1].establishments",
                                      "population.establishments_by_quintile[2].quintile",
                                      "population.establishments_by_quintile[3].quintile",
                                      "population.source",
                                  }));
  EXPECT_EQ(Get(kGcc2022).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(AuthoritiesTest, BadNameOrSessionOrMaskIsRejected) {
  for (const std::string name : {"authorities/GCC/populations/2022-24", "authorities/FIF/populations/2022-23",
                                 "authorities/GCC", ""}) {
    auto p = authorities_->UpdatePopulation(caller_, Figures(name, 1, 1, 1, {}));
    EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"population.name"}) << name;
  }
  v1::UpdatePopulationRequest request = Figures(kGcc2022, 1, 1, 1, {});
  *request.mutable_update_mask() = Mask({"learners", "authority"});
  auto p = authorities_->UpdatePopulation(caller_, request);
  EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"update_mask"});
}

TEST_P(AuthoritiesTest, QuintilesMayNotAddUpToMoreThanTheEstablishments) {
  auto p = authorities_->UpdatePopulation(caller_, Figures(kGcc2022, 1, 1, 100, {Quintile(1, 60), Quintile(2, 41)}));
  EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"population.establishments_by_quintile"});

  Update(Figures(kGcc2022, 1, 1, 100, {Quintile(1, 60), Quintile(2, 40)}));
  // Lowering establishments alone below the stored quintiles names establishments,
  // and changes nothing.
  v1::UpdatePopulationRequest request;
  request.mutable_population()->set_name(kGcc2022);
  request.mutable_population()->set_establishments(99);
  *request.mutable_update_mask() = Mask({"establishments"});
  auto lowered = authorities_->UpdatePopulation(caller_, request);
  EXPECT_EQ(FieldsOf(lowered.status()), std::vector<std::string>{"population.establishments"});
  auto stored = Get(kGcc2022);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->establishments(), 100);
  EXPECT_EQ(stored->etag(), "1");
}

TEST_P(AuthoritiesTest, AuthorityOfficerUpdatesOnlyTheirOwnAuthorities) {
  server::Caller officer = caller_;
  officer.role = "authority_officer";
  officer.authorities = {"GCC", "REN"};
  auto own = authorities_->UpdatePopulation(officer, Figures(kGcc2022, 1, 1, 1, {}));
  EXPECT_TRUE(own.ok()) << own.status();
  const int64_t before = test_support::LastSeq(*db_);
  auto other = authorities_->UpdatePopulation(officer, Figures("authorities/EDC/populations/2022-23", 1, 1, 1, {}));
  EXPECT_EQ(other.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(test_support::EventsAfter(*db_, before).empty());
  // Any other role acts for the whole region.
  auto regional = authorities_->UpdatePopulation(caller_, Figures("authorities/EDC/populations/2022-23", 1, 1, 1, {}));
  EXPECT_TRUE(regional.ok()) << regional.status();
}

TEST_P(AuthoritiesTest, GetPopulationRejectsMalformedNames) {
  auto p = Get("authorities/GCC/populations/22-23");
  EXPECT_EQ(FieldsOf(p.status()), std::vector<std::string>{"name"});
}

TEST_P(AuthoritiesTest, ListPopulationsPagesByAuthorityThenSessionWithFilters) {
  for (const std::string code : {"SLC", "EDC", "GCC"}) {
    for (const std::string session : {"2022-23", "2021-22"}) {
      Update(Figures(absl::StrCat("authorities/", code, "/populations/", session), 1, 1, 1, {}));
    }
  }
  std::vector<std::string> names;
  std::string token;
  int pages = 0;
  do {
    auto page = List("authorities/-", "", 4, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& n : Names(*page)) names.push_back(n);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "authorities/EDC/populations/2021-22", "authorities/EDC/populations/2022-23",
                       "authorities/GCC/populations/2021-22", "authorities/GCC/populations/2022-23",
                       "authorities/SLC/populations/2021-22", "authorities/SLC/populations/2022-23"}));

  // One session across authorities, a page at a time.
  names.clear();
  token.clear();
  pages = 0;
  do {
    auto page = List("authorities/-", "2022-23", 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& n : Names(*page)) names.push_back(n);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(names, (std::vector<std::string>{"authorities/EDC/populations/2022-23",
                                             "authorities/GCC/populations/2022-23",
                                             "authorities/SLC/populations/2022-23"}));

  auto gcc = List("authorities/GCC", "", 0);
  ASSERT_TRUE(gcc.ok()) << gcc.status();
  EXPECT_EQ(Names(*gcc), (std::vector<std::string>{"authorities/GCC/populations/2021-22",
                                                   "authorities/GCC/populations/2022-23"}));
}

TEST_P(AuthoritiesTest, ListPopulationsRejectsBadParentSessionAndPaging) {
  auto bad = List("authorities/FIF", "2022", -1, "junk");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (std::vector<std::string>{"parent", "session", "page_size", "page_token"}));
}

TEST_P(AuthoritiesTest, RegionPopulationAddsUpTheAuthoritiesThatHaveFigures) {
  Update(Figures("authorities/GCC/populations/2022-23", 2000000000, 6000, 300, {Quintile(1, 120), Quintile(2, 60)}));
  Update(Figures("authorities/EDC/populations/2022-23", 2000000000, 1000, 50, {Quintile(1, 5), Quintile(5, 20)}));
  Update(Figures("authorities/REN/populations/2022-23", 20000, 1500, 80, {Quintile(2, 10), Quintile(1, 15)}));
  Update(Figures("authorities/INV/populations/2021-22", 9000, 700, 40, {}));  // another session

  auto region = Region("2022-23");
  ASSERT_TRUE(region.ok()) << region.status();
  EXPECT_EQ(region->session(), "2022-23");
  EXPECT_EQ(region->learners(), int64_t{4000020000});  // beyond int32
  EXPECT_EQ(region->teachers_and_practitioners(), 8500);
  EXPECT_EQ(region->establishments(), 430);
  // Quintile 1 is known by all three; 2 and 5 are not.
  ASSERT_EQ(region->establishments_by_quintile_size(), 1);
  EXPECT_EQ(region->establishments_by_quintile(0).quintile(), 1);
  EXPECT_EQ(region->establishments_by_quintile(0).establishments(), 140);
  EXPECT_EQ(std::vector<std::string>(region->authorities_included().begin(), region->authorities_included().end()),
            (std::vector<std::string>{"EDC", "GCC", "REN"}));
  EXPECT_EQ(std::vector<std::string>(region->authorities_missing().begin(), region->authorities_missing().end()),
            (std::vector<std::string>{"ERC", "INV", "NLC", "SLC", "WDC"}));
}

TEST_P(AuthoritiesTest, RegionPopulationOfASessionWithoutFiguresMissesEveryone) {
  auto region = Region("2030-31");
  ASSERT_TRUE(region.ok()) << region.status();
  EXPECT_EQ(region->learners(), 0);
  EXPECT_EQ(region->authorities_included_size(), 0);
  EXPECT_EQ(region->authorities_missing_size(), 8);
  EXPECT_EQ(region->establishments_by_quintile_size(), 0);
}

TEST_P(AuthoritiesTest, RegionPopulationNeedsAValidSession) {
  for (const std::string session : {"", "2022", "2022-24"}) {
    auto region = Region(session);
    EXPECT_EQ(FieldsOf(region.status()), std::vector<std::string>{"session"}) << session;
  }
}

WP_INSTANTIATE_ON_EVERY_ENGINE(AuthoritiesTest);

}  // namespace
}  // namespace wp::governance
