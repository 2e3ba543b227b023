// Reading an import file and applying its rows, without a store: the rows
// as the file gives them, and each row's item or rejection.
#include "services/westos/content/content_import_rows.h"

#include <string>

#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/westos/content/content_rules.h"

namespace wp::westos {
namespace {

using Row = v1::ContentImportRow;
const absl::CivilDay kToday(2021, 2, 10);

TEST(ContentImportRowsTest, ReadsTheHeaderTheRowsAndTheIgnoredColumns) {
  absl::StatusOr<ContentImportFile> file = ReadContentImportFile(
      "Content_ID,Title,Subject,Level,Status,Notes,title\n"
      "m-1,\"Maths, part one\",Mathematics,H,published,x,y\n"
      "m-2,Maths 2,Mathematics,N5,archived,,\n"
      "m-1,Again,Mathematics,H,uploaded,,\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(file->Has("title"));
  EXPECT_FALSE(file->Has("sector"));
  EXPECT_EQ(file->ignored_columns, (std::vector<std::string>{"Notes", "title"}));
  ASSERT_EQ(file->rows.size(), 3u);
  EXPECT_EQ(file->rows[0].line, 2);
  EXPECT_TRUE(file->rows[0].problems.ok());
  EXPECT_EQ(file->rows[0].item.title(), "Maths, part one");
  EXPECT_EQ(file->rows[0].item.status(), v1::PUBLISHED);
  EXPECT_NE(file->rows[1].problems.message().find("status: \"archived\""), std::string::npos)
      << file->rows[1].problems;
  EXPECT_EQ(file->rows[2].problems.message(), "content_id: repeats the item of line 2");
}

// Found by content_import_fuzz: a quoted cell's line break was echoed as it
// was in the row's reason.
TEST(ContentImportRowsTest, ReasonsEscapeTheCellsTheyEcho) {
  absl::StatusOr<ContentImportFile> file = ReadContentImportFile(
      "content_id,title,subject,level,status,published_date\n"
      "x,t,s,Higher,\"pub\nlished\",\"2021\n-01-01\"\n");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->rows.size(), 1u);
  const std::string message(file->rows[0].problems.message());
  EXPECT_NE(message.find("status: \"pub\\nlished\" is not one of"), std::string::npos) << message;
  EXPECT_NE(message.find("published_date: \"2021\\n-01-01\" is not a date"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(ContentImportRowsTest, AFileThatIsNoCatalogueIsRefusedOnContent) {
  EXPECT_EQ(ReadContentImportFile("").status().message(),
            "content: is empty; it needs a header row and rows of items");
  EXPECT_NE(ReadContentImportFile("content_id,title\n").status().message().find(
                "lacks the columns subject, level, status"),
            std::string::npos);
  EXPECT_EQ(ReadContentImportFile("content_id,title,subject,level,status\n\"open,t,s,H,published\n")
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ContentImportRowsTest, ANewRowIsCompletedOrRejectedWithItsField) {
  absl::StatusOr<ContentImportFile> file = ReadContentImportFile(
      "content_id,title,subject,level,status,published_date\n"
      "p-1,Physics,Physics,higher,published,\n"
      "p-2,Physics,Physics,S6,commissioned,\n"
      "p-3,Physics,Physics,H,commissioned,2021-02-01\n");
  ASSERT_TRUE(file.ok()) << file.status();
  Row out;
  std::optional<v1::ContentItem> item = ApplyImportedRow(file->rows[0], nullptr, *file, kToday, &out);
  ASSERT_TRUE(item.has_value());
  EXPECT_EQ(item->level(), "Higher");
  EXPECT_EQ(calendar::ToIsoText(item->published_date()), "2021-02-10");
  EXPECT_EQ(calendar::ToIsoText(item->commissioned_date()), "2021-02-10");
  EXPECT_EQ(out.outcome(), Row::OUTCOME_UNSPECIFIED);

  EXPECT_FALSE(ApplyImportedRow(file->rows[1], nullptr, *file, kToday, &out).has_value());
  EXPECT_EQ(out.outcome(), Row::REJECTED);
  EXPECT_EQ(out.field(), "level");
  Row dated;
  EXPECT_FALSE(ApplyImportedRow(file->rows[2], nullptr, *file, kToday, &dated).has_value());
  EXPECT_EQ(dated.field(), "published_date");
}

TEST(ContentImportRowsTest, ACataloguedItemKeepsWhatTheFileLacksAndItsStatus) {
  v1::ContentItem catalogued;
  catalogued.set_content_id("p-1");
  catalogued.set_title("Old");
  catalogued.set_subject("Physics");
  catalogued.set_level("Higher");
  catalogued.set_status(v1::UPLOADED);
  catalogued.set_sector(v1::SECONDARY);
  ASSERT_TRUE(CompleteItem(catalogued, absl::CivilDay(2021, 1, 5), "").ok());

  absl::StatusOr<ContentImportFile> file = ReadContentImportFile(
      "content_id,title,subject,level,status\n"
      "p-1,New,Physics,Higher,published\n"
      "p-1x,New,Physics,Higher,commissioned\n");
  ASSERT_TRUE(file.ok()) << file.status();
  Row out;
  std::optional<v1::ContentItem> next = ApplyImportedRow(file->rows[0], &catalogued, *file, kToday, &out);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->title(), "New");
  EXPECT_EQ(next->sector(), v1::SECONDARY);  // no sector column
  EXPECT_EQ(calendar::ToIsoText(next->uploaded_date()), "2021-01-05");
  EXPECT_EQ(calendar::ToIsoText(next->published_date()), "2021-02-10");

  EXPECT_FALSE(ApplyImportedRow(file->rows[1], &catalogued, *file, kToday, &out).has_value());
  EXPECT_EQ(out.outcome(), Row::REJECTED);
  EXPECT_EQ(out.field(), "status");
  EXPECT_NE(out.reason().find("cannot go back from UPLOADED"), std::string::npos) << out.reason();
}

}  // namespace
}  // namespace wp::westos
