#include "services/learning/evaluations/evaluation_csv.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "libs/text/utf8.h"

namespace wp::learning {
namespace {

constexpr char kEvent[] = "events/ioc-1";

std::string ContentProblem(absl::string_view content, v1::Stage stage) {
  absl::StatusOr<std::vector<EvaluationCsvRow>> rows = ReadEvaluationCsv(content, kEvent, stage);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<FieldViolation> violations = FieldViolationsOf(rows.status());
  if (violations.size() != 1) return "no single violation: " + rows.status().ToString();
  EXPECT_EQ(violations[0].field, "content");
  return violations[0].description;
}

TEST(EvaluationCsvTest, ReadsPostRowsIntoCheckedEvaluations) {
  absl::StatusOr<std::vector<EvaluationCsvRow>> rows = ReadEvaluationCsv(
      "Practitioner,Knowledge,Understanding,Confidence,Overall_Rating,Expected_Impact,Comment,Ignored\r\n"
      "GCC-T1001,4,4,5,5,4,\"Useful, practical\",zzz\r\n"
      "practitioners/GCC-T1002, 2 ,3,3,4,3,,\r\n",
      kEvent, v1::POST);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 2u);
  const v1::Evaluation& first = (*rows)[0].evaluation;
  EXPECT_TRUE((*rows)[0].ok()) << (*rows)[0].reason;
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ(first.event(), kEvent);
  EXPECT_EQ(first.practitioner(), "practitioners/GCC-T1001");
  EXPECT_EQ(first.stage(), v1::POST);
  EXPECT_EQ(first.knowledge(), 4);
  EXPECT_EQ(first.confidence(), 5);
  EXPECT_EQ(first.overall_rating(), 5);
  EXPECT_EQ(first.expected_impact(), 4);
  EXPECT_EQ(first.comment(), "Useful, practical");
  EXPECT_TRUE((*rows)[1].ok()) << (*rows)[1].reason;
  EXPECT_EQ((*rows)[1].evaluation.knowledge(), 2);
}

TEST(EvaluationCsvTest, BadRowsAreRejectedNamingTheColumn) {
  absl::StatusOr<std::vector<EvaluationCsvRow>> rows = ReadEvaluationCsv(
      "practitioner,knowledge,understanding,confidence,overall_rating\n"
      "P-1,6,3,3,\n"        // out of range
      "P-2,3,three,3,\n"    // not a number
      "P-3,3,3,,\n"         // confidence missing
      "P-4,3,3,3,4\n"       // POST-only score on PRE
      "bad name!,3,3,3,\n"  // not a practitioner id
      "P-1,3,3,3,\n",       // repeats P-1 (line 2 was rejected, so this one stands)
      kEvent, v1::PRE);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 6u);
  EXPECT_EQ((*rows)[0].field, "knowledge");
  EXPECT_EQ((*rows)[0].reason, "must be 1 to 5, not 6");
  EXPECT_EQ((*rows)[1].field, "understanding");
  EXPECT_EQ((*rows)[1].reason, "\"three\" is not a whole number 1 to 5");
  EXPECT_EQ((*rows)[2].field, "confidence");
  EXPECT_EQ((*rows)[2].reason, "is required: 1 to 5");
  EXPECT_EQ((*rows)[3].field, "overall_rating");
  EXPECT_EQ((*rows)[3].reason, "is for POST responses only");
  EXPECT_EQ((*rows)[4].field, "practitioner");
  EXPECT_TRUE((*rows)[5].ok());
}

TEST(EvaluationCsvTest, ARepeatedPractitionerIsRejected) {
  absl::StatusOr<std::vector<EvaluationCsvRow>> rows =
      ReadEvaluationCsv("practitioner,knowledge,understanding,confidence\nP-1,3,3,3\nP-1,4,4,4\n", kEvent, v1::PRE);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_TRUE((*rows)[0].ok());
  EXPECT_EQ((*rows)[1].field, "practitioner");
  EXPECT_EQ((*rows)[1].reason, "repeats line 2");
}

TEST(EvaluationCsvTest, EchoedCellsAreBoundedAndValidUtf8) {
  absl::StatusOr<std::vector<EvaluationCsvRow>> rows = ReadEvaluationCsv(
      "practitioner,knowledge,understanding,confidence\nP-1," + std::string(3000, '9') + "x,3,3\n", kEvent, v1::PRE);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ((*rows)[0].field, "knowledge");
  EXPECT_LT((*rows)[0].reason.size(), 200u);
  EXPECT_TRUE(text::IsValidUtf8((*rows)[0].reason));
}

TEST(EvaluationCsvTest, MalformedFilesAreRefusedNamingTheProblem) {
  EXPECT_EQ(ContentProblem("", v1::PRE), "is empty; it needs a header row naming the columns");
  EXPECT_EQ(ContentProblem("practitioner,knowledge,understanding,confidence\nP-1,3,3,3\n", v1::POST),
            "line 1: the header row lacks the columns overall_rating, expected_impact (it needs practitioner, "
            "knowledge, understanding, confidence, overall_rating, expected_impact)");
  EXPECT_EQ(ContentProblem("knowledge,understanding,confidence\n3,3,3\n", v1::PRE),
            "line 1: the header row lacks the column practitioner (it needs practitioner, knowledge, "
            "understanding, confidence)");
  EXPECT_EQ(ContentProblem("practitioner,knowledge,understanding,confidence\r\nP-1,3,3,3,\xC3\r\n", v1::PRE),
            "line 2: is not valid UTF-8; save the file as CSV UTF-8");
}

}  // namespace
}  // namespace wp::learning
