// Tracker import and export on either store engine, with the demo tracker
// (deploy/local/demo/tracker-2018-21.csv) and small hand-written files.
#include "services/workstreams/tracker_import.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "libs/store/outbox.h"
#include "libs/testing/engine_store_test.h"
#include "libs/testing/test_store.h"
#include "libs/testing/domain_test_support.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker.h"
#include "services/workstreams/tracker_store.h"
#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {
namespace {

using test_support::Day;
using test_support::FieldsOf;
using test_support::Month;

using Outcome = v1::ImportRowResult;

constexpr char kPeriod[] = "2018-21";
constexpr int kDemoRows = 50;

std::string DemoTracker() {
  // From CMake, not __FILE__: ccache's base_dir makes __FILE__ relative to the build folder.
  const std::filesystem::path path = std::filesystem::path(WP_DEMO_DIR) / "tracker-2018-21.csv";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ItemName(const std::string& ref) { return PlanItemName(kPeriod, ref); }

// Everything an import sent, and the per-row results by ref and line.
struct ImportRun {
  absl::Status status;
  std::vector<v1::ImportTrackerProgress> messages;
  std::vector<v1::ImportRowResult> results;

  const v1::ImportTrackerProgress& last() const { return messages.back(); }
  int Count(Outcome::Outcome outcome) const {
    int n = 0;
    for (const auto& r : results) n += r.outcome() == outcome ? 1 : 0;
    return n;
  }
  // The result for the row at `line`, or an empty one.
  v1::ImportRowResult AtLine(int line) const {
    for (const auto& r : results) {
      if (r.line() == line) return r;
    }
    return v1::ImportRowResult();
  }
  v1::ImportRowResult ForRef(const std::string& ref) const {
    for (const auto& r : results) {
      if (r.ref() == ref) return r;
    }
    return v1::ImportRowResult();
  }
};

class TrackerImportTest : public wp::testing::EngineStoreTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
    test_support::FollowCommits(*db_, generation_);
    tracker_ = std::make_unique<Tracker>(*db_);
    importer_ = std::make_unique<TrackerImporter>(*db_, /*batch_size=*/7);
  }

  void TearDown() override {
    importer_.reset();
    tracker_.reset();
    CloseStore();
  }

  // Workstreams 1..n of the 2018-21 plan.
  void MakeWorkstreams(int n) {
    for (int number = 1; number <= n; ++number) {
      v1::CreateWorkstreamRequest request;
      request.mutable_workstream()->set_plan_period(kPeriod);
      request.mutable_workstream()->set_number(number);
      request.mutable_workstream()->set_title(absl::StrCat("Workstream ", number));
      auto ws = tracker_->CreateWorkstream(caller_, request);
      ASSERT_TRUE(ws.ok()) << ws.status();
    }
  }

  ImportRun Import(const std::string& content, v1::TableFormat format = v1::TABLE_FORMAT_UNSPECIFIED) {
    v1::ImportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_format(format);
    request.set_content(content);
    ImportRun run;
    run.status = importer_->Import(caller_, request, [&](const v1::ImportTrackerProgress& p) {
      run.messages.push_back(p);
      for (const auto& r : p.results()) run.results.push_back(r);
      return true;
    });
    return run;
  }

  // The demo tracker imported into workstreams 1..9; checks it all went in.
  void ImportDemo() {
    MakeWorkstreams(9);
    const ImportRun run = Import(DemoTracker());
    ASSERT_TRUE(run.status.ok()) << run.status;
    ASSERT_EQ(run.Count(Outcome::CREATED), kDemoRows);
  }

  v1::PlanItem Get(const std::string& ref) {
    v1::GetPlanItemRequest request;
    request.set_name(ItemName(ref));
    auto item = tracker_->GetPlanItem(request);
    EXPECT_TRUE(item.ok()) << item.status();
    return item.ok() ? *item : v1::PlanItem();
  }

  std::string Export(v1::TableFormat format = v1::CSV) {
    v1::ExportTrackerRequest request;
    request.set_plan_period(kPeriod);
    request.set_format(format);
    auto exported = importer_->Export(request);
    EXPECT_TRUE(exported.ok()) << exported.status();
    return exported.ok() ? exported->content() : "";
  }
  cache::DataGeneration generation_;
  std::unique_ptr<Tracker> tracker_;
  std::unique_ptr<TrackerImporter> importer_;
  server::Caller caller_ = test_support::OfficerCaller("alison.baird", "trace-import");
};

constexpr char kHeader[] = "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n";

TEST_P(TrackerImportTest, DemoTrackerImportsEveryRow) {
  MakeWorkstreams(9);
  const int64_t before = test_support::LastSeq(*db_);
  const ImportRun run = Import(DemoTracker());
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.Count(Outcome::CREATED), kDemoRows);
  EXPECT_EQ(run.last().created(), kDemoRows);
  EXPECT_EQ(run.last().rejected(), 0);
  EXPECT_EQ(run.last().total_rows(), kDemoRows);

  const auto events = test_support::EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), static_cast<size_t>(kDemoRows));
  for (const auto& e : events) EXPECT_EQ(e.type(), "wp.workstreams.plan_item.created");
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));
}

