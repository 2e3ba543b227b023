#include "services/workstreams/tracker_row.h"

#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::workstreams {
using table::Format;
using table::FormatName;
using table::kMaxCellBytes;


// Readable failures.
void PrintTo(const CalendarDate& d, std::ostream* os) {
  *os << d.year << "-" << d.month << "-" << d.day;
}
void PrintTo(const DatedNote& n, std::ostream* os) {
  *os << "{";
  if (n.date) PrintTo(*n.date, os);
  else *os << "undated";
  *os << ": \"" << n.text << "\"}";
}
void PrintTo(const TrackerRow& r, std::ostream* os) {
  *os << "{line " << r.line << " ref " << r.ref << " (" << r.workstream_number << "."
      << r.task_number << ") task \"" << r.task << "\" lead \"" << r.lead << "\" status "
      << StatusWord(r.status) << " date ";
  if (r.expected_date) PrintTo(*r.expected_date, os);
  else *os << "none";
  *os << " notes [";
  for (const DatedNote& n : r.notes) PrintTo(n, os);
  *os << "] superseded_by \"" << r.superseded_by << "\"}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

CalendarDate Day(int y, int m, int d) { return CalendarDate{y, m, d}; }
CalendarDate Month(int y, int m) { return CalendarDate{y, m, 0}; }

std::optional<CalendarDate> DateOf(absl::string_view cell) {
  auto date = ParseExpectedDate(cell);
  EXPECT_TRUE(date.ok()) << cell << ": " << date.status();
  return date.ok() ? *date : std::nullopt;
}

std::string DateError(absl::string_view cell) {
  auto date = ParseExpectedDate(cell);
  EXPECT_FALSE(date.ok()) << cell << " parsed";
  return date.ok() ? "" : std::string(date.status().message());
}

std::vector<TrackerRow> WithoutLines(std::vector<TrackerRow> rows) {
  for (TrackerRow& row : rows) row.line = 0;
  return rows;
}

// ---- Status words ----

TEST(StatusWordTest, WordsAsPeopleWriteThem) {
  const std::pair<const char*, ItemStatus> cases[] = {
      {"Complete", ItemStatus::kComplete},       {"completed", ItemStatus::kComplete},
      {" DONE ", ItemStatus::kComplete},         {"On track", ItemStatus::kOnTrack},
      {"On-track", ItemStatus::kOnTrack},        {"Ontrack", ItemStatus::kOnTrack},
      {"on  TRACK", ItemStatus::kOnTrack},       {"In progress", ItemStatus::kOnTrack},
      {"Not started", ItemStatus::kNotStarted},  {"Not yet started", ItemStatus::kNotStarted},
      {"Superseded", ItemStatus::kSuperseded},   {"superceded", ItemStatus::kSuperseded},
  };
  for (const auto& [word, status] : cases) {
    auto parsed = ParseStatusWord(word);
    ASSERT_TRUE(parsed.ok()) << word << ": " << parsed.status();
    EXPECT_EQ(*parsed, status) << word;
  }
}

TEST(StatusWordTest, UnknownWordIsQuoted) {
  auto parsed = ParseStatusWord("  Delayed ");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(parsed.status().message(), HasSubstr("\"Delayed\""));
  EXPECT_THAT(ParseStatusWord("").status().message(), HasSubstr("empty"));
  EXPECT_FALSE(ParseStatusWord("On track?").ok());
}

TEST(StatusWordTest, ExportWordsParseBack) {
  for (ItemStatus s : {ItemStatus::kNotStarted, ItemStatus::kOnTrack, ItemStatus::kComplete,
                       ItemStatus::kSuperseded}) {
    auto parsed = ParseStatusWord(StatusWord(s));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
  }
}

// ---- Refs ----

TEST(RefTest, WorkstreamDotTask) {
  auto ref = ParseRef(" 4.12 ");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(ref->workstream, 4);
  EXPECT_EQ(ref->task, 12);
  EXPECT_EQ(FormatRef(*ref), "4.12");
  EXPECT_EQ(FormatRef(*ParseRef("09.01")), "9.1");
}

TEST(RefTest, BadRefsSayWhy) {
  EXPECT_THAT(ParseRef("4").status().message(), HasSubstr("no task number"));
  EXPECT_THAT(ParseRef("4.x").status().message(), HasSubstr("task number \"x\" is not a number"));
  EXPECT_THAT(ParseRef("A.1").status().message(),
              HasSubstr("workstream number \"A\" is not a number"));
  EXPECT_THAT(ParseRef("0.1").status().message(), HasSubstr("1..99"));
  EXPECT_TRUE(ParseRef("1.100").ok());  // task numbers go to 9999
  EXPECT_THAT(ParseRef("1.0").status().message(), HasSubstr("1..9999"));
  EXPECT_THAT(ParseRef("100.1").status().message(), HasSubstr("1..99"));
  EXPECT_FALSE(ParseRef("4.1.2").ok());
  EXPECT_FALSE(ParseRef("4.").ok());
  EXPECT_FALSE(ParseRef("4 .1").ok());
  EXPECT_THAT(ParseRef("  ").status().message(), HasSubstr("empty"));
}

// ---- Expected dates ----

TEST(ExpectedDateTest, NoDateWords) {
  for (const char* cell : {"", "  ", "TBC", "tbc", "N/A", "n/a", "-", "Ongoing", "ONGOING"}) {
    auto date = ParseExpectedDate(cell);
    ASSERT_TRUE(date.ok()) << cell << ": " << date.status();
    EXPECT_FALSE(date->has_value()) << cell;
  }
}

TEST(ExpectedDateTest, DayPrecisionStyles) {
  EXPECT_EQ(DateOf("30 November 2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30th November 2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("1st Dec 2018"), Day(2018, 12, 1));
  EXPECT_EQ(DateOf("30 Nov 2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30 Nov. 2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30-Nov-2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("November 30, 2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30/11/2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30.11.2018"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("30/11/18"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("2018-11-30"), Day(2018, 11, 30));
  EXPECT_EQ(DateOf("  29 February 2020 "), Day(2020, 2, 29));
  EXPECT_EQ(DateOf("5 Sept 2019"), Day(2019, 9, 5));
}

TEST(ExpectedDateTest, MonthPrecision) {
  EXPECT_EQ(DateOf("November 2018"), Month(2018, 11));
  EXPECT_EQ(DateOf("Nov 2018"), Month(2018, 11));
  EXPECT_EQ(DateOf("june 2023"), Month(2023, 6));
  EXPECT_EQ(DateOf("Nov-18"), Month(2018, 11));
}

TEST(ExpectedDateTest, RejectionsSayWhy) {
  EXPECT_THAT(DateError("Summer 2019"), HasSubstr("season"));
  EXPECT_THAT(DateError("Autumn term 2019"), HasSubstr("season"));
  EXPECT_THAT(DateError("31 June 2019"), HasSubstr("June 2019 has 30 days"));
  EXPECT_THAT(DateError("29 February 2019"), HasSubstr("28 days"));
  EXPECT_THAT(DateError("31/06/2019"), HasSubstr("30 days"));
  EXPECT_THAT(DateError("11/30/2018"), HasSubstr("month 30"));
  EXPECT_THAT(DateError("30 November 3018"), HasSubstr("year 3018"));
  EXPECT_THAT(DateError("2019"), HasSubstr("only a year"));
  EXPECT_THAT(DateError("end of term"), HasSubstr("is not a date"));
  EXPECT_THAT(DateError("30 Novembr 2018"), HasSubstr("is not a date"));
  EXPECT_THAT(DateError("30 November"), HasSubstr("is not a date"));
  EXPECT_THAT(DateError("Q1 2019"), HasSubstr("is not a date"));
  EXPECT_THAT(DateError("43434"), HasSubstr("is not a date"));
}

TEST(ExpectedDateTest, FormatDate) {
  EXPECT_EQ(FormatDate(Day(2018, 11, 30)), "30 November 2018");
  EXPECT_EQ(FormatDate(Day(2019, 1, 5)), "5 January 2019");
  EXPECT_EQ(FormatDate(Month(2018, 11)), "November 2018");
}

// ---- Comments ----

TEST(NotesTest, EmptyCellHasNoNotes) {
  EXPECT_THAT(ParseNotes(""), IsEmpty());
  EXPECT_THAT(ParseNotes(" \n \r\n "), IsEmpty());
}

TEST(NotesTest, UndatedCellIsOneNote) {
  EXPECT_THAT(ParseNotes("  Awaiting confirmation\nof funding "),
              ElementsAre(DatedNote{std::nullopt, "Awaiting confirmation of funding"}));
}

TEST(NotesTest, OneNotePerLine) {
  EXPECT_THAT(ParseNotes("Dec 2018 Group formed\r\nJanuary 2019: first meeting held\n"
                         "Feb 2019 - 12 schools joined"),
              ElementsAre(DatedNote{Month(2018, 12), "Group formed"},
                          DatedNote{Month(2019, 1), "first meeting held"},
                          DatedNote{Month(2019, 2), "12 schools joined"}));
}

TEST(NotesTest, RunTogetherOnOneLine) {
  EXPECT_THAT(ParseNotes("Dec 2018 Group formed. Jan 2019 First meeting; Feb 2019: plan agreed"),
              ElementsAre(DatedNote{Month(2018, 12), "Group formed."},
                          DatedNote{Month(2019, 1), "First meeting;"},
                          DatedNote{Month(2019, 2), "plan agreed"}));
  // A dash or colon after the date marks a new note even mid-line.
  EXPECT_THAT(ParseNotes("Dec 2018 - group formed Jan 2019 - met"),
              ElementsAre(DatedNote{Month(2018, 12), "group formed"},
                          DatedNote{Month(2019, 1), "met"}));
}

TEST(NotesTest, DateInsideASentenceIsText) {
  EXPECT_THAT(ParseNotes("Dec 2018 Conference planned for March 2019 in Glasgow"),
              ElementsAre(DatedNote{Month(2018, 12), "Conference planned for March 2019 in Glasgow"}));
  EXPECT_THAT(ParseNotes("Event held on 15 March 2019, well attended"),
              ElementsAre(DatedNote{std::nullopt, "Event held on 15 March 2019, well attended"}));
}

TEST(NotesTest, TextBeforeFirstDateIsUndated) {
  EXPECT_THAT(ParseNotes("See 5.2.\nDec 2018 Combined with 5.2"),
              ElementsAre(DatedNote{std::nullopt, "See 5.2."},
                          DatedNote{Month(2018, 12), "Combined with 5.2"}));
}

TEST(NotesTest, DayDatesUnicodeDashesAndContinuationLines) {
  EXPECT_THAT(ParseNotes("5 Dec 2018 \xE2\x80\x93 launch event\nwell attended\n"
                         "14th January 2019 follow-up"),
              ElementsAre(DatedNote{Day(2018, 12, 5), "launch event well attended"},
                          DatedNote{Day(2019, 1, 14), "follow-up"}));
  EXPECT_THAT(ParseNotes("Dec. 2018: x"), ElementsAre(DatedNote{Month(2018, 12), "x"}));
  EXPECT_THAT(ParseNotes("December 2018"), ElementsAre(DatedNote{Month(2018, 12), ""}));
}

TEST(NotesTest, FormatNotes) {
  EXPECT_EQ(FormatNotes({DatedNote{std::nullopt, "Intro"}, DatedNote{Month(2018, 12), "a"},
                         DatedNote{Day(2019, 1, 5), "b"}, DatedNote{Month(2019, 9), ""}}),
            "Intro\nDec 2018 a\n5 Jan 2019 b\nSep 2019");
}

// ---- Superseded ----

TEST(ReplacementRefTest, PhrasesPeopleUse) {
  EXPECT_EQ(FindReplacementRef("Combined with 5.2"), "5.2");
  EXPECT_EQ(FindReplacementRef("Dec 2018 superseded by 5.2."), "5.2");
  EXPECT_EQ(FindReplacementRef("REPLACED BY task 6.10 in new plan"), "6.10");
  EXPECT_EQ(FindReplacementRef("merged into\n3.4"), "3.4");
  EXPECT_EQ(FindReplacementRef("see 5.2"), "5.2");
  EXPECT_EQ(FindReplacementRef("See: 7.1"), "7.1");
  EXPECT_EQ(FindReplacementRef("now part of 2.3"), "2.3");
  // Not a replacement.
  EXPECT_EQ(FindReplacementRef("links to 5.2"), "");
  EXPECT_EQ(FindReplacementRef("overseen 5.2"), "");
  EXPECT_EQ(FindReplacementRef("see section 5.2.1"), "");
  EXPECT_EQ(FindReplacementRef("see 5.2.1"), "");
  EXPECT_EQ(FindReplacementRef(""), "");
  // Its own ref is not its replacement.
  EXPECT_EQ(FindReplacementRef("see 4.1; combined with 4.3", "4.1"), "4.3");
}

// ---- Whole files ----

TEST(ParseTrackerTest, HeaderVariantsAnyOrderExtraColumns) {
  const char* text =
      "Comment , STATUS,Extra,Expected date, task ,Workstream lead,REF.\n"
      "Dec 2018 started,On track,ignored,June 2019,Build the network,A. Lead, 1.1 \n";
  auto file = ParseTracker(text);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(file->rejections, IsEmpty());
  ASSERT_EQ(file->rows.size(), 1u);
  const TrackerRow& row = file->rows[0];
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.ref, "1.1");
  EXPECT_EQ(row.workstream_number, 1);
  EXPECT_EQ(row.task_number, 1);
  EXPECT_EQ(row.task, "Build the network");
  EXPECT_EQ(row.lead, "A. Lead");
  EXPECT_EQ(row.status, ItemStatus::kOnTrack);
  EXPECT_EQ(row.expected_date, Month(2019, 6));
  EXPECT_THAT(row.notes, ElementsAre(DatedNote{Month(2018, 12), "started"}));
}

TEST(ParseTrackerTest, OptionalColumnsMayBeAbsent) {
  auto file = ParseTracker("Ref,Task,Status\n2.1,Do it,Complete\n");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].lead, "");
  EXPECT_FALSE(file->rows[0].expected_date.has_value());
  EXPECT_THAT(file->rows[0].notes, IsEmpty());
}

TEST(ParseTrackerTest, MissingRequiredColumnFailsTheFile) {
  auto file = ParseTracker("Ref,Task,Workstream Lead,Expected Date\n1.1,x,y,\n");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(file.status().message(), HasSubstr("\"Status\" column"));
  EXPECT_THAT(file.status().message(), HasSubstr("line 1"));

  file = ParseTracker("Reference\tAction\n");
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr("\"Status\""));

  file = ParseTracker("Number,Description,Status\n");
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr("\"Ref\", \"Task\" columns"));

  EXPECT_FALSE(ParseTracker("").ok());
  EXPECT_FALSE(ParseTracker("\n\n").ok());
}

