#include "services/westos/usage/usage_csv.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::westos {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 12, 0, 0), absl::UTCTimeZone());

constexpr char kHeader[] =
    "event_id,occurred_at,user_id,role,authority,establishment,sector,simd,content_id,action,"
    "seconds,rating\n";
constexpr char kGoodRow[] =
    "ev-1,2021-01-18T09:15:02Z,u-42,learner,GCC,SCH123,primary,3,lesson-7,play,90,\n";

struct Read {
  absl::Status status;
  std::vector<UsageCsvRow> rows;
  std::vector<std::string> ignored;
};

// Reads `text` fed in pieces of `chunk` bytes (0: whole).
Read ReadAll(absl::string_view text, size_t chunk = 0) {
  Read read;
  UsageCsvReader reader(kNow);
  auto drain = [&]() {
    UsageCsvRow row;
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&row);
      if (!more.ok()) read.status = more.status();
      if (!more.ok() || !*more) return more.ok();
      read.rows.push_back(row);
    }
  };
  const size_t step = chunk == 0 ? std::max<size_t>(text.size(), 1) : chunk;
  for (size_t at = 0; at < text.size(); at += step) {
    reader.Feed(text.substr(at, step));
    if (!drain()) return read;
  }
  reader.Finish();
  drain();
  read.ignored = reader.ignored_columns();
  return read;
}

// A row's outcome in one line, for comparing readings.
std::string Describe(const UsageCsvRow& row) {
  if (!row.event) return absl::StrCat(row.line, " [", row.event_id, "] error ", row.error);
  const UsageEvent& e = *row.event;
  const std::string time = absl::FormatTime(absl::RFC3339_full, e.occurred_at, absl::UTCTimeZone());
  return absl::StrCat(row.line, " [", row.event_id, "] ", e.event_id, " ", time, " ", e.user_id, " ",
                      RoleName(e.role), " ",
                      e.authority, " ", e.establishment, " ", SectorName(e.sector), " ", e.simd, " ",
                      e.content_id, " ", ActionName(e.action), " ", e.seconds, " ", e.rating);
}

std::string Describe(const Read& read) {
  std::vector<std::string> lines;
  for (const UsageCsvRow& row : read.rows) lines.push_back(Describe(row));
  lines.push_back(read.status.ToString());
  lines.push_back(absl::StrJoin(read.ignored, "|"));
  return absl::StrJoin(lines, "\n");
}

TEST(UsageCsvReaderTest, ReadsEveryFieldOfAGoodRow) {
  const Read read = ReadAll(absl::StrCat(
      kHeader, kGoodRow,
      "ev-2,2021-01-18T10:00:00.5+01:00,u-43,Teacher,Glasgow City,,early years,,lesson-8,rate,,4\n"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 2u);
  ASSERT_TRUE(read.rows[0].event.has_value()) << read.rows[0].error;
  const UsageEvent& first = *read.rows[0].event;
  EXPECT_EQ(read.rows[0].line, 2);
  EXPECT_EQ(read.rows[0].event_id, "ev-1");
  EXPECT_EQ(first.event_id, "ev-1");
  EXPECT_EQ(first.occurred_at,
            absl::FromCivil(absl::CivilSecond(2021, 1, 18, 9, 15, 2), absl::UTCTimeZone()));
  EXPECT_EQ(first.user_id, "u-42");
  EXPECT_EQ(first.role, Role::kLearner);
  EXPECT_EQ(first.authority, "GCC");
  EXPECT_EQ(first.establishment, "SCH123");
  EXPECT_EQ(first.sector, Sector::kPrimary);
  EXPECT_EQ(first.simd, 3);
  EXPECT_EQ(first.content_id, "lesson-7");
  EXPECT_EQ(first.action, Action::kPlay);
  EXPECT_EQ(first.seconds, 90);
  EXPECT_EQ(first.rating, 0);
  ASSERT_TRUE(read.rows[1].event.has_value()) << read.rows[1].error;
  const UsageEvent& second = *read.rows[1].event;
  EXPECT_EQ(second.occurred_at,
            absl::FromCivil(absl::CivilSecond(2021, 1, 18, 9, 0, 0), absl::UTCTimeZone()) +
                absl::Milliseconds(500));
  EXPECT_EQ(second.role, Role::kTeacher);
  EXPECT_EQ(second.authority, "GCC");
  EXPECT_EQ(second.establishment, "");
  EXPECT_EQ(second.sector, Sector::kEarlyYears);
  EXPECT_EQ(second.simd, 0);
  EXPECT_EQ(second.action, Action::kRate);
  EXPECT_EQ(second.rating, 4);
  EXPECT_THAT(read.ignored, IsEmpty());
}

TEST(UsageCsvReaderTest, ColumnsInAnyOrderAndCaseWithSpacesAround) {
  const Read read = ReadAll(
      " Rating ,ACTION,content_id,Event_ID,occurred_at , user_id,role,authority\n"
      "5,rate,lesson-1,ev-9,2021-02-01T00:00:00Z,u-1,other,ren\n");
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 1u);
  ASSERT_TRUE(read.rows[0].event.has_value()) << read.rows[0].error;
  EXPECT_EQ(read.rows[0].event->event_id, "ev-9");
  EXPECT_EQ(read.rows[0].event->rating, 5);
  EXPECT_EQ(read.rows[0].event->action, Action::kRate);
  EXPECT_EQ(read.rows[0].event->role, Role::kOther);
  EXPECT_EQ(read.rows[0].event->authority, "REN");
  // Optional columns absent: their defaults.
  EXPECT_EQ(read.rows[0].event->sector, Sector::kUnknown);
  EXPECT_EQ(read.rows[0].event->seconds, 0);
}

