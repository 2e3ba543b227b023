#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/audit/audited_event.h"
#include "libs/audit/field_diff.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::audit {
namespace {

namespace ws = wp::workstreams::v1;
namespace gov = wp::governance::v1;

ws::Workstream Sample() {
  ws::Workstream w;
  w.set_name("planPeriods/2022-23/workstreams/1");
  w.set_title("Literacy");
  w.set_lead_officer("Jane Smith");
  w.add_board_sponsors("Director, Inverclyde");
  w.set_etag("e1");
  w.mutable_update_time()->set_seconds(100);
  return w;
}

TEST(AuditFieldDiff, SameMessagesHaveNoChanges) {
  EXPECT_TRUE(DiffMessages(Sample(), Sample()).empty());
}

TEST(AuditFieldDiff, ShowsChangedFieldsBeforeAndAfterAndSkipsBookkeeping) {
  ws::Workstream after = Sample();
  after.set_title("Literacy and numeracy");
  after.set_number(3);
  after.set_etag("e2");
  after.mutable_update_time()->set_seconds(200);
  EXPECT_EQ(DiffMessages(Sample(), after),
            (std::vector<FieldChange>{{"number", "0", "3"}, {"title", "Literacy", "Literacy and numeracy"}}));
}

TEST(AuditFieldDiff, RepeatedFieldsAreOneWholeValue) {
  ws::Workstream after = Sample();
  after.add_board_sponsors("Chair");
  EXPECT_EQ(DiffMessages(Sample(), after),
            (std::vector<FieldChange>{{"board_sponsors", "[Director, Inverclyde]", "[Director, Inverclyde, Chair]"}}));
  after.clear_board_sponsors();
  EXPECT_EQ(DiffMessages(Sample(), after),
            (std::vector<FieldChange>{{"board_sponsors", "[Director, Inverclyde]", ""}}));
}

TEST(AuditFieldDiff, NestedMessagesGiveDottedPathsAndTimesAsText) {
  ws::WorkstreamChanged before;
  *before.mutable_workstream() = Sample();
  ws::WorkstreamChanged after = before;
  after.mutable_workstream()->set_title("Numeracy");
  after.mutable_workstream()->mutable_create_time()->set_seconds(86400);
  EXPECT_EQ(DiffMessages(before, after),
            (std::vector<FieldChange>{{"workstream.title", "Literacy", "Numeracy"},
                                      {"workstream.create_time", "", "1970-01-02T00:00:00Z"}}));
}

TEST(AuditFieldDiff, NamesOfPeopleAreMasked) {
  ws::Workstream after = Sample();
  after.set_lead_officer("John Doe");
  EXPECT_EQ(DiffMessages(Sample(), after),
            (std::vector<FieldChange>{{"lead_officer", kPersonalData, kPersonalData}}));
  ws::Workstream unset = Sample();
  unset.clear_lead_officer();
  EXPECT_EQ(DiffMessages(unset, Sample()), (std::vector<FieldChange>{{"lead_officer", "", kPersonalData}}));

  gov::Person person;
  person.set_display_name("Jane Smith");
  person.set_organisation("Education Scotland");
  gov::Person renamed = person;
  renamed.set_display_name("Jane Brown");
  renamed.set_organisation("University");
  EXPECT_EQ(DiffMessages(person, renamed),
            (std::vector<FieldChange>{{"display_name", kPersonalData, kPersonalData},
                                      {"organisation", "Education Scotland", "University"}}));
}

TEST(AuditFieldDiff, AListHoldingPeopleIsMaskedWhole) {
  ws::Workstream after = Sample();
  after.add_sponsors()->set_display_name("Jane Smith");
  const std::vector<FieldChange> changes = DiffMessages(Sample(), after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (FieldChange{"sponsors", "", kPersonalData}));
}

TEST(AuditFieldDiff, PersonalFieldRule) {
  const auto* person = gov::Person::descriptor();
  EXPECT_TRUE(IsPersonalField(*person->FindFieldByName("display_name")));
  EXPECT_FALSE(IsPersonalField(*person->FindFieldByName("organisation")));
  // An authority's display name is a place, not a person.
  EXPECT_FALSE(IsPersonalField(*gov::Authority::descriptor()->FindFieldByName("display_name")));
  EXPECT_TRUE(IsPersonalField(*ws::ProgressNote::descriptor()->FindFieldByName("author")));
  EXPECT_FALSE(IsPersonalField(*ws::ProgressNote::descriptor()->FindFieldByName("note_date")));
}

TEST(AuditFieldDiff, LongValuesAreCutWithinTheRecordsLimits) {
  ws::Workstream after = Sample();
  after.set_title(std::string(5000, 'x'));
  const std::vector<FieldChange> changes = DiffMessages(Sample(), after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].after, std::string(2000, 'x') + "... (cut)");
}

TEST(AuditFieldDiff, DifferentTypesHaveNoDiff) {
  EXPECT_TRUE(DiffMessages(Sample(), gov::Person()).empty());
}

TEST(AuditFieldDiff, AddDetailDiffsAgainstTheResourceInsideTheEvent) {
  ws::Workstream before = Sample();
  ws::WorkstreamChanged event;
  *event.mutable_workstream() = Sample();
  event.mutable_workstream()->set_title("Numeracy");
  AuditEntry entry;
  AddDetail(AuditDetail{&before, {"a/1", "b/2"}}, event, entry);
  EXPECT_EQ(entry.changes, (std::vector<FieldChange>{{"title", "Literacy", "Numeracy"}}));
  EXPECT_EQ(entry.related_resources, (std::vector<std::string>{"a/1", "b/2"}));
  EXPECT_EQ(ResourceIn(event, *gov::Person::descriptor()), nullptr);
}

}  // namespace
}  // namespace wp::audit