TEST(ParseTrackerTest, MalformedTextFailsTheFileWithLine) {
  auto file = ParseTracker("Ref,Task,Status\n1.1,\"open,Complete\n1.2,x,Complete\n");
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr("line 2"));
}

TEST(ParseTrackerTest, TitleRowsAboveHeaderAndBlankRowsAreSkipped) {
  const char* text =
      "West Partnership plan tracker,,\n"
      ",,\n"
      "Ref,Task,Status\n"
      "1.1,a,Done\n"
      ",,\n"
      "\n"
      "1.2,b,Not started\n";
  auto file = ParseTracker(text);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->header_line, 3);
  EXPECT_THAT(file->rejections, IsEmpty());
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[1].line, 7);
}

TEST(ParseTrackerTest, BadRowsAreRejectedWithLineAndReason) {
  const char* text =
      "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
      "1.1,Good row,A Lead,Complete,30 November 2018,\n"   // 2
      "4,Ref without task,A Lead,On track,,\n"             // 3
      "4.x,Bad task number,A Lead,On track,,\n"            // 4
      "A.1,Bad workstream,A Lead,On track,,\n"             // 5
      "1.2,,A Lead,On track,,\n"                           // 6
      "1.3,Odd status,A Lead,Delayed,,\n"                  // 7
      "1.4,Season,A Lead,On track,Summer 2019,\n"          // 8
      "1.5,Bad day,A Lead,On track,31 June 2019,\n"        // 9
      "\"1.1\",Same ref again,A Lead,Complete,,\n"         // 10
      ",Everything wrong,,Maybe,Whenever,\n"               // 11
      "1.6,\"Multi\nline task\",A Lead,Not started,TBC,\n"  // 12-13
      "1.7,Last good,,Not yet started,,\n";                // 14
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 3u);
  EXPECT_EQ(file->rows[0].ref, "1.1");
  EXPECT_EQ(file->rows[1].ref, "1.6");
  EXPECT_EQ(file->rows[1].task, "Multi\nline task");
  EXPECT_EQ(file->rows[2].line, 14);

  ASSERT_EQ(file->rejections.size(), 9u);
  auto expect = [&](size_t i, int line, absl::string_view ref, absl::string_view reason) {
    SCOPED_TRACE(i);
    EXPECT_EQ(file->rejections[i].line, line);
    EXPECT_EQ(file->rejections[i].ref, ref);
    EXPECT_THAT(file->rejections[i].reason, HasSubstr(std::string(reason)));
  };
  expect(0, 3, "4", "no task number");
  expect(1, 4, "4.x", "task number \"x\" is not a number");
  expect(2, 5, "A.1", "workstream number \"A\" is not a number");
  expect(3, 6, "1.2", "Task is empty");
  expect(4, 7, "1.3", "\"Delayed\"");
  expect(5, 8, "1.4", "season");
  expect(6, 9, "1.5", "June 2019 has 30 days");
  expect(7, 10, "1.1", "duplicate of line 2");
  expect(8, 11, "", "Ref is empty");
  // Every problem of a row is listed.
  EXPECT_THAT(file->rejections[8].reason, HasSubstr("\"Maybe\""));
  EXPECT_THAT(file->rejections[8].reason, HasSubstr("\"Whenever\""));
}

