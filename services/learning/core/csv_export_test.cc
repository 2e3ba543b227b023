#include "services/learning/core/csv_export.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "libs/table/table_text.h"
#include "libs/testing/domain_test_support.h"

namespace wp::learning {
namespace {

const std::vector<std::vector<std::string>> kRows = {{"Key", "Note"}, {"Renfrewshire, Paisley", "\"quoted\""},
                                                     {"Dùn Breatainn", ""}};

TEST(CsvExportTest, CsvStartsWithTheByteOrderMarkAndReadsBack) {
  ExportFile file = WriteExportFile(kRows, v1::TABLE_FORMAT_UNSPECIFIED);
  EXPECT_EQ(file.content_type, "text/csv; charset=utf-8");
  ASSERT_TRUE(absl::StartsWith(file.content, table::kUtf8Bom));
  EXPECT_NE(file.content.find("\"Renfrewshire, Paisley\",\"\"\"quoted\"\"\"\n"), std::string::npos) << file.content;
  auto rows = table::ParseTable(file.content, table::Format::kCsv);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[2].cells, kRows[2]);
}

TEST(CsvExportTest, TsvHasItsOwnContentType) {
  ExportFile file = WriteExportFile(kRows, v1::TSV);
  EXPECT_EQ(file.content_type, "text/tab-separated-values; charset=utf-8");
  EXPECT_NE(file.content.find("Key\tNote\n"), std::string::npos) << file.content;
}

TEST(CsvExportTest, UnknownFormatNamesTheField) {
  EXPECT_TRUE(CheckTableFormat(v1::TSV, "format").ok());
  EXPECT_EQ(test_support::FieldsOf(CheckTableFormat(static_cast<v1::TableFormat>(7), "format")),
            std::vector<std::string>{"format"});
}

TEST(CsvExportTest, FreeTextThatASpreadsheetWouldRunIsKeptAsText) {
  EXPECT_EQ(SpreadsheetText("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(SpreadsheetText("+44 141"), "'+44 141");
  EXPECT_EQ(SpreadsheetText("-great"), "'-great");
  EXPECT_EQ(SpreadsheetText("@sum"), "'@sum");
  EXPECT_EQ(SpreadsheetText("Useful - very"), "Useful - very");
  EXPECT_EQ(SpreadsheetText(""), "");
}

}  // namespace
}  // namespace wp::learning