TEST_P(TrackerImportTest, DemoRowsKeepTheirValues) {
  ImportDemo();
  const v1::PlanItem first = Get("1.1");
  EXPECT_EQ(first.status(), v1::COMPLETE);
  EXPECT_EQ(first.lead(), "Fiona Lennox");
  EXPECT_EQ(first.expected_date().year(), 2018);
  EXPECT_EQ(first.expected_date().month(), 12);
  EXPECT_EQ(first.expected_date().day(), 31);
  ASSERT_EQ(first.progress_notes_size(), 2);
  EXPECT_EQ(first.progress_notes(0).note_date().month(), 11);
  EXPECT_EQ(first.progress_notes(0).text(), "Six coordinators confirmed.");
  EXPECT_EQ(first.progress_notes(0).author(), "alison.baird");

  const v1::PlanItem superseded = Get("2.4");
  EXPECT_EQ(superseded.status(), v1::SUPERSEDED);
  EXPECT_EQ(superseded.superseded_by(), "2.3");
  EXPECT_FALSE(superseded.has_expected_date());
}

TEST_P(TrackerImportTest, ReimportingTheSameFileChangesNothing) {
  ImportDemo();
  const int64_t before = test_support::LastSeq(*db_);
  const int64_t generation = generation_.current();
  const std::string etag = Get("3.2").etag();

  const ImportRun again = Import(DemoTracker());
  ASSERT_TRUE(again.status.ok()) << again.status;
  EXPECT_EQ(again.Count(Outcome::UNCHANGED), kDemoRows);
  EXPECT_EQ(again.last().unchanged(), kDemoRows);
  EXPECT_EQ(again.last().created(), 0);
  EXPECT_EQ(again.last().updated(), 0);
  EXPECT_EQ(test_support::LastSeq(*db_), before);
  EXPECT_EQ(generation_.current(), generation);
  EXPECT_EQ(Get("3.2").etag(), etag);
}

TEST_P(TrackerImportTest, BadRowsAreRejectedAndGoodRowsKept) {
  MakeWorkstreams(2);
  const std::string file = absl::StrCat(
      kHeader,
      "1.1,Recruit coordinators,Fiona Lennox,Complete,31 December 2018,\n",   // line 2
      "1.2,Open an online space,Fiona Lennox,Delayed,March 2019,\n",          // line 3
      "1.x,Launch learning trios,Fiona Lennox,On track,June 2019,\n",         // line 4
      "1.4,Run a spring gathering,Fiona Lennox,Not started,31 June 2019,\n",  // line 5
      "1.1,Recruit coordinators again,Fiona Lennox,On track,,\n",             // line 6
      "2.1,Agree a shared statement,Graeme Whitelaw,On track,August 2019,\n"  // line 7
  );
  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.Count(Outcome::CREATED), 2);
  EXPECT_EQ(run.Count(Outcome::REJECTED), 4);
  EXPECT_EQ(run.last().total_rows(), 6);

  EXPECT_EQ(run.AtLine(2).outcome(), Outcome::CREATED);
  EXPECT_EQ(run.AtLine(7).outcome(), Outcome::CREATED);
  for (int line : {3, 4, 5, 6}) EXPECT_EQ(run.AtLine(line).outcome(), Outcome::REJECTED) << line;
  EXPECT_TRUE(absl::StrContains(run.AtLine(3).reason(), "Delayed")) << run.AtLine(3).reason();
  EXPECT_TRUE(absl::StrContains(run.AtLine(4).reason(), "1.x")) << run.AtLine(4).reason();
  EXPECT_TRUE(absl::StrContains(run.AtLine(5).reason(), "31 June 2019")) << run.AtLine(5).reason();
  EXPECT_TRUE(absl::StrContains(run.AtLine(6).reason(), "duplicate of line 2")) << run.AtLine(6).reason();

  EXPECT_EQ(Get("1.1").task(), "Recruit coordinators");
  EXPECT_EQ(Get("1.1").status(), v1::COMPLETE);
  EXPECT_EQ(Get("2.1").status(), v1::ON_TRACK);
  v1::GetPlanItemRequest missing;
  missing.set_name(ItemName("1.2"));
  EXPECT_EQ(tracker_->GetPlanItem(missing).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(TrackerImportTest, ChangedStatusAndNewNoteUpdateOnlyThatRow) {
  ImportDemo();
  std::string file = DemoTracker();
  const std::string old_row =
      "1.4,Run a spring gathering for network coordinators to share early learning from the "
      "trios.,Fiona Lennox,Not started,May 2019,\n";
  ASSERT_TRUE(absl::StrContains(file, old_row));
  absl::StrReplaceAll({{old_row,
                        "1.4,Run a spring gathering for network coordinators to share early "
                        "learning from the trios.,Fiona Lennox,On track,May 2019,"
                        "Apr 2019 Venue booked and invitations sent.\n"}},
                      &file);
  const int64_t before = test_support::LastSeq(*db_);

  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.ForRef("1.4").outcome(), Outcome::UPDATED);
  EXPECT_EQ(run.Count(Outcome::UPDATED), 1);
  EXPECT_EQ(run.Count(Outcome::UNCHANGED), kDemoRows - 1);

  const auto events = test_support::EventsAfter(*db_, before);
  std::vector<std::string> types;
  for (const auto& e : events) {
    EXPECT_EQ(e.subject(), ItemName("1.4"));
    types.push_back(e.type());
  }
  // The same events, in the same order, as UpdatePlanItem then AddProgressNote.
  EXPECT_EQ(types, (std::vector<std::string>{"wp.workstreams.plan_item.updated",
                                             "wp.workstreams.plan_item.status_changed",
                                             "wp.workstreams.plan_item.progress_noted"}));
  ASSERT_EQ(events.size(), 3u);
  v1::PlanItemChanged updated;
  ASSERT_TRUE(events[0].payload().UnpackTo(&updated));
  EXPECT_EQ(std::vector<std::string>(updated.changed_fields().begin(), updated.changed_fields().end()),
            std::vector<std::string>{"status"});
  v1::PlanItemStatusChanged changed;
  ASSERT_TRUE(events[1].payload().UnpackTo(&changed));
  EXPECT_EQ(changed.change().from_status(), v1::NOT_STARTED);
  EXPECT_EQ(changed.change().to_status(), v1::ON_TRACK);
  v1::PlanItemProgressNoted noted;
  ASSERT_TRUE(events[2].payload().UnpackTo(&noted));
  EXPECT_TRUE(noted.note().has_create_time());
  EXPECT_EQ(noted.note().text(), "Venue booked and invitations sent.");
  EXPECT_EQ(noted.note().note_date().year(), 2019);
  EXPECT_EQ(noted.note().note_date().month(), 4);

  const v1::PlanItem item = Get("1.4");
  EXPECT_EQ(item.status(), v1::ON_TRACK);
  ASSERT_EQ(item.progress_notes_size(), 1);
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));
}