TEST(ParseTrackerTest, CellsThatAreNotUtf8RejectTheirRowOnly) {
  using namespace std::string_literals;  // NOLINT: a NUL inside a literal
  const std::string text =
      "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
      "1.1,Good row,,On track,,\n"                                       // 2
      "1.2,UTF-16 \xFF\xFE here,,On track,,\n"                           // 3
      "1.3,Stray NUL,,On track,,Dec 2018 a\0b\n"s                        // 4
      "1.\xE9,Latin-1 ref,,On track,,\n"                                 // 5
      "1.6,Good again,,On track,,\n";                                    // 6
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].ref, "1.1");
  EXPECT_EQ(file->rows[1].ref, "1.6");
  ASSERT_EQ(file->rejections.size(), 3u);
  EXPECT_EQ(file->rejections[0].line, 3);
  EXPECT_EQ(file->rejections[0].ref, "1.2");
  EXPECT_THAT(file->rejections[0].reason,
              HasSubstr("cell 2 (Task) is not UTF-8 text: byte 0xFF at offset 7"));
  EXPECT_EQ(file->rejections[1].line, 4);
  EXPECT_THAT(file->rejections[1].reason, HasSubstr("cell 6 (Comments) is not UTF-8 text"));
  EXPECT_THAT(file->rejections[1].reason, HasSubstr("(a NUL)"));
  // Nothing that is not UTF-8 comes back, not even in the ref of a rejection.
  EXPECT_EQ(file->rejections[2].line, 5);
  EXPECT_EQ(file->rejections[2].ref, "1.\xEF\xBF\xBD");
  EXPECT_THAT(file->rejections[2].reason, HasSubstr("cell 1 (Ref) is not UTF-8 text"));
}