TEST(UsageCsvReaderTest, ExtraColumnsAreIgnoredAndListed) {
  const Read read = ReadAll(absl::StrCat(
      "browser,", absl::StripSuffix(kHeader, "\n"), ", Notes ,\n",
      "firefox,", absl::StripSuffix(kGoodRow, "\n"), ",hello,\n"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_TRUE(read.rows[0].event.has_value()) << read.rows[0].error;
  EXPECT_THAT(read.ignored, ElementsAre("browser", "Notes", "(column 15, no name)"));
}

TEST(UsageCsvReaderTest, MissingRequiredColumnsFailTheWholeFileBeforeAnyRow) {
  const Read read = ReadAll(
      "event_id,occurred_at,user_id,authority,content_id,seconds\n"
      "ev-1,2021-01-18T09:15:02Z,u-42,GCC,lesson-7,90\n");
  EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status.message(), HasSubstr("line 1: the header has no column role, action"));
  EXPECT_THAT(read.rows, IsEmpty());
}

TEST(UsageCsvReaderTest, DuplicatedColumnIsAFileError) {
  const Read read = ReadAll(absl::StrCat("Role,", kHeader, "learner,", kGoodRow));
  EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status.message(), HasSubstr("names column \"role\" twice (cells 1 and 5)"));
  EXPECT_THAT(read.rows, IsEmpty());
}

TEST(UsageCsvReaderTest, EmptyFileIsAnErrorButAHeaderAloneIsNot) {
  EXPECT_THAT(ReadAll("").status.message(), HasSubstr("no header row"));
  EXPECT_THAT(ReadAll("\xEF\xBB\xBF\r\n\r\n").status.message(), HasSubstr("no header row"));
  const Read header_only = ReadAll(kHeader);
  EXPECT_TRUE(header_only.status.ok()) << header_only.status;
  EXPECT_THAT(header_only.rows, IsEmpty());
}

struct BadCell {
  const char* name;
  const char* column;
  const char* value;
  const char* error;
};

class UsageCsvBadCellTest : public ::testing::TestWithParam<BadCell> {};

// kGoodRow with one column's cell replaced (columns in kHeader order).
std::string RowWith(absl::string_view column, absl::string_view value) {
  static const std::vector<std::string> kColumns = absl::StrSplit(absl::StripSuffix(kHeader, "\n"), ',');
  std::vector<std::string> cells = absl::StrSplit(absl::StripSuffix(kGoodRow, "\n"), ',');
  for (size_t i = 0; i < kColumns.size(); ++i) {
    if (kColumns[i] == column) cells[i] = std::string(value);
  }
  return absl::StrCat(absl::StrJoin(cells, ","), "\n");
}