TEST_P(TrackerImportTest, ImportedStatusChangeIsInTheHistory) {
  MakeWorkstreams(1);
  ASSERT_TRUE(Import(absl::StrCat(kHeader, "1.1,Recruit coordinators,,Not started,,\n")).status.ok());
  caller_.actor = "shona.mcallister";
  ASSERT_TRUE(Import(absl::StrCat(kHeader, "1.1,Recruit coordinators,,On track,,\n")).status.ok());

  v1::ListStatusHistoryRequest request;
  request.set_name(ItemName("1.1"));
  auto history = tracker_->ListStatusHistory(request);
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->changes_size(), 2);
  EXPECT_EQ(history->changes(0).reason(), "imported");
  EXPECT_EQ(history->changes(1).from_status(), v1::NOT_STARTED);
  EXPECT_EQ(history->changes(1).to_status(), v1::ON_TRACK);
  EXPECT_EQ(history->changes(1).changed_by(), "shona.mcallister");
}

TEST_P(TrackerImportTest, CompleteItemImportedAsOnTrackIsRejected) {
  ImportDemo();
  std::string file = DemoTracker();
  const std::string old_row =
      "2.1,Agree a shared regional statement on what an empowered school system means for our "
      "schools.,Graeme Whitelaw,Complete,";
  ASSERT_TRUE(absl::StrContains(file, old_row));
  absl::StrReplaceAll({{old_row,
                        "2.1,Agree a shared regional statement on what an empowered school "
                        "system means for our schools.,Graeme Whitelaw,On track,"}},
                      &file);
  const int64_t before = test_support::LastSeq(*db_);

  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  const v1::ImportRowResult result = run.ForRef("2.1");
  EXPECT_EQ(result.outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(result.reason(), "reopen")) << result.reason();
  EXPECT_EQ(run.Count(Outcome::UNCHANGED), kDemoRows - 1);
  EXPECT_EQ(Get("2.1").status(), v1::COMPLETE);
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

TEST_P(TrackerImportTest, FileWithoutStatusColumnIsInvalidContent) {
  MakeWorkstreams(1);
  const ImportRun run = Import("Ref,Task,Workstream Lead,Expected Date\n1.1,Recruit,Fiona,June 2019\n");
  EXPECT_EQ(run.status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(run.status)) fields.push_back(v.field);
  EXPECT_EQ(fields, std::vector<std::string>{"content"});
  EXPECT_TRUE(absl::StrContains(run.status.message(), "Status")) << run.status;
  EXPECT_TRUE(run.messages.empty());
}

TEST_P(TrackerImportTest, EmptyContentIsInvalid) {
  const ImportRun run = Import("");
  EXPECT_EQ(run.status.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(run.status).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(run.status)[0].field, "content");
}

TEST_P(TrackerImportTest, TsvFileImports) {
  MakeWorkstreams(3);
  const std::string file =
      "Ref\tTask\tWorkstream Lead\tStatus\tExpected Date\tComments\n"
      "3.1\tPublish a professional learning calendar, for 2019-20\tShona McAllister\tComplete\t"
      "31/05/2019\tMay 2019 Calendar published.\n"
      "3.2\tRun Improving Our Classrooms\tShona McAllister\tOn track\tJune 2020\t\n";
  for (v1::TableFormat format : {v1::TSV, v1::TABLE_FORMAT_UNSPECIFIED}) {
    SCOPED_TRACE(v1::TableFormat_Name(format));
    const ImportRun run = Import(file, format);
    ASSERT_TRUE(run.status.ok()) << run.status;
    EXPECT_EQ(run.Count(Outcome::CREATED) + run.Count(Outcome::UNCHANGED), 2);
    EXPECT_EQ(run.Count(Outcome::REJECTED), 0);
  }
  const v1::PlanItem item = Get("3.1");
  EXPECT_EQ(item.task(), "Publish a professional learning calendar, for 2019-20");
  EXPECT_EQ(item.status(), v1::COMPLETE);
  EXPECT_EQ(item.expected_date().day(), 31);
  ASSERT_EQ(item.progress_notes_size(), 1);
  EXPECT_EQ(item.progress_notes(0).text(), "Calendar published.");
  EXPECT_EQ(Get("3.2").status(), v1::ON_TRACK);
}

TEST_P(TrackerImportTest, ExportImportsBackUnchanged) {
  ImportDemo();
  const std::string exported = Export();
  ASSERT_TRUE(absl::StartsWith(exported, "Ref,Task,Workstream Lead,Status,Expected Date,Comments"))
      << exported.substr(0, 200);
  const int64_t before = test_support::LastSeq(*db_);

  const ImportRun run = Import(exported);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.Count(Outcome::UNCHANGED), kDemoRows);
  for (const auto& r : run.results) {
    EXPECT_EQ(r.outcome(), Outcome::UNCHANGED) << r.ref() << ": " << r.reason();
  }
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

TEST_P(TrackerImportTest, TsvExportImportsBackUnchanged) {
  ImportDemo();
  const std::string exported = Export(v1::TSV);
  const ImportRun run = Import(exported, v1::TSV);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.Count(Outcome::UNCHANGED), kDemoRows);
}