TEST(ParseTrackerTest, RowOverALimitIsRejectedWithLineAndLimit) {
  std::string text = "Ref,Task,Status\n1.1,Too many cells,On track";
  for (int i = 0; i < 200; ++i) text += ",";
  text += "\n1.2,Long task " + std::string(kMaxCellBytes, 'x') + ",On track\n1.3,Fine,On track\n";
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].ref, "1.3");
  ASSERT_EQ(file->rejections.size(), 2u);
  EXPECT_EQ(file->rejections[0].line, 2);
  EXPECT_EQ(file->rejections[0].ref, "1.1");
  EXPECT_THAT(file->rejections[0].reason, HasSubstr("203 cells, more than 100 (the limit per row)"));
  EXPECT_EQ(file->rejections[1].line, 3);
  EXPECT_THAT(file->rejections[1].reason,
              HasSubstr("cell 2 is longer than 131072 bytes (the limit per cell)"));
}

TEST(ParseTrackerTest, HeaderOverALimitFailsTheFile) {
  std::string text = "Ref,Task,Status";
  for (int i = 0; i < 1000; ++i) text += ",x";
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(file.status().message(),
              HasSubstr("line 1: the row has 1003 cells, more than 100 (the limit per row)"));
}

TEST(ParseTrackerTest, NotesOverTheirLimitsRejectTheRow) {
  std::string many;
  for (int i = 0; i <= kMaxProgressNotesPerItem; ++i) many += "Dec 2018 note\n";
  const std::string text = "Ref,Task,Status,Comments\n"
                           "1.1,Long note,On track,Dec 2018 " + std::string(kMaxNoteTextBytes + 1, 'n') +
                           "\n1.2,Note at the limit,On track,Dec 2018 " +
                           std::string(kMaxNoteTextBytes, 'n') + "\n1.3,Many notes,On track,\"" +
                           many + "\"\n";
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].ref, "1.2");
  ASSERT_EQ(file->rejections.size(), 2u);
  EXPECT_EQ(file->rejections[0].line, 2);
  EXPECT_THAT(file->rejections[0].reason,
              HasSubstr("Comments: note 1 is 4001 bytes, more than 4000 (the limit per note)"));
  EXPECT_EQ(file->rejections[1].line, 4);
  EXPECT_THAT(file->rejections[1].reason,
              HasSubstr("Comments hold 101 notes, more than 100 (the limit per plan item)"));
}

