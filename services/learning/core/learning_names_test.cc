#include "services/learning/core/names.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

TEST(NamesTest, FormatsAndParsesEachKind) {
  EXPECT_EQ(ProgrammeName("leadership-sets"), "programmes/leadership-sets");
  EXPECT_EQ(*ProgrammeIdOf("programmes/leadership-sets", "name"), "leadership-sets");
  EXPECT_EQ(*EventIdOf("events/ioc-2026-03", "name"), "ioc-2026-03");
  EXPECT_EQ(*PractitionerIdOf("practitioners/GCC.T-0042_b", "name"), "GCC.T-0042_b");

  absl::StatusOr<RegistrationKey> registration = RegistrationKeyOf("events/ioc-1/registrations/P-7", "name");
  ASSERT_TRUE(registration.ok()) << registration.status();
  EXPECT_EQ(registration->event_id, "ioc-1");
  EXPECT_EQ(registration->practitioner_id, "P-7");
  EXPECT_EQ(RegistrationName("ioc-1", "P-7"), "events/ioc-1/registrations/P-7");

  absl::StatusOr<EvaluationKey> evaluation =
      EvaluationKeyOf("events/ioc-1/registrations/P-7/evaluations/post", "name");
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  EXPECT_EQ(evaluation->stage, v1::POST);
  EXPECT_EQ(EvaluationName("ioc-1", "P-7", v1::PRE), "events/ioc-1/registrations/P-7/evaluations/pre");
}

TEST(NamesTest, RefusesMalformedNamesNamingTheField) {
  for (const char* bad : {"", "programmes/", "programmes/UPPER", "events/x", "programmes/a/b", "people/ab"}) {
    absl::StatusOr<std::string> id = ProgrammeIdOf(bad, "programme");
    ASSERT_FALSE(id.ok()) << bad;
    EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(FieldsOf(id.status()), std::vector<std::string>{"programme"}) << bad;
  }
  EXPECT_FALSE(PractitionerIdOf("practitioners/has space", "p").ok());
  EXPECT_FALSE(PractitionerIdOf("practitioners/" + std::string(65, 'a'), "p").ok());
  EXPECT_FALSE(PractitionerIdOf("practitioners/caf\xc3\xa9", "p").ok());
  EXPECT_FALSE(RegistrationKeyOf("events/ioc-1/registrations/", "name").ok());
  EXPECT_FALSE(RegistrationKeyOf("events/ioc-1/attendees/P-7", "name").ok());
  EXPECT_FALSE(EvaluationKeyOf("events/ioc-1/registrations/P-7/evaluations/during", "name").ok());
  EXPECT_FALSE(EvaluationKeyOf("events/ioc-1/registrations/P-7", "name").ok());
}

}  // namespace
}  // namespace wp::learning