TEST_P(TrackerImportTest, ExportOfItemsMadeThroughTheApiImportsBackUnchanged) {
  MakeWorkstreams(5);
  auto make = [&](const std::string& ref, v1::PlanItemStatus status, const std::string& superseded_by,
                  const std::string& undated_note = "") {
    v1::CreatePlanItemRequest request;
    if (!undated_note.empty()) request.mutable_plan_item()->add_progress_notes()->set_text(undated_note);
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref(ref);
    request.mutable_plan_item()->set_task("Build a regional dashboard");
    request.mutable_plan_item()->set_lead("Alison Baird");
    request.mutable_plan_item()->set_status(status);
    request.mutable_plan_item()->set_superseded_by(superseded_by);
    auto item = tracker_->CreatePlanItem(caller_, request);
    ASSERT_TRUE(item.ok()) << item.status();
  };
  make("5.2", v1::ON_TRACK, "");
  // No note names 5.2, so the export writes the link into the comments.
  make("5.5", v1::SUPERSEDED, "5.2");
  make("5.6", v1::SUPERSEDED, "5.2", "Paused while the dashboard is built.");
  v1::AddProgressNoteRequest note;
  note.set_name(ItemName("5.2"));
  note.mutable_note()->set_text("Prototype shown to the Board.");
  ASSERT_TRUE(tracker_->AddProgressNote(caller_, note).ok());
  const int64_t before = test_support::LastSeq(*db_);

  const ImportRun run = Import(Export());
  ASSERT_TRUE(run.status.ok()) << run.status;
  for (const auto& r : run.results) {
    EXPECT_EQ(r.outcome(), Outcome::UNCHANGED) << r.ref() << ": " << r.reason();
  }
  EXPECT_EQ(run.results.size(), 3u);
  EXPECT_EQ(test_support::LastSeq(*db_), before);
  EXPECT_EQ(Get("5.5").progress_notes_size(), 0);
  ASSERT_EQ(Get("5.6").progress_notes_size(), 1);
  EXPECT_EQ(Get("5.6").progress_notes(0).text(), "Paused while the dashboard is built.");
}

TEST_P(TrackerImportTest, ProgressArrivesPerBatchAndEndsWithDone) {
  MakeWorkstreams(9);
  const ImportRun run = Import(DemoTracker());
  ASSERT_TRUE(run.status.ok()) << run.status;
  ASSERT_EQ(run.messages.size(), 8u);  // 50 rows in batches of 7
  int sum = 0;
  int previous_processed = 0;
  for (size_t i = 0; i < run.messages.size(); ++i) {
    const auto& m = run.messages[i];
    sum += m.results_size();
    EXPECT_EQ(m.total_rows(), kDemoRows);
    EXPECT_EQ(m.processed_rows(), sum);
    EXPECT_GT(m.processed_rows(), previous_processed);
    previous_processed = m.processed_rows();
    EXPECT_EQ(m.done(), i + 1 == run.messages.size()) << "message " << i;
  }
  EXPECT_EQ(sum, kDemoRows);
  EXPECT_EQ(run.messages[0].results_size(), 7);
  EXPECT_EQ(run.last().results_size(), 1);
  EXPECT_EQ(run.last().created(), kDemoRows);
}

TEST_P(TrackerImportTest, ProgressCountsParseRejectionsToo) {
  MakeWorkstreams(1);
  std::string file = kHeader;
  for (int task = 1; task <= 9; ++task) {
    absl::StrAppend(&file, "1.", task, ",Task ", task, ",,", task == 4 ? "Delayed" : "On track", ",,\n");
  }
  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  int sum = 0;
  for (const auto& m : run.messages) sum += m.results_size();
  EXPECT_EQ(sum, 9);
  EXPECT_EQ(run.last().total_rows(), 9);
  EXPECT_EQ(run.last().processed_rows(), 9);
  EXPECT_TRUE(run.last().done());
  EXPECT_EQ(run.last().created(), 8);
  EXPECT_EQ(run.last().rejected(), 1);
  EXPECT_EQ(run.AtLine(5).outcome(), Outcome::REJECTED);
}

TEST_P(TrackerImportTest, StoppingTheSinkKeepsAppliedRows) {
  MakeWorkstreams(9);
  v1::ImportTrackerRequest request;
  request.set_plan_period(kPeriod);
  request.set_content(DemoTracker());
  int calls = 0;
  ASSERT_TRUE(importer_->Import(caller_, request, [&](const v1::ImportTrackerProgress&) {
                  ++calls;
                  return false;
                }).ok());
  EXPECT_EQ(calls, 1);
  v1::ListPlanItemsRequest list;
  list.set_plan_period(kPeriod);
  auto items = tracker_->ListPlanItems(list);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_EQ(items->plan_items_size(), 7);
}


// ------------------------------------------------ workstreams, dry run, changes

