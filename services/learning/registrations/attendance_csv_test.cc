#include "services/learning/registrations/attendance_csv.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "libs/text/utf8.h"

namespace wp::learning {
namespace {

// The one violation a refused file carries: on "content", with its reason.
std::string ContentProblem(absl::string_view content) {
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows = ReadAttendanceCsv(content);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<FieldViolation> violations = FieldViolationsOf(rows.status());
  if (violations.size() != 1) return "no single violation: " + rows.status().ToString();
  EXPECT_EQ(violations[0].field, "content");
  return violations[0].description;
}

TEST(AttendanceCsvTest, ReadsRowsWithColumnsInAnyOrderAndCase) {
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows = ReadAttendanceCsv(
      "Notes,ATTENDED,Practitioner\r\n"
      "\"late, by ten minutes\",Yes,GCC-T1001\r\n"
      "\"said \"\"ill\"\"\",n,practitioners/GCC-T1002\r\n"
      ",,GCC-T1003\r\n"
      "x,FALSE, GCC-T1004 \r\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].entry.practitioner(), "practitioners/GCC-T1001");
  EXPECT_TRUE((*rows)[0].entry.attended());
  EXPECT_EQ((*rows)[1].entry.practitioner(), "practitioners/GCC-T1002");
  EXPECT_FALSE((*rows)[1].entry.attended());
  EXPECT_TRUE((*rows)[2].entry.attended());  // empty: yes
  EXPECT_EQ((*rows)[3].entry.practitioner(), "practitioners/GCC-T1004");
  EXPECT_FALSE((*rows)[3].entry.attended());
  for (const AttendanceCsvRow& row : *rows) EXPECT_TRUE(row.ok()) << row.reason;
}

TEST(AttendanceCsvTest, AQuotedCellMayHoldLineBreaksAndLinesFollowTheFile) {
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows =
      ReadAttendanceCsv("practitioner,note\nP-1,\"two\nlines\"\n\nP-2,\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[1].line, 5);
}

TEST(AttendanceCsvTest, BadCellsRejectTheRowNamingTheColumn) {
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows =
      ReadAttendanceCsv("practitioner,attended\nP-1,maybe\n,yes\nP-3,\"perhaps\x01\nnot\"\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].field, "attended");
  EXPECT_EQ((*rows)[0].reason, "\"maybe\" is not yes or no (yes, no, true, false, 1, 0, y, n)");
  EXPECT_EQ((*rows)[1].field, "practitioner");
  EXPECT_EQ((*rows)[1].reason, "is required");
  EXPECT_EQ((*rows)[2].field, "attended");
  EXPECT_EQ((*rows)[2].reason.find('\n'), std::string::npos);
  EXPECT_EQ((*rows)[2].reason.find('\x01'), std::string::npos);
}

TEST(AttendanceCsvTest, EchoedCellsAreBoundedAndValidUtf8) {
  const std::string long_cell(5000, 'x');
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows =
      ReadAttendanceCsv("practitioner,attended\nP-1," + long_cell + "\n" + "P-2,\xC3\xA9t\xC3\xA9\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_LT((*rows)[0].reason.size(), 200u);
  EXPECT_TRUE(text::IsValidUtf8((*rows)[0].reason));
  EXPECT_EQ((*rows)[1].reason, "\"\xC3\xA9t\xC3\xA9\" is not yes or no (yes, no, true, false, 1, 0, y, n)");
}

TEST(AttendanceCsvTest, MalformedFilesAreRefusedNamingTheProblem) {
  EXPECT_EQ(ContentProblem(""), "is empty; it needs a header row naming the columns");
  EXPECT_EQ(ContentProblem("\r\n\r\n"), "is empty; it needs a header row naming the columns");
  EXPECT_EQ(ContentProblem("name,attended\nP-1,yes\n"),
            "line 1: the header row lacks the column practitioner (it needs practitioner)");
  EXPECT_EQ(ContentProblem("practitioner,attended\nP-1,yes\nP-\xFF,yes\n"),
            "line 3: is not valid UTF-8; save the file as CSV UTF-8");
  EXPECT_NE(ContentProblem("practitioner,attended\n\"P-1,yes\n").find("line 2"), std::string::npos);
  std::string big = "practitioner\n";
  for (int i = 0; i <= 5000; ++i) big += "P-" + std::to_string(i) + "\n";
  EXPECT_EQ(ContentProblem(big), "has more than 5000 rows; split the file");
}

TEST(AttendanceCsvTest, AByteOrderMarkAndAHeaderOnlyFileAreFine) {
  absl::StatusOr<std::vector<AttendanceCsvRow>> rows = ReadAttendanceCsv("\xEF\xBB\xBFpractitioner\n");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_TRUE(rows->empty());
}

TEST(AttendanceCsvTest, ParsesTheWordsForYesAndNo) {
  for (const char* yes : {"yes", "YES", "y", "True", "1", "", "  yes "}) EXPECT_EQ(ParseAttended(yes), true) << yes;
  for (const char* no : {"no", "N", "false", "0"}) EXPECT_EQ(ParseAttended(no), false) << no;
  for (const char* bad : {"2", "ja", "yes please", "-"}) EXPECT_FALSE(ParseAttended(bad).has_value()) << bad;
}

}  // namespace
}  // namespace wp::learning
