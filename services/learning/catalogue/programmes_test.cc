#include "services/learning/catalogue/programmes.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

class ProgrammesTest : public testing::LearningFixture {
 protected:
  v1::CreateProgrammeRequest Request(const std::string& id) {
    v1::CreateProgrammeRequest request;
    request.set_programme_id(id);
    request.mutable_programme()->set_title("Executive Coaching");
    request.mutable_programme()->set_workstream(testing::kWorkstream);
    request.mutable_programme()->set_network(testing::kNetwork);
    request.mutable_programme()->set_completion_min_events(3);
    return request;
  }
};

TEST_P(ProgrammesTest, CreatesReadsAndPublishes) {
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::Programme> made = Programmes(*db_).Create(caller_, Request("executive-coaching"), now_);
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->name(), "programmes/executive-coaching");
  EXPECT_EQ(made->etag(), "1");
  v1::GetProgrammeRequest get;
  get.set_name(made->name());
  EXPECT_EQ(Programmes(*db_).Get(get)->SerializeAsString(), made->SerializeAsString());
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.programme.created");
  EXPECT_EQ(Programmes(*db_).Create(caller_, Request("executive-coaching"), now_).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_P(ProgrammesTest, LinksMustBeOnesTheWorkstreamsServicePublished) {
  v1::CreateProgrammeRequest unknown = Request("p-1");
  unknown.mutable_programme()->set_workstream("planPeriods/2022-23/workstreams/9");
  absl::Status s = Programmes(*db_).Create(caller_, unknown, now_).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("programme.workstream"), absl::string_view::npos) << s;
  v1::CreateProgrammeRequest network = Request("p-2");
  network.mutable_programme()->set_network("networks/unknown");
  EXPECT_EQ(Programmes(*db_).Create(caller_, network, now_).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(ProgrammesTest, BadInputNamesEveryField) {
  v1::CreateProgrammeRequest bad;
  bad.set_programme_id("Not_An_Id");
  bad.mutable_programme()->set_workstream("workstreams/2");
  bad.mutable_programme()->set_network("network");
  bad.mutable_programme()->set_completion_min_events(-1);
  EXPECT_EQ(FieldsOf(Programmes(*db_).Create(caller_, bad, now_).status()),
            (std::vector<std::string>{"programme_id", "programme.title", "programme.workstream", "programme.network",
                                      "programme.completion_min_events"}));
}

TEST_P(ProgrammesTest, UpdatesWithAMaskAndEtag) {
  ASSERT_TRUE(Programmes(*db_).Create(caller_, Request("executive-coaching"), now_).ok());
  v1::UpdateProgrammeRequest update;
  update.mutable_programme()->set_name("programmes/executive-coaching");
  update.mutable_programme()->set_title("Executive Coaching (2026 cohort)");
  update.mutable_programme()->set_etag("1");
  update.mutable_update_mask()->add_paths("title");
  absl::StatusOr<v1::Programme> updated = Programmes(*db_).Update(caller_, update, now_);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Executive Coaching (2026 cohort)");
  EXPECT_EQ(updated->completion_min_events(), 3);
  EXPECT_EQ(updated->etag(), "2");
  // A stale etag is refused; an unknown path too.
  EXPECT_EQ(Programmes(*db_).Update(caller_, update, now_).status().code(), absl::StatusCode::kAborted);
  update.mutable_programme()->clear_etag();
  update.mutable_update_mask()->add_paths("name");
  EXPECT_EQ(FieldsOf(Programmes(*db_).Update(caller_, update, now_).status()),
            std::vector<std::string>{"update_mask"});
}

TEST_P(ProgrammesTest, ListsByWorkstreamInPages) {
  for (const char* id : {"a-prog", "b-prog", "c-prog"}) ASSERT_TRUE(Programmes(*db_).Create(caller_, Request(id), now_).ok());
  v1::ListProgrammesRequest list;
  list.set_workstream(testing::kWorkstream);
  list.set_page_size(2);
  int pages = 0;
  std::vector<std::string> names = test_support::AllPages<std::string>(
      list, [&](const v1::ListProgrammesRequest& r) { return Programmes(*db_).List(r); },
      [](const v1::ListProgrammesResponse& page, std::vector<std::string>* out) {
        for (const v1::Programme& p : page.programmes()) out->push_back(p.name());
      },
      &pages);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(names, (std::vector<std::string>{"programmes/a-prog", "programmes/b-prog", "programmes/c-prog"}));
  list.set_workstream("planPeriods/2022-23/workstreams/3");
  list.clear_page_size();
  EXPECT_EQ(Programmes(*db_).List(list)->programmes_size(), 0);
  list.set_page_token("garbage");
  EXPECT_EQ(Programmes(*db_).List(list).status().code(), absl::StatusCode::kInvalidArgument);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(ProgrammesTest);

}  // namespace
}  // namespace wp::learning