// The 2018-21 workstreams that exist, by number.
std::map<int, v1::Workstream> WorkstreamsOf(Tracker& tracker) {
  v1::ListWorkstreamsRequest request;
  request.set_plan_period(kPeriod);
  auto list = tracker.ListWorkstreams(request);
  EXPECT_TRUE(list.ok()) << list.status();
  std::map<int, v1::Workstream> by_number;
  if (list.ok()) {
    for (const auto& ws : list->workstreams()) by_number[ws.number()] = ws;
  }
  return by_number;
}

int PlanItemCount(Tracker& tracker) {
  v1::ListPlanItemsRequest request;
  request.set_plan_period(kPeriod);
  auto items = tracker.ListPlanItems(request);
  EXPECT_TRUE(items.ok()) << items.status();
  return items.ok() ? items->plan_items_size() : -1;
}

v1::ImportTrackerRequest ImportRequest(const std::string& content) {
  v1::ImportTrackerRequest request;
  request.set_plan_period(kPeriod);
  request.set_content(content);
  return request;
}

void AddTitle(v1::ImportTrackerRequest* request, int number, const std::string& title) {
  v1::ImportWorkstreamTitle* t = request->add_workstream_titles();
  t->set_number(number);
  t->set_title(title);
}

class TrackerImportWorkstreamsTest : public TrackerImportTest {
 protected:
  ImportRun Run(const v1::ImportTrackerRequest& request) {
    ImportRun run;
    run.status = importer_->Import(caller_, request, [&](const v1::ImportTrackerProgress& p) {
      run.messages.push_back(p);
      for (const auto& r : p.results()) run.results.push_back(r);
      return true;
    });
    return run;
  }
};

// Workstream 1: leads Ann Boyd once, Neil Cowan twice; workstream 2: none.
const std::string kTwoWorkstreams = absl::StrCat(kHeader,
                                                 "1.1,Map the networks,Ann Boyd,On track,,\n",
                                                 "1.2,Survey the coordinators,Neil Cowan,On track,,\n",
                                                 "1.3,Share the survey,Neil Cowan,Not started,,\n",
                                                 "2.1,Agree a statement,,On track,,\n");

TEST_P(TrackerImportWorkstreamsTest, MissingWorkstreamsFailTheImportOnceBeforeAnyRow) {
  MakeWorkstreams(2);
  const int64_t before = test_support::LastSeq(*db_);
  const ImportRun run = Import(DemoTracker());
  EXPECT_EQ(run.status.code(), absl::StatusCode::kFailedPrecondition) << run.status;
  const std::string message(run.status.message());
  EXPECT_TRUE(absl::StrContains(message, "plan period 2018-21 has no workstreams 3, 4, 5, 6, 7, 8, 9 ("))
      << message;
  EXPECT_TRUE(absl::StrContains(message, "rows refer to them")) << message;
  EXPECT_TRUE(absl::StrContains(message, "wpctl workstreams create")) << message;
  EXPECT_TRUE(absl::StrContains(message, "--create-workstreams")) << message;
  EXPECT_TRUE(run.messages.empty());
  EXPECT_EQ(PlanItemCount(*tracker_), 0);
  EXPECT_EQ(test_support::LastSeq(*db_), before);

  // One missing workstream, one row: said in the singular.
  const ImportRun one = Import(absl::StrCat(kHeader, "1.1,Map,,On track,,\n7.1,Plan,,On track,,\n"));
  EXPECT_EQ(one.status.code(), absl::StatusCode::kFailedPrecondition) << one.status;
  EXPECT_TRUE(absl::StrContains(one.status.message(), "has no workstream 7 (1 row refers to it)"))
      << one.status;
  EXPECT_EQ(PlanItemCount(*tracker_), 0);
}

TEST_P(TrackerImportWorkstreamsTest, CreateMissingTakesTitlesAndTheMostCommonLead) {
  MakeWorkstreams(0);
  v1::ImportTrackerRequest request = ImportRequest(kTwoWorkstreams);
  request.set_create_missing_workstreams(true);
  AddTitle(&request, 1, "Collaborative learning networks");
  const int64_t before = test_support::LastSeq(*db_);

  const ImportRun run = Run(request);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.Count(Outcome::CREATED), 4);
  ASSERT_EQ(run.messages[0].created_workstreams_size(), 2);
  EXPECT_EQ(run.messages[0].created_workstreams(0).name(), "planPeriods/2018-21/workstreams/1");
  EXPECT_TRUE(run.messages[0].created_workstreams(0).has_create_time());
  for (size_t i = 1; i < run.messages.size(); ++i) EXPECT_EQ(run.messages[i].created_workstreams_size(), 0);

  const std::map<int, v1::Workstream> made = WorkstreamsOf(*tracker_);
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(made.at(1).title(), "Collaborative learning networks");
  EXPECT_EQ(made.at(1).lead_officer(), "Neil Cowan");
  EXPECT_EQ(made.at(2).title(), "Workstream 2");
  EXPECT_EQ(made.at(2).lead_officer(), "");

  // The workstreams' own events (with their audit), before their rows'.
  std::vector<std::string> types;
  for (const auto& e : test_support::EventsAfter(*db_, before)) types.push_back(e.type());
  ASSERT_EQ(types.size(), 6u);
  EXPECT_EQ(types[0], "wp.workstreams.workstream.created");
  EXPECT_EQ(types[1], "wp.workstreams.workstream.created");
  for (size_t i = 2; i < types.size(); ++i) EXPECT_EQ(types[i], "wp.workstreams.plan_item.created");
  EXPECT_EQ(generation_.current(), test_support::LastSeq(*db_));

  // The same command again creates nothing and changes nothing.
  const int64_t after_first = test_support::LastSeq(*db_);
  const ImportRun again = Run(request);
  ASSERT_TRUE(again.status.ok()) << again.status;
  EXPECT_EQ(again.Count(Outcome::UNCHANGED), 4);
  EXPECT_EQ(again.messages[0].created_workstreams_size(), 0);
  EXPECT_EQ(test_support::LastSeq(*db_), after_first);
}