TEST(ParseTrackerTest, RejectionsQuoteLongCellsShortened) {
  const std::string text = "Ref,Task,Status,Expected Date\n" + std::string(5000, '9') +
                           ",Task,On track," + std::string(5000, 'z') + "\n";
  auto file = ParseTracker(text, Format::kCsv);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rejections.size(), 1u);
  EXPECT_LE(file->rejections[0].ref.size(), 43u);
  EXPECT_LE(file->rejections[0].reason.size(), 1000u);
  EXPECT_THAT(file->rejections[0].reason, HasSubstr("Expected Date"));
}

TEST(TrackerReaderTest, ChecksTheWholeFileFirstThenReadsRowByRow) {
  const std::string good = "Title\nRef,Task,Status\n1.1,A,On track\n\n1.2,B,Maybe\n1.3,C,Done\n";
  auto reader = TrackerReader::Open(good, Format::kCsv);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(reader->header_line(), 2);
  EXPECT_EQ(reader->data_rows(), 3);
  std::optional<TrackerRow> row;
  std::optional<RowRejection> rejection;
  std::vector<int> lines;
  while (reader->Next(&row, &rejection)) {
    ASSERT_NE(row.has_value(), rejection.has_value());
    lines.push_back(row ? row->line : rejection->line);
    EXPECT_EQ(rejection.has_value(), lines.back() == 5);
  }
  EXPECT_THAT(lines, ElementsAre(3, 5, 6));

  // A quote never closed at the very end fails the file before any row is read.
  auto bad = TrackerReader::Open(good + "1.4,\"never closed\n", Format::kCsv);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("line 7: quoted cell is never closed"));
}

