// Tests of the resource views: tracker_views, item_views and network_views.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/wpctl/item_views.h"
#include "tools/wpctl/network_views.h"
#include "tools/wpctl/tracker_views.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::StatusCounts Counts(int not_started, int on_track, int complete, int superseded, int overdue) {
  v1::StatusCounts c;
  c.set_not_started(not_started);
  c.set_on_track(on_track);
  c.set_complete(complete);
  c.set_superseded(superseded);
  c.set_total(not_started + on_track + complete + superseded);
  c.set_overdue(overdue);
  const int countable = c.total() - superseded;
  c.set_share_complete(countable == 0 ? 0 : static_cast<double>(complete) / countable);
  return c;
}

TEST(SummaryTextTest, RowsTotalsAndTruncatedTitles) {
  v1::TrackerSummary summary;
  summary.set_plan_period("2018-21");
  summary.mutable_as_of()->set_year(2019);
  summary.mutable_as_of()->set_month(3);
  summary.mutable_as_of()->set_day(31);
  auto* ws = summary.add_workstreams();
  ws->set_number(1);
  ws->set_title("Collaborative learning networks across all eight authorities in the west");
  *ws->mutable_counts() = Counts(1, 2, 3, 0, 1);
  ws = summary.add_workstreams();
  ws->set_number(12);
  ws->set_title("Data");
  *ws->mutable_counts() = Counts(0, 0, 0, 2, 0);
  *summary.mutable_totals() = Counts(1, 2, 3, 2, 1);

  const std::string text = SummaryText(summary);
  EXPECT_THAT(text, HasSubstr("Tracker 2018-21 as of 2019-03-31"));
  EXPECT_THAT(text, HasSubstr("NOT STARTED  ON TRACK  COMPLETE  SUPERSEDED  TOTAL  OVERDUE  % COMPLETE\n"));
  EXPECT_THAT(text, HasSubstr(" 1  Collaborative learning networks acros...            1         2         3           0      6        1         50%\n"));
  // Nothing countable: a dash, not 0%.
  EXPECT_THAT(text, HasSubstr("12  Data"));
  EXPECT_THAT(text, HasSubstr("0           2      2        0           -\n"));
  EXPECT_THAT(text, HasSubstr("\n----"));
  // Totals: 3 complete of 8 - 2 superseded.
  EXPECT_THAT(text, HasSubstr("\n    Total                                               1         2"
                              "         3           2      8        1         50%\n"));
}

TEST(SummaryTextTest, ProjectsFollowTheirWorkstreams) {
  v1::TrackerSummary summary;
  summary.set_plan_period("2020-23");
  EXPECT_THAT(SummaryText(summary), Not(HasSubstr("Projects")));
  v1::ProjectSummary* p = summary.add_projects();
  p->set_workstream_number(2);
  p->set_title("Thinking About Headship");
  p->set_status(v1::PROJECT_PAUSED);
  p->mutable_counts()->set_total(1);
  p->mutable_counts()->set_not_started(1);
  p->mutable_counts()->set_on_hold(1);
  const std::string text = SummaryText(summary);
  EXPECT_THAT(text, HasSubstr("\nProjects\n"));
  EXPECT_THAT(text, HasSubstr("WS  PROJECT                  STATUS  TOTAL  COMPLETE  OVERDUE  STALE  ON HOLD  % COMPLETE\n"));
  EXPECT_THAT(text, HasSubstr(" 2  Thinking About Headship  paused      1         0        0      0        1          0%\n"));
}

TEST(SummaryTextTest, EmptyPeriodStillHasTotals) {
  v1::TrackerSummary summary;
  summary.set_plan_period("2022-23");
  const std::string text = SummaryText(summary);
  EXPECT_THAT(text, HasSubstr("as of - (computed -)"));
  EXPECT_THAT(text, HasSubstr("Total"));
}