TEST_P(TrackerImportWorkstreamsTest, DryRunReportsEverythingAndChangesNothing) {
  v1::ImportTrackerRequest request = ImportRequest(DemoTracker());
  request.set_create_missing_workstreams(true);
  request.set_dry_run(true);
  const int64_t before = test_support::LastSeq(*db_);
  const int64_t generation = generation_.current();

  const ImportRun dry = Run(request);
  ASSERT_TRUE(dry.status.ok()) << dry.status;
  EXPECT_EQ(dry.Count(Outcome::CREATED), kDemoRows);  // rows of later batches too
  EXPECT_EQ(dry.last().created(), kDemoRows);
  EXPECT_EQ(dry.messages[0].created_workstreams_size(), 9);
  for (const auto& m : dry.messages) EXPECT_TRUE(m.dry_run());
  EXPECT_EQ(test_support::LastSeq(*db_), before);
  EXPECT_EQ(generation_.current(), generation);
  EXPECT_TRUE(WorkstreamsOf(*tracker_).empty());
  EXPECT_EQ(PlanItemCount(*tracker_), 0);
  EXPECT_TRUE(test_support::EventsAfter(*db_, 0).empty());

  // The real import does what the dry run said.
  request.set_dry_run(false);
  const ImportRun real = Run(request);
  ASSERT_TRUE(real.status.ok()) << real.status;
  ASSERT_EQ(real.results.size(), dry.results.size());
  for (size_t i = 0; i < real.results.size(); ++i) {
    EXPECT_EQ(real.results[i].outcome(), dry.results[i].outcome()) << real.results[i].ref();
  }
  ASSERT_EQ(real.messages[0].created_workstreams_size(), 9);
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(real.messages[0].created_workstreams(i).lead_officer(),
              dry.messages[0].created_workstreams(i).lead_officer());
  }
  EXPECT_FALSE(real.last().dry_run());

  // A dry run of a changed row: UPDATED with its changes, the item as it was.
  std::string file = DemoTracker();
  absl::StrReplaceAll({{"Fiona Lennox,Not started,May 2019,", "Fiona Lennox,On track,May 2019,"}}, &file);
  v1::ImportTrackerRequest changed = ImportRequest(file);
  changed.set_dry_run(true);
  const int64_t after_real = test_support::LastSeq(*db_);
  const std::string etag = Get("1.4").etag();
  const ImportRun dry_update = Run(changed);
  ASSERT_TRUE(dry_update.status.ok()) << dry_update.status;
  EXPECT_EQ(dry_update.ForRef("1.4").outcome(), Outcome::UPDATED);
  EXPECT_EQ(dry_update.ForRef("1.4").changed_fields_size(), 1);
  EXPECT_EQ(dry_update.Count(Outcome::UNCHANGED), kDemoRows - 1);
  EXPECT_EQ(Get("1.4").status(), v1::NOT_STARTED);
  EXPECT_EQ(Get("1.4").etag(), etag);
  EXPECT_EQ(test_support::LastSeq(*db_), after_real);
}

TEST_P(TrackerImportWorkstreamsTest, DryRunStillRefusesMissingWorkstreams) {
  v1::ImportTrackerRequest request = ImportRequest(kTwoWorkstreams);
  request.set_dry_run(true);
  const ImportRun run = Run(request);
  EXPECT_EQ(run.status.code(), absl::StatusCode::kFailedPrecondition) << run.status;
  EXPECT_TRUE(absl::StrContains(run.status.message(), "no workstreams 1, 2 (4 rows refer to them)"))
      << run.status;
}

TEST_P(TrackerImportWorkstreamsTest, UpdatedRowsListWhatChanged) {
  ImportDemo();
  std::string file = DemoTracker();
  const std::string old_row =
      "1.4,Run a spring gathering for network coordinators to share early learning from the "
      "trios.,Fiona Lennox,Not started,May 2019,\n";
  ASSERT_TRUE(absl::StrContains(file, old_row));
  absl::StrReplaceAll({{old_row,
                        "1.4,Run a spring gathering for network coordinators to share early "
                        "learning from the trios.,Fiona Lennox,On track,31 August 2019,"
                        "Apr 2019 Venue booked and invitations sent.\n"}},
                      &file);
  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  const v1::ImportRowResult result = run.ForRef("1.4");
  ASSERT_EQ(result.outcome(), Outcome::UPDATED);
  std::vector<std::string> changes;
  for (const auto& c : result.changed_fields()) {
    changes.push_back(absl::StrCat(c.field(), ": ", c.before(), " -> ", c.after()));
  }
  EXPECT_EQ(changes, (std::vector<std::string>{"status: Not started -> On track",
                                               "expected_date: 2019-05 -> 2019-08-31",
                                               "progress_notes: 0 -> 1"}));
  EXPECT_EQ(run.ForRef("1.1").changed_fields_size(), 0);
}