TEST(ParseTrackerTest, DuplicateRefsAfterNormalising) {
  auto file = ParseTracker("Ref,Task,Status\n3.1,a,Done\n03.01,b,Done\n 3.1 ,c,Done\n");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 1u);
  ASSERT_EQ(file->rejections.size(), 2u);
  EXPECT_EQ(file->rejections[0].reason, "duplicate of line 2");
  EXPECT_EQ(file->rejections[1].reason, "duplicate of line 2");
}

TEST(ParseTrackerTest, SupersededByOnlyForSupersededItems) {
  const char* text =
      "Ref\tTask\tStatus\tComments\n"
      "5.1\tOld task\tSuperseded\tDec 2018 Combined with 5.2\n"
      "5.2\tNew task\tOn track\tsee 5.3 for the pilot\n"
      "5.3\tPilot\tSuperseded\tDec 2018 Closed; no replacement\n";
  auto file = ParseTracker(text);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->format, Format::kTsv);
  ASSERT_EQ(file->rows.size(), 3u);
  EXPECT_EQ(file->rows[0].superseded_by, "5.2");
  EXPECT_EQ(file->rows[1].superseded_by, "");
  EXPECT_EQ(file->rows[2].superseded_by, "");
}

// A realistic December-2018-style tracker: Excel CSV with a BOM and CRLF,
// notes in one cell over several lines, a title row, and a few typical slips.
constexpr char kRealistic[] =
    "\xEF\xBB\xBFWest Partnership Improvement Plan Tracker - December 2018,,,,,\r\n"
    "Ref,Task,Workstream Lead,Status,Expected Date,Comments\r\n"
    "1.1,\"Establish a network of practitioner enquiry groups across the eight authorities, "
    "with a coordinator in each.\",Morag Dunlop,On track,June 2019,\"Nov 2018 Coordinators "
    "nominated by six authorities.\r\nDec 2018 - Remaining two confirmed; launch set for "
    "February.\"\r\n"
    "1.2,Publish a directory of regional networks,Morag Dunlop,Not started,TBC,\r\n"
    "2.1,Agree a regional statement on school empowerment,Iain Petrie,Complete,30th November "
    "2018,Dec 2018: Statement agreed by the Board.\r\n"
    "2.2,Run empowerment conversations with headteachers,Iain Petrie,Superseded,,\"Dec 2018 "
    "Combined with 2.3 to avoid duplicate events.\"\r\n"
    "2.3,Headteacher empowerment sessions (combined),Iain Petrie,On-track,31/03/2019,\r\n"
    "3.1,Design a CLPL calendar for 2019,Anne Kerr,In Progress,Ongoing,\"First draft "
    "circulated.\r\nJan 2019 Feedback from all authorities received. Feb 2019 Final version "
    "published.\"\r\n"
    "3.2,Evaluate the first CLPL round,Anne Kerr,Delayed,Spring 2019,\r\n"
    ",,,,,\r\n";

