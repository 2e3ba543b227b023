#include "tools/wpctl/output.h"

#include <limits>

#include "gmock/gmock.h"
#include "grpcpp/support/status.h"
#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(TableTest, AlignsColumnsWithoutTrailingBlanks) {
  Table table({{"WS", Align::kRight}, {"TITLE"}, {"TOTAL", Align::kRight}});
  table.AddRow({"1", "Collaboration", "12"});
  table.AddRow({"10", "Data", "3"});
  table.AddRule();
  table.AddRow({"", "Total", "15"});
  EXPECT_EQ(table.Render(),
            "WS  TITLE          TOTAL\n"
            " 1  Collaboration     12\n"
            "10  Data               3\n"
            "------------------------\n"
            "    Total             15\n");
}

TEST(TableTest, LastLeftColumnIsNotPadded) {
  Table table({{"A"}, {"B"}});
  table.AddRow({"x", "long value"});
  table.AddRow({"y", ""});
  EXPECT_EQ(table.Render(), "A  B\nx  long value\ny\n");
}

TEST(TableTest, CountsCharactersNotBytes) {
  Table table({{"NAME"}, {"N", Align::kRight}});
  table.AddRow({"Gàidhlig", "1"});  // 8 characters, 9 bytes
  table.AddRow({"Maths", "22"});
  EXPECT_EQ(table.Render(),
            "NAME       N\n"
            "Gàidhlig   1\n"
            "Maths     22\n");
}

TEST(TableTest, FlattensLineBreaksAndToleratesRaggedRows) {
  Table table({{"A"}, {"B"}});
  table.AddRow({"line one\r\nline two"});            // fewer cells than columns
  table.AddRow({"x", "y", "extra"});                  // more cells than columns
  table.AddRow({});                                    // an empty row is a row, not a rule
  EXPECT_EQ(table.Render(),
            "A                  B\n"
            "line one line two\n"
            "x                  y  extra\n"
            "\n");
}

TEST(TableTest, HeaderOnlyWhenEmpty) {
  Table table({{"A"}, {"B"}});
  EXPECT_TRUE(table.empty());
  EXPECT_EQ(table.Render(), "A  B\n");
}

TEST(TableCsvTest, QuotesOnlyWhatNeedsIt) {
  Table table({{"Name"}, {"Note"}, {"Amount", Align::kRight}});
  table.AddRow({"Plain", "a, b", "1,234.50"});
  table.AddRow({"Quote \"q\"", "two\nlines", "7"});
  table.AddRow({"Siobhán Ó Dónaill", "", "0"});
  EXPECT_EQ(table.Csv(),
            "Name,Note,Amount\n"
            "Plain,\"a, b\",\"1,234.50\"\n"
            "\"Quote \"\"q\"\"\",\"two\nlines\",7\n"
            "Siobhán Ó Dónaill,,0\n");
  // The text rendering still flattens the line break.
  EXPECT_THAT(table.Render(), HasSubstr("two lines"));
  EXPECT_EQ(table.Csv().find("\xEF\xBB\xBF"), std::string::npos);
}

TEST(TableCsvTest, LeavesOutRulesAndFillsShortRows) {
  Table table({{"Line"}, {"Spent"}});
  table.AddRow({"coaching"});
  table.AddRule();
  table.AddRow({"Total", "5"});
  EXPECT_EQ(table.Csv(), "Line,Spent\ncoaching,\nTotal,5\n");
  EXPECT_EQ(Table({{"Only"}}).Csv(), "Only\n");
}

TEST(TableRecorderTest, CollectsRenderedTablesWhileAlive) {
  Table first({{"A"}});
  first.AddRow({"1"});
  Table second({{"B"}});
  second.AddRow({"2"});
  first.Render();  // before any recorder: not collected
  {
    TableRecorder recorder;
    EXPECT_TRUE(recorder.tables().empty());
    first.Render();
    second.Render();
    ASSERT_EQ(recorder.tables().size(), 2u);
    EXPECT_EQ(recorder.Csv(), "A\n1\n\nB\n2\n");
  }
  EXPECT_EQ(Truncate("abcdef", 5), "ab...");
  TableRecorder later;
  EXPECT_TRUE(later.tables().empty());
  // Cells are not cut for CSV.
  EXPECT_EQ(Truncate("abcdef", 5), "abcdef");
}

TEST(TruncateTest, CutsOnCharacterBoundaries) {
  EXPECT_EQ(Truncate("short", 40), "short");
  EXPECT_EQ(Truncate("exactly10!", 10), "exactly10!");
  EXPECT_EQ(Truncate("abcdefghijk", 10), "abcdefg...");
  // "é" is two bytes; a byte cut would leave half a character.
  EXPECT_EQ(Truncate("ééééééé", 5), "éé...");
  EXPECT_EQ(Truncate("a b c d e f", 6), "a b...");  // no blank before the dots
  EXPECT_EQ(Truncate("abcdef", 3), "...");
  EXPECT_EQ(Truncate("abcdef", 2), "..");
  EXPECT_EQ(Truncate("abcdef", 0), "");
  EXPECT_EQ(Truncate("", 0), "");
}