TEST_P(TrackerImportWorkstreamsTest, BadWorkstreamTitlesNameTheField) {
  MakeWorkstreams(0);
  const int64_t before = test_support::LastSeq(*db_);
  struct Case {
    std::vector<std::pair<int, std::string>> titles;
    bool create = true;
    std::string field;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{{1, std::string(301, 't')}}, true, "workstream_titles[0].title", "at most 300 bytes"},
      {{{1, "  "}}, true, "workstream_titles[0].title", "non-empty"},
      {{{0, "Zero"}}, true, "workstream_titles[0].number", "between 1 and 99"},
      {{{100, "Hundred"}}, true, "workstream_titles[0].number", "between 1 and 99"},
      {{{1, "One"}, {1, "Again"}}, true, "workstream_titles[1].number", "twice"},
      {{{1, "One"}, {7, "Seven"}}, true, "workstream_titles[1].number", "no row of the file refers to workstream 7"},
      {{{1, "One"}}, false, "workstream_titles", "create_missing_workstreams"},
  };
  for (const Case& c : cases) {
    v1::ImportTrackerRequest request = ImportRequest(kTwoWorkstreams);
    request.set_create_missing_workstreams(c.create);
    for (const auto& [number, title] : c.titles) AddTitle(&request, number, title);
    const ImportRun run = Run(request);
    EXPECT_EQ(run.status.code(), absl::StatusCode::kInvalidArgument) << c.field << ": " << run.status;
    EXPECT_EQ(FieldsOf(run.status), std::vector<std::string>{c.field}) << run.status;
    EXPECT_TRUE(absl::StrContains(run.status.message(), c.says)) << run.status;
    EXPECT_TRUE(run.messages.empty());
  }
  EXPECT_TRUE(WorkstreamsOf(*tracker_).empty());
  EXPECT_EQ(test_support::LastSeq(*db_), before);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerImportWorkstreamsTest);

// ------------------------------------------------------------ hardening

// A message every C++ client can read back: serialises, and parses again.
bool Readable(const google::protobuf::Message& message) {
  std::string bytes;
  if (!message.SerializeToString(&bytes)) return false;
  std::unique_ptr<google::protobuf::Message> copy(message.New());
  return copy->ParseFromString(bytes);
}

TEST_P(TrackerImportTest, RowsThatAreNotUtf8AreRejectedAndThePeriodStaysReadable) {
  using namespace std::string_literals;  // NOLINT: a NUL inside a literal
  MakeWorkstreams(1);
  const ImportRun run = Import(absl::StrCat(kHeader,
                                            "1.1,Good,,On track,,\n",                   // 2
                                            "1.2,Bad \xFF\xFE task,,On track,,\n",      // 3
                                            "1.3,Stray NUL,,On track,,Dec 2018 a\0b\n"s,  // 4
                                            "1.4,Good too,,On track,,\n"));             // 5
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.last().created(), 2);
  EXPECT_EQ(run.last().rejected(), 2);
  EXPECT_EQ(run.AtLine(3).outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(run.AtLine(3).reason(), "cell 2 (Task) is not UTF-8 text"))
      << run.AtLine(3).reason();
  EXPECT_EQ(run.AtLine(4).outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(run.AtLine(4).reason(), "NUL")) << run.AtLine(4).reason();
  for (const auto& m : run.messages) EXPECT_TRUE(Readable(m));

  v1::ListPlanItemsRequest list;
  list.set_plan_period(kPeriod);
  auto items = tracker_->ListPlanItems(list);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_EQ(items->plan_items_size(), 2);
  EXPECT_TRUE(Readable(*items));
}

TEST_P(TrackerImportTest, TextStoredBeforeTheCheckIsRepairedWhenRead) {
  MakeWorkstreams(1);
  ASSERT_TRUE(Import(absl::StrCat(kHeader, "1.1,Task,,On track,,Dec 2018 A note\n")).status.ok());
  // As an import before the UTF-8 check could leave it.
  const absl::Status stored = db_->Write([](store::Transaction& tx) -> absl::Status {
    for (const char* sql : {"UPDATE plan_items SET task = ?", "UPDATE progress_notes SET text = ?"}) {
      auto n = tx.Execute(sql, {std::string("Bad \xFF\xFE text")});
      if (!n.ok()) return n.status();
    }
    return absl::OkStatus();
  });
  if (GetParam() == wp::testing::Engine::kPostgres) {
    // PostgreSQL itself refuses text that is not UTF-8, so no such row can exist there.
    EXPECT_FALSE(stored.ok());
    EXPECT_EQ(Get("1.1").task(), "Task");
    return;
  }
  ASSERT_TRUE(stored.ok()) << stored;
  const v1::PlanItem item = Get("1.1");
  EXPECT_EQ(item.task(), "Bad \xEF\xBF\xBD\xEF\xBF\xBD text");
  ASSERT_EQ(item.progress_notes_size(), 1);
  EXPECT_EQ(item.progress_notes(0).text(), "Bad \xEF\xBF\xBD\xEF\xBF\xBD text");
  v1::ListPlanItemsRequest list;
  list.set_plan_period(kPeriod);
  auto items = tracker_->ListPlanItems(list);
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_TRUE(Readable(*items));
}

TEST_P(TrackerImportTest, TheStoreRefusesTextThatIsNotUtf8) {
  MakeWorkstreams(1);
  v1::PlanItem item;
  item.set_plan_period(kPeriod);
  item.set_ref("1.1");
  item.set_task("Fine");
  item.set_status(v1::ON_TRACK);
  item.add_progress_notes()->set_text("Bad \xFF");
  absl::Status s = db_->Write([&](store::Transaction& tx) { return InsertPlanItem(tx, item, absl::Now()); });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), std::vector<std::string>{"plan_item.progress_notes[0].text"});
  item.clear_progress_notes();
  item.set_lead("Caf\xE9");
  s = db_->Write([&](store::Transaction& tx) { return InsertPlanItem(tx, item, absl::Now()); });
  EXPECT_EQ(FieldsOf(s), std::vector<std::string>{"plan_item.lead"});
}

