#include "services/workstreams/projects/project_rules.h"

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"

namespace wp::workstreams {
namespace {

using test_support::FieldsOf;

TEST(ProjectRulesTest, NamesParseBothWays) {
  EXPECT_EQ(ProjectName("2020-23", "executive-coaching"), "planPeriods/2020-23/projects/executive-coaching");
  std::string period, id;
  ASSERT_TRUE(ParseProjectName("planPeriods/2020-23/projects/executive-coaching", "name", &period, &id).ok());
  EXPECT_EQ(period, "2020-23");
  EXPECT_EQ(id, "executive-coaching");
  for (const char* bad : {"", "projects/x", "planPeriods/2020/projects/ab", "planPeriods/2020-23/projects/A B",
                          "planPeriods/2020-23/planItems/ab", "planPeriods/2020-23/projects/ab/tasks"}) {
    EXPECT_EQ(FieldsOf(ParseProjectName(bad, "name", &period, &id)), std::vector<std::string>{"name"}) << bad;
  }
}

TEST(ProjectRulesTest, AProjectIsGivenByIdOrNameInItsPeriod) {
  EXPECT_EQ(*ProjectIdIn("2020-23", "executive-coaching", "project"), "executive-coaching");
  EXPECT_EQ(*ProjectIdIn("2020-23", "planPeriods/2020-23/projects/executive-coaching", "project"),
            "executive-coaching");
  EXPECT_EQ(FieldsOf(ProjectIdIn("2020-23", "planPeriods/2022-23/projects/executive-coaching", "project").status()),
            std::vector<std::string>{"project"});
  EXPECT_EQ(FieldsOf(ProjectIdIn("2020-23", "Executive Coaching", "project").status()),
            std::vector<std::string>{"project"});
}

TEST(ProjectRulesTest, PausedAndWithdrawnAreOnHold) {
  EXPECT_TRUE(IsOnHold(v1::PROJECT_PAUSED));
  EXPECT_TRUE(IsOnHold(v1::PROJECT_WITHDRAWN));
  EXPECT_FALSE(IsOnHold(v1::PROJECT_ACTIVE));
  EXPECT_FALSE(IsOnHold(v1::PROJECT_PRIORITISED));
  EXPECT_EQ(ProjectStatusWord(v1::PROJECT_PRIORITISED), "Prioritised");
}

TEST(ProjectRulesTest, ParticipantsReadAndWriteAsOneLine) {
  auto role = ParseParticipant("Headteachers (all eight authorities)");
  ASSERT_TRUE(role.ok()) << role.status();
  EXPECT_EQ(role->kind(), v1::Participant::ROLE);
  EXPECT_EQ(role->name(), "Headteachers");
  EXPECT_EQ(role->organisation(), "all eight authorities");
  EXPECT_EQ(ParticipantText(*role), "role: Headteachers (all eight authorities)");

  auto person = ParseParticipant("Person: Fiona Muir (Inverclyde)");
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->kind(), v1::Participant::PERSON);
  EXPECT_EQ(person->name(), "Fiona Muir");

  auto org = ParseParticipant("organisation:Education Scotland");
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(org->kind(), v1::Participant::ORGANISATION);
  EXPECT_EQ(org->name(), "Education Scotland");
  EXPECT_EQ(ParticipantText(*org), "organisation: Education Scotland");

  for (const char* text : {"role: Headteachers (all eight authorities)", "person: Fiona Muir",
                           "organisation: Education Scotland", "role: Class teachers"}) {
    auto parsed = ParseParticipant(text);
    ASSERT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(ParticipantText(*parsed), text);
  }
  EXPECT_FALSE(ParseParticipant("").ok());
  EXPECT_FALSE(ParseParticipant("person: (Inverclyde)").ok());
  EXPECT_FALSE(ParseParticipant("Officers)").ok());
}

TEST(ProjectRulesTest, ActionPlanLimits) {
  v1::Project p;
  for (int i = 0; i < kMaxExpectedOutcomes + 1; ++i) p.add_expected_outcomes("An outcome");
  p.set_notes(std::string(kMaxProjectNotesBytes + 1, 'x'));
  v1::Participant* tricky = p.add_participants();
  tricky->set_kind(v1::Participant::ROLE);
  tricky->set_name("Officers (seconded)");
  tricky->set_organisation("A (B)");
  EXPECT_EQ(FieldsOf(ValidateActionPlan(p, "project")),
            (std::vector<std::string>{"project.expected_outcomes", "project.participants[0].organisation",
                                      "project.participants[0].name", "project.notes"}));
}

}  // namespace
}  // namespace wp::workstreams