TEST(ImportTextTest, ProgressRejectionsAndCounts) {
  v1::ImportTrackerProgress progress;
  progress.set_total_rows(500);
  progress.set_processed_rows(120);
  progress.set_created(100);
  progress.set_updated(10);
  progress.set_unchanged(8);
  progress.set_rejected(2);
  EXPECT_EQ(ProgressText(progress), "processed 120/500 rows");
  EXPECT_EQ(ImportCountsText(progress), "processed 120 rows: 100 created, 10 updated, 8 unchanged, 2 rejected");

  v1::ImportRowResult row;
  row.set_line(14);
  row.set_ref("3.x");
  row.set_outcome(v1::ImportRowResult::REJECTED);
  row.set_reason("ref must look like 4.2\n(see the header)");
  EXPECT_EQ(RejectionText(row), "line 14 (ref 3.x): ref must look like 4.2 (see the header)");
  row.clear_ref();
  row.clear_reason();
  EXPECT_EQ(RejectionText(row), "line 14: rejected");
}

TEST(ItemViewsTest, PlanItemWithNotes) {
  v1::PlanItem item;
  item.set_name("planPeriods/2018-21/planItems/1.1");
  item.set_ref("1.1");
  item.set_status(v1::SUPERSEDED);
  item.set_superseded_by("5.2");
  item.set_task("Recruit coordinators.\r\nIn every authority.");
  auto* note = item.add_progress_notes();
  note->mutable_note_date()->set_year(2018);
  note->mutable_note_date()->set_month(11);
  note->set_author("fiona");
  note->set_text("Six confirmed.\nTwo to go.");
  const std::string text = PlanItemText(item, absl::CivilDay(2026, 12, 3));
  EXPECT_THAT(text, HasSubstr("status:        superseded\n"));
  EXPECT_THAT(text, HasSubstr("superseded by: 5.2\n"));
  EXPECT_THAT(text, HasSubstr("task:          Recruit coordinators.\n               In every authority.\n"));
  EXPECT_THAT(text, HasSubstr("expected:      -\n"));
  EXPECT_THAT(text, HasSubstr("progress notes (1):\n  2018-11  by fiona\n    Six confirmed.\n    Two to go.\n"));

  item.clear_progress_notes();
  item.clear_superseded_by();
  EXPECT_THAT(PlanItemText(item, absl::CivilDay(2026, 12, 3)), HasSubstr("progress notes: none\n"));
  EXPECT_THAT(PlanItemText(item, absl::CivilDay(2026, 12, 3)), Not(HasSubstr("superseded by")));
}

