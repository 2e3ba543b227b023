// Tests of what `wpctl tracker import` prints: grouped rejections, updates
// with their changes, created workstreams, the closing counts, and the
// --workstream-titles option.
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/tracker_options.h"
#include "tools/wpctl/tracker_views.h"

namespace wp::wpctl {
namespace {

using ::testing::ElementsAre;

v1::ImportRowResult Rejected(int line, const std::string& ref, const std::string& reason) {
  v1::ImportRowResult r;
  r.set_line(line);
  r.set_ref(ref);
  r.set_outcome(v1::ImportRowResult::REJECTED);
  r.set_reason(reason);
  return r;
}

TEST(TrackerImportViewsTest, SameReasonsMakeOneLineAndOthersKeepTheirRow) {
  RejectionGroups groups;
  const std::string missing = "workstream 1 does not exist in 2022-23; create it first";
  for (int line : {4, 5, 9}) groups.Add(Rejected(line, "1." + std::to_string(line), missing));
  groups.Add(Rejected(6, "1.x", "ref \"1.x\" must look like 4.2"));
  groups.Add(Rejected(12, "", ""));
  EXPECT_THAT(groups.Lines(),
              ElementsAre("rejected 3 rows (lines 4, 5, 9): " + missing,
                          "line 6 (ref 1.x): ref \"1.x\" must look like 4.2", "line 12: rejected"));
}

TEST(TrackerImportViewsTest, ManyRowsOfOneReasonShowTheFirstLines) {
  RejectionGroups groups;
  for (int line = 2; line < 52; ++line) groups.Add(Rejected(line, "", "Status \"Delayed\"\nis not known"));
  EXPECT_THAT(groups.Lines(), ElementsAre("rejected 50 rows (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ...): "
                                          "Status \"Delayed\" is not known"));
}

TEST(TrackerImportViewsTest, UpdatesSayWhatChanged) {
  v1::ImportRowResult r;
  r.set_ref("1.2");
  r.set_outcome(v1::ImportRowResult::UPDATED);
  auto* status = r.add_changed_fields();
  status->set_field("status");
  status->set_before("On track");
  status->set_after("Complete");
  auto* date = r.add_changed_fields();
  date->set_field("expected_date");
  date->set_before("2019-06-30");
  date->set_after("2019-08-31");
  auto* by = r.add_changed_fields();
  by->set_field("superseded_by");
  by->set_before("");
  by->set_after("5.2");
  EXPECT_EQ(UpdateText(r, /*dry_run=*/false),
            "updated 1.2: status On track -> Complete; expected date 2019-06-30 -> 2019-08-31; "
            "superseded by (none) -> 5.2");
  r.mutable_changed_fields()->DeleteSubrange(1, 2);
  EXPECT_EQ(UpdateText(r, /*dry_run=*/true), "would update 1.2: status On track -> Complete");
}

TEST(TrackerImportViewsTest, CountsSayProcessedAndDryRun) {
  v1::ImportTrackerProgress last;
  last.set_total_rows(50);
  last.set_processed_rows(50);
  last.set_created(3);
  last.set_updated(2);
  last.set_unchanged(45);
  EXPECT_EQ(ImportCountsText(last), "processed 50 rows: 3 created, 2 updated, 45 unchanged, 0 rejected");
  EXPECT_EQ(ProgressText(last), "processed 50/50 rows");
  last.set_dry_run(true);
  EXPECT_EQ(ImportCountsText(last),
            "processed 50 rows: 3 created, 2 updated, 45 unchanged, 0 rejected (dry run: nothing was changed)");
}

TEST(TrackerImportViewsTest, CreatedWorkstreams) {
  v1::Workstream ws;
  ws.set_number(3);
  ws.set_title("Workstream 3");
  EXPECT_EQ(CreatedWorkstreamText(ws, false), "created workstream 3 \"Workstream 3\" (no lead)");
  ws.set_lead_officer("Neil Cowan");
  EXPECT_EQ(CreatedWorkstreamText(ws, true), "would create workstream 3 \"Workstream 3\" (lead Neil Cowan)");
}

TEST(TrackerImportOptionsTest, WorkstreamTitlesArePairsSeparatedByBars) {
  auto titles = ParseWorkstreamTitles("1=Wellbeing for Learning| 3 = Curriculum and Learning, Teaching and Assessment");
  ASSERT_TRUE(titles.ok()) << titles.status();
  ASSERT_EQ(titles->size(), 2u);
  EXPECT_EQ((*titles)[0].number(), 1);
  EXPECT_EQ((*titles)[0].title(), "Wellbeing for Learning");
  EXPECT_EQ((*titles)[1].number(), 3);
  EXPECT_EQ((*titles)[1].title(), "Curriculum and Learning, Teaching and Assessment");

  for (const char* bad : {"Wellbeing", "one=Wellbeing", "1=A|B"}) {
    auto parsed = ParseWorkstreamTitles(bad);
    EXPECT_TRUE(IsUsageError(parsed.status())) << bad << ": " << parsed.status();
  }
}

TEST(TrackerImportOptionsTest, ImportAndExportRequestsFromTheSharedOptions) {
  const std::string file = ::testing::TempDir() + "/wpctl-import-request.csv";
  {
    std::ofstream out(file);
    out << "Ref,Task\n1.1,Moderation\n";
  }
  Args args;
  args.positional = {file};
  args.options = {{"period", "2026-27"}, {"format", "tsv"}, {"dry-run", "true"}};
  auto imported = ImportRequest<v1::ImportTrackerRequest>(args);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->plan_period(), "2026-27");
  EXPECT_EQ(imported->format(), v1::TSV);
  EXPECT_EQ(imported->content(), "Ref,Task\n1.1,Moderation\n");
  EXPECT_TRUE(imported->dry_run());

  Args exporting;
  exporting.options = {{"period", "2026-27"}};
  auto exported = ExportRequest<v1::ExportTrackerRequest>(exporting);
  ASSERT_TRUE(exported.ok()) << exported.status();
  EXPECT_EQ(exported->format(), v1::TABLE_FORMAT_UNSPECIFIED);  // the service reads and writes CSV

  // Bad input: no period, a format that is not a table's, a file that is not there.
  Args no_period = args;
  no_period.options.erase("period");
  EXPECT_TRUE(IsUsageError(ImportRequest<v1::ImportTrackerRequest>(no_period).status()));
  Args bad_format = args;
  bad_format.options["format"] = "xlsx";
  EXPECT_TRUE(IsUsageError(ImportRequest<v1::ImportTrackerRequest>(bad_format).status()));
  Args missing = args;
  missing.positional = {file + ".missing"};
  EXPECT_EQ(ImportRequest<v1::ImportTrackerRequest>(missing).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace wp::wpctl