TEST(OneLineTest, CollapsesWhitespace) {
  EXPECT_EQ(OneLine("  a\tb\r\n\nc  "), "a b c");
  EXPECT_EQ(OneLine(""), "");
  EXPECT_EQ(OneLine(" \n "), "");
}

TEST(FieldsTextTest, AlignsValuesAndIndentsContinuations) {
  EXPECT_EQ(FieldsText({{"name", "x"}, {"lead officer", ""}, {"task", "one\r\ntwo"}}),
            "name:         x\n"
            "lead officer: -\n"
            "task:         one\n"
            "              two\n");
}

TEST(DateTextTest, FullMonthAndUnset) {
  common::v1::Date date;
  EXPECT_EQ(DateText(date), "-");
  date.set_year(2019);
  date.set_month(3);
  EXPECT_EQ(DateText(date), "2019-03");
  date.set_day(7);
  EXPECT_EQ(DateText(date), "2019-03-07");
}

TEST(TimeTextTest, UtcOrDash) {
  google::protobuf::Timestamp time;
  EXPECT_EQ(TimeText(time), "-");
  time.set_seconds(1546300800);  // 2019-01-01T00:00:00Z
  time.set_nanos(5);
  EXPECT_EQ(TimeText(time), "2019-01-01 00:00:00 UTC");
}

TEST(ToJsonTest, PrintsZerosAndHonoursLayout) {
  workstreams::v1::StatusCounts counts;
  counts.set_complete(3);
  auto pretty = ToJson(counts, false);
  ASSERT_TRUE(pretty.ok());
  EXPECT_THAT(*pretty, HasSubstr("\"complete\": 3"));
  EXPECT_THAT(*pretty, HasSubstr("\"notStarted\": 0"));
  EXPECT_EQ(pretty->back(), '\n');

  auto line = ToJson(counts, true);
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->find('\n'), line->size() - 1);
  EXPECT_THAT(*line, HasSubstr("\"complete\":3"));
}

TEST(ErrorTextTest, CodeAndMessage) {
  EXPECT_EQ(ErrorText(absl::NotFoundError("planPeriods/2018-21/planItems/9.9 not found")),
            "error: NOT_FOUND: planPeriods/2018-21/planItems/9.9 not found\n");
}

TEST(ErrorTextTest, OneLinePerFieldViolationAfterAGrpcRoundTrip) {
  FieldViolations violations;
  violations.Add("plan_item.ref", "must look like 4.2");
  violations.Add("plan_item.task", "is required");
  // What a client really sees: the status after it crossed the wire.
  absl::Status received = FromGrpcStatus(ToGrpcStatus(violations.ToStatus()));
  const std::string text = ErrorText(received);
  EXPECT_THAT(text, HasSubstr("error: INVALID_ARGUMENT: "));
  EXPECT_THAT(text, HasSubstr("\n  field plan_item.ref: must look like 4.2\n"));
  EXPECT_THAT(text, HasSubstr("\n  field plan_item.task: is required\n"));
}

TEST(ErrorTextTest, IgnoresUndecodableDetails) {
  absl::Status status = absl::InvalidArgumentError("bad");
  status.SetPayload(kBadRequestTypeUrl, absl::Cord("\xff\xff not a proto"));
  EXPECT_THAT(ErrorText(status), Not(HasSubstr("field")));
  // Details that are not a google.rpc.Status are dropped, the message kept.
  absl::Status from_wire = FromGrpcStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad", "junk"));
  EXPECT_EQ(ErrorText(from_wire), "error: INVALID_ARGUMENT: bad\n");
}

TEST(EnumWordTest, LowerCaseWordsAndDashes) {
  using governance::v1::Body;
  EXPECT_EQ(EnumWord(Body::Kind_descriptor(), Body::FINANCE_SUB_GROUP), "finance sub group");
  EXPECT_EQ(EnumWord(Body::Kind_descriptor(), Body::BOARD), "board");
  EXPECT_EQ(EnumWord(Body::Kind_descriptor(), Body::KIND_UNSPECIFIED), "-");
  EXPECT_EQ(EnumWord(Body::Kind_descriptor(), 42), "-");
}

TEST(GroupedNumberTest, ThousandsSeparators) {
  EXPECT_EQ(GroupedNumber(0), "0");
  EXPECT_EQ(GroupedNumber(999), "999");
  EXPECT_EQ(GroupedNumber(1000), "1,000");
  EXPECT_EQ(GroupedNumber(240000), "240,000");
  EXPECT_EQ(GroupedNumber(-1234567), "-1,234,567");
  EXPECT_EQ(GroupedNumber(std::numeric_limits<int64_t>::min()), "-9,223,372,036,854,775,808");
}

}  // namespace
}  // namespace wp::wpctl