TEST(ItemViewsTest, ListsAndHistory) {
  v1::ListPlanItemsResponse items;
  EXPECT_EQ(PlanItemsText(items, absl::CivilDay(2026, 12, 3)), "no plan items\n");
  auto* item = items.add_plan_items();
  item->set_ref("2.1");
  item->set_status(v1::ON_TRACK);
  item->set_task(std::string(100, 'x'));
  const std::string text = PlanItemsText(items, absl::CivilDay(2026, 12, 3));
  EXPECT_THAT(text, HasSubstr("2.1  on track  -"));
  EXPECT_THAT(text, HasSubstr(std::string(57, 'x') + "...\n"));
  EXPECT_THAT(text, HasSubstr("1 item\n"));

  // Open, due in November and marked stale by the service: both flags; the
  // same dates on a complete item: none.
  item->mutable_expected_date()->set_year(2026);
  item->mutable_expected_date()->set_month(11);
  item->mutable_stale_since()->set_seconds(1796000000);
  EXPECT_THAT(PlanItemsText(items, absl::CivilDay(2026, 12, 3)), HasSubstr("2.1  on track (overdue, stale)  2026-11"));
  EXPECT_THAT(PlanItemText(*item, absl::CivilDay(2026, 12, 3)), HasSubstr("stale since"));
  v1::StatusChange latest;
  latest.set_reason("Space live for all eight authorities");
  latest.set_changed_by("fiona.lennox");
  EXPECT_THAT(PlanItemText(*item, absl::CivilDay(2026, 12, 3), &latest),
              HasSubstr("status reason: Space live for all eight authorities  (fiona.lennox"));
  // Notes by their date, whatever order they were recorded in.
  v1::PlanItem noted;
  auto* later = noted.add_progress_notes();
  later->set_text("second");
  later->mutable_note_date()->set_year(2019);
  later->mutable_note_date()->set_month(3);
  auto* earlier = noted.add_progress_notes();
  earlier->set_text("first");
  earlier->mutable_note_date()->set_year(2019);
  earlier->mutable_note_date()->set_month(1);
  const std::string noted_text = PlanItemText(noted, absl::CivilDay(2026, 12, 3));
  EXPECT_LT(noted_text.find("first"), noted_text.find("second"));
  EXPECT_THAT(PlanItemsText(items, absl::CivilDay(2026, 11, 30)), HasSubstr("on track (stale)"));
  item->set_status(v1::COMPLETE);
  EXPECT_THAT(PlanItemsText(items, absl::CivilDay(2026, 12, 3)), HasSubstr("2.1  complete  2026-11"));

  v1::ListWorkstreamsResponse workstreams;
  EXPECT_EQ(WorkstreamsText(workstreams), "no workstreams\n");

  v1::ListStatusHistoryResponse history;
  EXPECT_EQ(HistoryText(history), "no status changes\n");
  auto* created = history.add_changes();
  created->set_to_status(v1::NOT_STARTED);
  created->set_changed_by("import");
  auto* change = history.add_changes();
  change->set_from_status(v1::NOT_STARTED);
  change->set_to_status(v1::COMPLETE);
  change->set_reason("done early");
  const std::string history_text = HistoryText(history);
  EXPECT_THAT(history_text, HasSubstr("\n-     -            not started  import\n"));
  EXPECT_THAT(history_text, HasSubstr("not started  complete"));
  EXPECT_THAT(history_text, HasSubstr("done early\n"));
}

TEST(NetworkViewsTest, KindsAndDetail) {
  EXPECT_EQ(KindWord(v1::SPECIALIST_NETWORK), "specialist network");
  EXPECT_EQ(KindWord(v1::FORUM), "forum");
  EXPECT_EQ(KindWord(v1::NETWORK_KIND_UNSPECIFIED), "-");
  EXPECT_EQ(KindWord(static_cast<v1::NetworkKind>(42)), "-");

  v1::Network network;
  network.set_name("networks/maths-leads");
  network.set_kind(v1::SUBJECT_NETWORK);
  auto* c = network.add_coordinators();
  c->set_authority("EDC");
  c->set_person("A. Person");
  c = network.add_coordinators();
  c->set_authority("GCC");
  c->set_person("B. Person");
  network.add_priorities("Numeracy");
  network.add_priorities("Transitions");
  const std::string text = NetworkText(network);
  EXPECT_THAT(text, HasSubstr("kind:              subject network\n"));
  EXPECT_THAT(text, HasSubstr("coordinators:      EDC  A. Person\n                   GCC  B. Person\n"));
  EXPECT_THAT(text, HasSubstr("action plan:       1. Numeracy\n                   2. Transitions\n"));
  EXPECT_EQ(NetworksText(v1::ListNetworksResponse()), "no networks\n");
}