TEST(ParseTrackerTest, RealisticFile) {
  auto file = ParseTracker(kRealistic);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->format, Format::kCsv);
  EXPECT_EQ(file->header_line, 2);
  ASSERT_EQ(file->rows.size(), 6u);
  ASSERT_EQ(file->rejections.size(), 1u);
  EXPECT_EQ(file->rejections[0].line, 11);
  EXPECT_EQ(file->rejections[0].ref, "3.2");
  EXPECT_THAT(file->rejections[0].reason, HasSubstr("\"Delayed\""));
  EXPECT_THAT(file->rejections[0].reason, HasSubstr("season"));

  const TrackerRow& r11 = file->rows[0];
  EXPECT_EQ(r11.line, 3);
  EXPECT_EQ(r11.expected_date, Month(2019, 6));
  EXPECT_THAT(r11.notes,
              ElementsAre(DatedNote{Month(2018, 11), "Coordinators nominated by six authorities."},
                          DatedNote{Month(2018, 12),
                                    "Remaining two confirmed; launch set for February."}));
  EXPECT_EQ(file->rows[1].line, 5);
  EXPECT_FALSE(file->rows[1].expected_date.has_value());
  EXPECT_EQ(file->rows[2].expected_date, Day(2018, 11, 30));
  EXPECT_EQ(file->rows[3].status, ItemStatus::kSuperseded);
  EXPECT_EQ(file->rows[3].superseded_by, "2.3");
  EXPECT_EQ(file->rows[4].status, ItemStatus::kOnTrack);
  EXPECT_EQ(file->rows[4].expected_date, Day(2019, 3, 31));
  EXPECT_THAT(file->rows[5].notes,
              ElementsAre(DatedNote{std::nullopt, "First draft circulated."},
                          DatedNote{Month(2019, 1), "Feedback from all authorities received."},
                          DatedNote{Month(2019, 2), "Final version published."}));
}

// ---- Export ----

TEST(WriteTrackerTest, CanonicalLayout) {
  TrackerRow row;
  row.ref = "5.1";
  row.workstream_number = 5;
  row.task_number = 1;
  row.task = "Old, replaced task";
  row.lead = "Jo Bell";
  row.status = ItemStatus::kSuperseded;
  row.expected_date = Month(2018, 11);
  row.notes = {DatedNote{Month(2018, 12), "Combined with 5.2"},
               DatedNote{Month(2019, 1), "Closed"}};
  row.superseded_by = "5.2";
  EXPECT_EQ(WriteTracker({row}, Format::kCsv),
            "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
            "5.1,\"Old, replaced task\",Jo Bell,Superseded,November 2018,"
            "\"Dec 2018 Combined with 5.2\nJan 2019 Closed\"\n");
}

TEST(WriteTrackerTest, SupersededLinkWithoutANoteIsWrittenOut) {
  TrackerRow row;
  row.line = 2;
  row.ref = "5.1";
  row.workstream_number = 5;
  row.task_number = 1;
  row.task = "Old";
  row.status = ItemStatus::kSuperseded;
  row.notes = {DatedNote{Month(2018, 12), "see 3.1 for background"}};
  row.superseded_by = "5.2";
  const std::string text = WriteTracker({row}, Format::kCsv);
  EXPECT_THAT(text, HasSubstr("\"Superseded by 5.2\nDec 2018 see 3.1 for background\""));
  auto back = ParseTracker(text);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->rows.size(), 1u);
  EXPECT_EQ(back->rows[0].superseded_by, "5.2");
}