TEST_P(UsageCsvBadCellTest, RowIsRejectedNamingTheFieldAndReadingGoesOn) {
  const BadCell& bad = GetParam();
  const Read read = ReadAll(absl::StrCat(kHeader, kGoodRow, RowWith(bad.column, bad.value), kGoodRow));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_TRUE(read.rows[0].event.has_value());
  EXPECT_TRUE(read.rows[2].event.has_value());
  const UsageCsvRow& row = read.rows[1];
  EXPECT_EQ(row.line, 3);
  EXPECT_FALSE(row.event.has_value());
  EXPECT_THAT(row.error, HasSubstr(bad.error));
  EXPECT_EQ(row.error.find("; "), std::string::npos) << "only one field is bad: " << row.error;
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, UsageCsvBadCellTest,
    ::testing::Values(
        BadCell{"event_id_empty", "event_id", "", "event_id: is required"},
        BadCell{"event_id_long", "event_id",
                "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
                "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                "event_id: is 130 bytes, more than 128"},
        BadCell{"occurred_at_bad", "occurred_at", "18/01/2021 09:15",
                "occurred_at: \"18/01/2021 09:15\" is not an ISO 8601 time"},
        BadCell{"occurred_at_future", "occurred_at", "2021-03-01T12:05:01Z",
                "occurred_at: 2021-03-01T12:05:01Z is in the future"},
        BadCell{"occurred_at_before_2000", "occurred_at", "1999-12-31T23:59:59Z",
                "occurred_at: 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z"},
        BadCell{"occurred_at_empty", "occurred_at", "", "occurred_at: is required"},
        BadCell{"user_id_empty", "user_id", "", "user_id: is required"},
        BadCell{"user_id_not_utf8", "user_id", "u\xFF", "user_id: is not UTF-8 text (byte 0xFF at offset 1)"},
        BadCell{"role_unknown", "role", "pupil", "role: \"pupil\" is not one of learner, teacher, other"},
        BadCell{"role_empty", "role", "", "role: is required"},
        BadCell{"authority_unknown", "authority", "Fife", "authority: \"Fife\" is not the code or name"},
        BadCell{"establishment_long", "establishment",
                "SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS",
                "establishment: is 65 bytes, more than 64"},
        BadCell{"sector_unknown", "sector", "college", "sector: \"college\" is not one of"},
        BadCell{"simd_high", "simd", "6", "simd: \"6\" is not a whole number from 0 to 5"},
        BadCell{"simd_text", "simd", "high", "simd: \"high\""},
        BadCell{"content_id_empty", "content_id", "", "content_id: is required"},
        BadCell{"action_unknown", "action", "watch",
                "action: \"watch\" is not one of view, play, complete, rate"},
        BadCell{"seconds_fraction", "seconds", "1.5",
                "seconds: \"1.5\" is not a whole number from 0 to 86400"},
        BadCell{"seconds_negative", "seconds", "-3", "seconds: \"-3\""},
        BadCell{"seconds_text", "seconds", "abc", "seconds: \"abc\""},
        BadCell{"seconds_over_a_day", "seconds", "86401", "seconds: \"86401\""},
        BadCell{"rating_fraction", "rating", "4.5", "rating: \"4.5\" is not a whole number from 0 to 5"},
        BadCell{"rate_without_rating", "action", "rate",
                "rating: is required (1 to 5) when the action is rate"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(UsageCsvReaderTest, EveryProblemOfARowIsReported) {
  const Read read = ReadAll(absl::StrCat(kHeader, ",,,pupil,Fife,,,,,,,\n"));
  ASSERT_EQ(read.rows.size(), 1u);
  const std::string& error = read.rows[0].error;
  for (const char* part : {"occurred_at: is required", "role: \"pupil\"", "authority: \"Fife\"",
                           "action: is required", "event_id: is required", "user_id: is required",
                           "content_id: is required"}) {
    EXPECT_THAT(error, HasSubstr(part));
  }
  EXPECT_EQ(read.rows[0].event_id, "");
}

TEST(UsageCsvReaderTest, RejectedRowKeepsItsEventIdForReporting) {
  const Read read = ReadAll(absl::StrCat(kHeader, RowWith("role", "pupil")));
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0].event_id, "ev-1");
  const Read bad_id = ReadAll(absl::StrCat(kHeader, RowWith("event_id", std::string(300, 'x') + "\xFF")));
  ASSERT_EQ(bad_id.rows.size(), 1u);
  EXPECT_LE(bad_id.rows[0].event_id.size(), kMaxIdBytes);
  EXPECT_THAT(bad_id.rows[0].event_id, HasSubstr("xxxx"));
}

TEST(UsageCsvReaderTest, WrongNumberOfCellsIsARowError) {
  const Read read = ReadAll(absl::StrCat(kHeader, "ev-1,2021-01-18T09:15:02Z,u-42\n", kGoodRow,
                                         absl::StripSuffix(kGoodRow, "\n"), ",extra\n"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_EQ(read.rows[0].error, "row: has 3 cells, the header has 12");
  EXPECT_EQ(read.rows[0].event_id, "ev-1");
  EXPECT_TRUE(read.rows[1].event.has_value());
  EXPECT_EQ(read.rows[2].error, "row: has 13 cells, the header has 12");
}

TEST(UsageCsvReaderTest, RowsOverTheTableLimitsAreRejectedNamingTheLimit) {
  std::string many_cells = "ev-1";
  for (int i = 1; i < table::kMaxCellsPerRow + 10; ++i) many_cells += ",x";
  const std::string long_cell = RowWith("content_id", std::string(table::kMaxCellBytes + 1, 'c'));
  const Read read = ReadAll(absl::StrCat(kHeader, many_cells, "\n", long_cell, kGoodRow));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_EQ(read.rows[0].error, "row: the row has 110 cells, more than 100 (the limit per row)");
  EXPECT_EQ(read.rows[1].error, "row: cell 9 is longer than 131072 bytes (the limit per cell)");
  EXPECT_TRUE(read.rows[2].event.has_value());
}

TEST(UsageCsvReaderTest, CrlfByteOrderMarkAndQuotedCells) {
  const Read read = ReadAll(absl::StrCat(
      "\xEF\xBB\xBF", absl::StrReplaceAll(kHeader, {{"\n", "\r\n"}}),
      "\"ev,1\",2021-01-18T09:15:02Z,\"u \"\"42\"\"\",learner,GCC,\"SCH, 123\",primary,3,"
      "lesson-7,view,90,\r\n"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  ASSERT_EQ(read.rows.size(), 1u);
  ASSERT_TRUE(read.rows[0].event.has_value()) << read.rows[0].error;
  EXPECT_EQ(read.rows[0].event->event_id, "ev,1");
  EXPECT_EQ(read.rows[0].event->user_id, "u \"42\"");
  EXPECT_EQ(read.rows[0].event->establishment, "SCH, 123");
  // A line break is a control character: not in an id.
  const Read broken_id = ReadAll(absl::StrCat(kHeader, RowWith("content_id", "\"lesson\r\n7\"")));
  ASSERT_EQ(broken_id.rows.size(), 1u);
  EXPECT_THAT(broken_id.rows[0].error, HasSubstr("content_id: holds a control character"));
}

TEST(UsageCsvReaderTest, BrokenQuotingIsAFileError) {
  const Read read = ReadAll(absl::StrCat(kHeader, kGoodRow, "ev-2,\"2021-01-18T09:15:02Z,u\n"));
  EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status.message(), HasSubstr("line 3: quoted cell is never closed"));
  EXPECT_EQ(read.rows.size(), 1u);
}

TEST(UsageCsvReaderTest, ChunkBoundariesAnywhereGiveTheSameRows) {
  const std::string text = absl::StrCat(
      "\xEF\xBB\xBF", "extra,", absl::StrReplaceAll(kHeader, {{"\n", "\r\n"}}), "a,", kGoodRow,
      "\r\n", "b,", RowWith("role", "pupil"), "c,\"ev\"\"3\",2021-01-18T09:15:02Z,u,other,INV,,,,c,view,,\n");
  const std::string whole = Describe(ReadAll(text));
  for (size_t chunk : {1, 2, 3, 5, 7, 64}) {
    EXPECT_EQ(Describe(ReadAll(text, chunk)), whole) << "chunks of " << chunk;
  }
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    Read read;
    UsageCsvReader reader(kNow);
    UsageCsvRow row;
    reader.Feed(absl::string_view(text).substr(0, cut));
    while (*reader.Next(&row)) read.rows.push_back(row);
    reader.Feed(absl::string_view(text).substr(cut));
    reader.Finish();
    while (*reader.Next(&row)) read.rows.push_back(row);
    read.ignored = reader.ignored_columns();
    ASSERT_EQ(Describe(read), whole) << "cut at " << cut;
  }
}

TEST(UsageCsvReaderTest, HundredThousandRowsIn64KiBChunks) {
  constexpr int kRows = 100000;
  std::string text = kHeader;
  for (int i = 0; i < kRows; ++i) {
    // Every 1000th row has a bad role.
    absl::StrAppend(&text, "ev-", i, ",2021-01-18T09:15:02Z,u-", i % 977, ",",
                    i % 1000 == 999 ? "pupil" : "learner", ",GCC,SCH", i % 50, ",secondary,", i % 6,
                    ",lesson-", i % 300, ",complete,", i % 3600, ",\n");
  }
  UsageCsvReader reader(kNow);
  UsageCsvRow row;
  int good = 0;
  int bad = 0;
  int last_line = 0;
  auto drain = [&]() {
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&row);
      ASSERT_TRUE(more.ok()) << more.status();
      if (!*more) return;
      ASSERT_EQ(row.line, last_line == 0 ? 2 : last_line + 1);
      last_line = row.line;
      if (row.event.has_value()) {
        ++good;
      } else {
        ++bad;
        ASSERT_THAT(row.error, HasSubstr("role: \"pupil\""));
      }
    }
  };
  constexpr size_t kChunk = 64 * 1024;
  for (size_t at = 0; at < text.size(); at += kChunk) {
    reader.Feed(absl::string_view(text).substr(at, kChunk));
    drain();
  }
  reader.Finish();
  drain();
  EXPECT_EQ(good, kRows - kRows / 1000);
  EXPECT_EQ(bad, kRows / 1000);
  EXPECT_EQ(last_line, kRows + 1);
}

}  // namespace
}  // namespace wp::westos
