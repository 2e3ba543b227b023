#include "services/learning/practitioners/practitioners.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

class PractitionersTest : public testing::LearningFixture {};

TEST_P(PractitionersTest, CreatesUpdatesAndLists) {
  const int64_t before = LastSeq(*db_);
  v1::Practitioner made = MakePractitioner("GCC-T-0001", "GCC", v1::MIDDLE_LEADER);
  EXPECT_EQ(made.name(), "practitioners/GCC-T-0001");
  MakePractitioner("INV-T-0001", "INV");
  MakePractitioner("GCC-T-0002", "GCC");
  EXPECT_EQ(EventsAfter(*db_, before).size(), 3u);

  v1::UpdatePractitionerRequest update;
  update.mutable_practitioner()->set_name("practitioners/GCC-T-0001");
  update.mutable_practitioner()->set_role(v1::DEPUTY_HEADTEACHER);
  update.mutable_update_mask()->add_paths("role");
  absl::StatusOr<v1::Practitioner> promoted = Practitioners(*db_).Update(caller_, update, now_);
  ASSERT_TRUE(promoted.ok()) << promoted.status();
  EXPECT_EQ(promoted->role(), v1::DEPUTY_HEADTEACHER);
  EXPECT_EQ(promoted->authority(), "GCC");

  v1::ListPractitionersRequest list;
  list.set_authority("GCC");
  absl::StatusOr<v1::ListPractitionersResponse> gcc = Practitioners(*db_).List(list);
  ASSERT_TRUE(gcc.ok());
  ASSERT_EQ(gcc->practitioners_size(), 2);
  EXPECT_EQ(gcc->practitioners(0).name(), "practitioners/GCC-T-0001");
  list.set_authority("XYZ");
  EXPECT_EQ(FieldsOf(Practitioners(*db_).List(list).status()), std::vector<std::string>{"authority"});
}

TEST_P(PractitionersTest, RefusesBadInput) {
  v1::CreatePractitionerRequest bad;
  bad.set_practitioner_id("Jane Smith");
  bad.mutable_practitioner()->set_authority("Glasgow");
  bad.mutable_practitioner()->set_establishment("two\nlines");
  EXPECT_EQ(FieldsOf(Practitioners(*db_).Create(caller_, bad, now_).status()),
            (std::vector<std::string>{"practitioner_id", "practitioner.authority", "practitioner.establishment",
                                      "practitioner.sector", "practitioner.role"}));
  MakePractitioner("P-1");
  v1::CreatePractitionerRequest again;
  again.set_practitioner_id("P-1");
  again.mutable_practitioner()->set_authority("GCC");
  again.mutable_practitioner()->set_sector(v1::PRIMARY);
  again.mutable_practitioner()->set_role(v1::CLASS_TEACHER);
  EXPECT_EQ(Practitioners(*db_).Create(caller_, again, now_).status().code(), absl::StatusCode::kAlreadyExists);
  v1::GetPractitionerRequest get;
  get.set_name("practitioners/P-2");
  EXPECT_EQ(Practitioners(*db_).Get(get).status().code(), absl::StatusCode::kNotFound);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(PractitionersTest);

}  // namespace
}  // namespace wp::learning