TEST_P(TrackerImportTest, ManyRejectedRowsComeInBoundedMessages) {
  MakeWorkstreams(1);
  std::string file = kHeader;
  constexpr int kRows = 100000;
  for (int i = 0; i < kRows; ++i) absl::StrAppend(&file, "x.", i, ",A task,,Maybe,Someday,\n");
  const ImportRun run = Import(file);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.results.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(run.last().rejected(), kRows);
  EXPECT_EQ(run.last().processed_rows(), kRows);
  EXPECT_TRUE(run.last().done());
  size_t largest = 0;
  for (const auto& m : run.messages) largest = std::max(largest, m.ByteSizeLong());
  // A default gRPC client refuses messages over 4 MB.
  EXPECT_LT(largest, 1u << 20);
  EXPECT_GE(run.messages.size(), static_cast<size_t>(kRows / ImportProgress::kMaxResultsPerMessage));
}

TEST_P(TrackerImportTest, HugeCommentCellIsRejectedWithItsLineAndTheLimit) {
  MakeWorkstreams(1);
  const ImportRun run = Import(absl::StrCat(kHeader, "1.1,Task,,On track,,\"",
                                            std::string(10 << 20, 'n'), "\"\n",
                                            "1.2,Task,,On track,,Dec 2018 Fine\n"));
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.AtLine(2).outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(run.AtLine(2).reason(), "cell 6 is longer than 131072 bytes"))
      << run.AtLine(2).reason();
  EXPECT_EQ(run.AtLine(3).outcome(), Outcome::CREATED);
}

TEST_P(TrackerImportTest, LongNoteInACommentCellIsRejected) {
  MakeWorkstreams(1);
  const ImportRun run = Import(absl::StrCat(kHeader, "1.1,Task,,On track,,Dec 2018 ",
                                            std::string(kMaxNoteTextBytes + 1, 'n'), "\n"));
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.AtLine(2).outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(run.AtLine(2).reason(), "more than 4000 (the limit per note)"))
      << run.AtLine(2).reason();
}

TEST_P(TrackerImportTest, NotesPerItemAreCappedAcrossImports) {
  MakeWorkstreams(1);
  auto notes = [](int first, int count) {
    std::string cell = "\"";
    for (int i = first; i < first + count; ++i) absl::StrAppend(&cell, "Dec 2018 Note ", i, "\n");
    return cell + "\"";
  };
  ImportRun run = Import(absl::StrCat(kHeader, "1.1,Task,,On track,,", notes(0, 60), "\n"));
  ASSERT_EQ(run.last().created(), 1);
  run = Import(absl::StrCat(kHeader, "1.1,Task,,On track,,", notes(60, 60), "\n"));
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.AtLine(2).outcome(), Outcome::REJECTED);
  EXPECT_TRUE(absl::StrContains(run.AtLine(2).reason(),
                                "1.1 has 60 progress notes; 60 more would pass 100, the limit"))
      << run.AtLine(2).reason();
  EXPECT_EQ(Get("1.1").progress_notes_size(), 60);
}

TEST_P(TrackerImportTest, AuthorIsBounded) {
  MakeWorkstreams(1);
  v1::ImportTrackerRequest request;
  request.set_plan_period(kPeriod);
  request.set_content(absl::StrCat(kHeader, "1.1,Task,,On track,,\n"));
  request.set_author(std::string(kMaxNoteAuthorBytes + 1, 'a'));
  const absl::Status s = importer_->Import(caller_, request, [](const auto&) { return true; });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), std::vector<std::string>{"author"});
}

TEST_P(TrackerImportTest, ImportsBeyondTheConcurrencyLimitAreRefused) {
  MakeWorkstreams(9);
  TrackerImporter importer(*db_, /*batch_size=*/7, /*max_concurrent=*/2);
  v1::ImportTrackerRequest request;
  request.set_plan_period(kPeriod);
  request.set_content(DemoTracker());
  // Two imports wait in their first progress message until released.
  absl::Notification release;
  std::atomic<int> waiting{0};
  auto blocked = [&] {
    return std::thread([&] {
      bool first = true;
      (void)importer.Import(caller_, request, [&](const v1::ImportTrackerProgress&) {
        if (first) {
          first = false;
          ++waiting;
          release.WaitForNotification();
        }
        return true;
      });
    });
  };
  std::thread a = blocked();
  std::thread b = blocked();
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (waiting < 2 && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(5));
  if (waiting == 2) {
    const absl::Status third = importer.Import(caller_, request, [](const auto&) { return true; });
    EXPECT_EQ(third.code(), absl::StatusCode::kResourceExhausted);
    EXPECT_TRUE(absl::StrContains(third.message(), "2 tracker imports are already running"))
        << third;
    EXPECT_TRUE(absl::StrContains(third.message(), "retry later")) << third;
  } else {
    ADD_FAILURE() << "the two first imports never reached their first progress message";
  }
  release.Notify();
  a.join();
  b.join();
  // Finished imports free their slots.
  EXPECT_TRUE(importer.Import(caller_, request, [](const auto&) { return true; }).ok());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerImportTest);

}  // namespace
}  // namespace wp::workstreams