TEST(NetworkViewsTest, SustainabilityInDetailAndTheRegionTable) {
  v1::Network network;
  network.set_name("networks/asn-officers");
  auto* c = network.add_coordinators();
  c->set_authority("GCC");
  c->set_person("Rhona Miller");
  c->mutable_start_date()->set_year(2025);
  c->mutable_start_date()->set_month(8);
  c->mutable_start_date()->set_day(1);
  c->mutable_term_end_date()->set_year(2026);
  c->mutable_term_end_date()->set_month(12);
  c->mutable_term_end_date()->set_day(31);
  v1::NetworkSustainability* s = network.mutable_sustainability();
  s->set_network("networks/asn-officers");
  s->set_title("ASN officers forum");
  s->set_status(v1::NETWORK_AT_RISK);
  s->add_reasons("3 of 8 authorities have a current coordinator (fewer than 4)");
  s->add_reasons("no action plan set");
  s->set_authorities_covered(3);
  s->set_authorities_total(8);
  s->add_authorities_without_coordinator("REN");
  s->set_meetings_last_12_months(1);
  s->set_expected_meetings(3);
  s->set_term_warning_days(90);
  auto* ending = s->add_ending_terms();
  ending->set_authority("GCC");
  ending->set_person("Rhona Miller");
  *ending->mutable_term_end_date() = c->term_end_date();
  const std::string text = NetworkText(network);
  EXPECT_THAT(text, HasSubstr("GCC  Rhona Miller  (from 2025-08-01 until 2026-12-31)\n"));
  EXPECT_THAT(text, HasSubstr("sustainability:    at risk as of -\n"));
  EXPECT_THAT(text, HasSubstr("reasons:           3 of 8 authorities have a current coordinator (fewer than 4)\n"
                              "                   no action plan set\n"));
  EXPECT_THAT(text, HasSubstr("coverage:          3/8 (none in REN)\n"));
  EXPECT_THAT(text, HasSubstr("last 12 months:    1 meeting, 3 expected\n"));
  EXPECT_THAT(text, HasSubstr("action plan is:    not current\n"));
  EXPECT_THAT(text, HasSubstr("terms ending:      GCC  Rhona Miller  ends 2026-12-31\n"));

  v1::ListNetworkSustainabilityResponse region;
  *region.add_networks() = *s;
  region.set_at_risk(1);
  region.mutable_as_of()->set_year(2026);
  region.mutable_as_of()->set_month(12);
  region.mutable_as_of()->set_day(3);
  const std::string table = NetworkHealthText(region);
  EXPECT_THAT(table, HasSubstr("STATUS"));
  EXPECT_THAT(table, HasSubstr("at risk  ASN officers forum"));
  EXPECT_THAT(table, HasSubstr("3/8"));
  EXPECT_THAT(table, HasSubstr("1/3"));
  EXPECT_THAT(table, HasSubstr("not current  3 of 8 authorities have a current coordinator (fewer than 4)"));
  EXPECT_THAT(table, HasSubstr("0 lapsing, 1 at risk, 0 healthy, as of 2026-12-03"));
  EXPECT_EQ(SustainabilityWord(v1::NETWORK_LAPSING), "lapsing");
  EXPECT_EQ(SustainabilityWord(v1::NETWORK_HEALTHY), "healthy");
}

TEST(ItemViewsTest, WorkstreamWithGovernanceSponsors) {
  v1::Workstream ws;
  ws.set_name("planPeriods/2022-23/workstreams/1");
  ws.add_board_sponsors("Director, Inverclyde");
  EXPECT_THAT(WorkstreamText(ws), HasSubstr("sponsors (governance):    -\n"));
  auto* s = ws.add_sponsors();
  s->set_display_name("Robert Lyall");
  s->mutable_start_date()->set_year(2022);
  s->mutable_start_date()->set_month(8);
  s->mutable_start_date()->set_day(25);
  s = ws.add_sponsors();
  s->set_display_name("Gordon Rennie");
  const std::string text = WorkstreamText(ws);
  EXPECT_THAT(text, HasSubstr("board sponsors:           Director, Inverclyde\n"));
  EXPECT_THAT(text, HasSubstr("sponsors (governance):    Robert Lyall (since 2022-08-25)\n"
                              "                          Gordon Rennie (since -)\n"));
}

}  // namespace
}  // namespace wp::wpctl