class TrackerRoundTripTest : public ::testing::TestWithParam<Format> {};

TEST_P(TrackerRoundTripTest, ImportOfExportGivesEqualRows) {
  auto first = ParseTracker(kRealistic);
  ASSERT_TRUE(first.ok()) << first.status();
  // Hand-made rows in canonical form too: every field, every status.
  TrackerRow extra;
  extra.ref = "9.12";
  extra.workstream_number = 9;
  extra.task_number = 12;
  extra.task = "Paragraph task.\nSecond line, with \"quotes\"\tand a tab.";
  extra.lead = "Eilidh Mac a' Phì";
  extra.status = ItemStatus::kNotStarted;
  extra.expected_date = Day(2020, 2, 29);
  extra.notes = {DatedNote{std::nullopt, "Undated opening remark; planned for March 2020."},
                 DatedNote{Day(2019, 5, 3), "Day-dated note"},
                 DatedNote{Month(2019, 6), ""},
                 DatedNote{Month(2019, 7), "Jan 2019 mentioned inside the text"}};
  std::vector<TrackerRow> rows = first->rows;
  rows.push_back(extra);

  const std::string text = WriteTracker(rows, GetParam());
  auto second = ParseTracker(text);
  ASSERT_TRUE(second.ok()) << second.status() << "\n" << text;
  EXPECT_EQ(second->format, GetParam());
  EXPECT_THAT(second->rejections, IsEmpty());
  EXPECT_EQ(WithoutLines(second->rows), WithoutLines(rows)) << text;
  // And exporting again is stable.
  EXPECT_EQ(WriteTracker(second->rows, GetParam()), text);
}

INSTANTIATE_TEST_SUITE_P(BothFormats, TrackerRoundTripTest,
                         ::testing::Values(Format::kCsv, Format::kTsv),
                         [](const auto& info) { return std::string(FormatName(info.param)); });

// ---- The demo file shipped for local runs ----

std::string ReadDemo(const std::string& name) {
  std::ifstream in(std::string(WP_DEMO_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << WP_DEMO_DIR << "/" << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(DemoTrackerTest, ImportsWithoutRejections) {
  const std::string text = ReadDemo("tracker-2018-21.csv");
  auto file = ParseTracker(text);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->format, Format::kCsv);
  for (const RowRejection& r : file->rejections) {
    ADD_FAILURE() << "line " << r.line << " (" << r.ref << "): " << r.reason;
  }
  EXPECT_GE(file->rows.size(), 45u);
  EXPECT_LE(file->rows.size(), 55u);

  std::set<int> workstreams;
  int superseded = 0, complete = 0, on_track = 0, not_started = 0, undated = 0, multi_note = 0;
  for (const TrackerRow& row : file->rows) {
    workstreams.insert(row.workstream_number);
    switch (row.status) {
      case ItemStatus::kSuperseded:
        ++superseded;
        EXPECT_FALSE(row.superseded_by.empty()) << row.ref << " names no replacement";
        break;
      case ItemStatus::kComplete: ++complete; break;
      case ItemStatus::kOnTrack: ++on_track; break;
      case ItemStatus::kNotStarted: ++not_started; break;
    }
    if (!row.expected_date) ++undated;
    if (row.notes.size() > 1) ++multi_note;
    if (row.expected_date) {
      EXPECT_FALSE(*row.expected_date < Month(2018, 11)) << row.ref;
      EXPECT_FALSE(Month(2021, 6) < Month(row.expected_date->year, row.expected_date->month))
          << row.ref;
    }
  }
  EXPECT_EQ(workstreams, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_GE(superseded, 2);
  EXPECT_GE(not_started, 2);
  EXPECT_GT(complete + on_track, static_cast<int>(file->rows.size()) / 2);
  EXPECT_GE(undated, 3);
  EXPECT_GE(multi_note, 5);

  // The demo survives export and re-import too.
  auto again = ParseTracker(WriteTracker(file->rows, Format::kCsv));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(WithoutLines(again->rows), WithoutLines(file->rows));
}

}  // namespace
}  // namespace wp::workstreams
