#include "libs/table/chunked_table_reader.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wp::table {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// What reading a text gives: its rows up to the first error, and the error.
struct Outcome {
  std::vector<TableRow> rows;
  absl::Status status;
};

std::string Describe(const Outcome& outcome) {
  std::string out;
  for (const TableRow& row : outcome.rows) {
    absl::StrAppend(&out, row.line, ":");
    for (const std::string& cell : row.cells) absl::StrAppend(&out, "[", cell, "]");
    absl::StrAppend(&out, row.over_limit, "\n");
  }
  return absl::StrCat(out, outcome.status.ToString());
}

Outcome ReadWhole(absl::string_view text, Format format) {
  Outcome outcome;
  TableReader reader(text, format);
  TableRow row;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&row);
    if (!more.ok()) outcome.status = more.status();
    if (!more.ok() || !*more) return outcome;
    outcome.rows.push_back(row);
  }
}

// Takes every row the reader has ready; false once it has failed.
bool Drain(ChunkedTableReader& reader, Outcome* outcome) {
  TableRow row;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&row);
    if (!more.ok()) {
      outcome->status = more.status();
      return false;
    }
    if (!*more) return true;
    outcome->rows.push_back(row);
  }
}

Outcome ReadChunks(const std::vector<absl::string_view>& chunks, Format format) {
  Outcome outcome;
  ChunkedTableReader reader(format);
  for (absl::string_view chunk : chunks) {
    reader.Feed(chunk);
    if (!Drain(reader, &outcome)) return outcome;
  }
  reader.Finish();
  Drain(reader, &outcome);
  return outcome;
}

// `text` cut at the given offsets (ascending).
std::vector<absl::string_view> CutAt(absl::string_view text, const std::vector<size_t>& cuts) {
  std::vector<absl::string_view> chunks;
  size_t begin = 0;
  for (size_t cut : cuts) {
    chunks.push_back(text.substr(begin, cut - begin));
    begin = cut;
  }
  chunks.push_back(text.substr(begin));
  return chunks;
}

struct Sample {
  const char* name;
  std::string text;
  Format format;
};

std::vector<Sample> Samples() {
  return {
      {"plain", "a,b\n1,2\n", Format::kCsv},
      {"bom_crlf_quotes",
       "\xEF\xBB\xBFRef,Task\r\n1.1,\"x, y\"\r\n\r\n1.2,\"say \"\"hi\"\"\",\"\"\r\n",
       Format::kCsv},
      {"lone_cr", "a,b\rc,d\r\re,f", Format::kCsv},
      {"breaks_in_quotes", "h1,h2\n\"multi\nline\r\ncell\",z\n\n\n,\n\"\"\n", Format::kCsv},
      {"spaces_no_final_break", "  \"spaced\" , x\nlast", Format::kCsv},
      {"two_boms", "\xEF\xBB\xBF\xEF\xBB\xBF" "double,bom\n", Format::kCsv},
      {"partial_bom_only", "\xEF\xBB", Format::kCsv},
      {"blank_lines_only", "\n\r\n\r\r\n", Format::kCsv},
      {"empty", "", Format::kCsv},
      {"never_closed", "a,b\n1,\"never closed\n2,3\n", Format::kCsv},
      {"text_after_quote", "a,b\n1,\"Big\" Lunch\n2,3\n", Format::kCsv},
      {"tsv", "a\tb\n\"Big Lunch\" event\tx\n\"q\tr\"\t\"two\r\nlines\"\n", Format::kTsv},
      {"tsv_never_closed", "a\tb\n\"open\tx\n", Format::kTsv},
      {"unicode", "Gàidhlig,–\n\"ünï\ncödé\",x\r\n", Format::kCsv},
  };
}

class ChunkedTableReaderProperty : public ::testing::TestWithParam<Sample> {};

TEST_P(ChunkedTableReaderProperty, EveryCutGivesWhatTheWholeTextGives) {
  const Sample& sample = GetParam();
  const std::string expected = Describe(ReadWhole(sample.text, sample.format));
  const size_t n = sample.text.size();
  for (size_t i = 0; i <= n; ++i) {
    ASSERT_EQ(Describe(ReadChunks(CutAt(sample.text, {i}), sample.format)), expected)
        << "cut at " << i;
    for (size_t j = i; j <= n; ++j) {
      ASSERT_EQ(Describe(ReadChunks(CutAt(sample.text, {i, j}), sample.format)), expected)
          << "cuts at " << i << " and " << j;
    }
  }
}

TEST_P(ChunkedTableReaderProperty, OneByteChunksGiveWhatTheWholeTextGives) {
  const Sample& sample = GetParam();
  std::vector<size_t> cuts;
  for (size_t i = 1; i < sample.text.size(); ++i) cuts.push_back(i);
  EXPECT_EQ(Describe(ReadChunks(CutAt(sample.text, cuts), sample.format)),
            Describe(ReadWhole(sample.text, sample.format)));
}

INSTANTIATE_TEST_SUITE_P(Samples, ChunkedTableReaderProperty, ::testing::ValuesIn(Samples()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ChunkedTableReaderTest, SampleErrorsAreTheWholeTextErrors) {
  // The property above compares errors too; make sure the samples hold some.
  EXPECT_THAT(ReadWhole("a,\"never closed\n", Format::kCsv).status.message(),
              HasSubstr("line 1: quoted cell is never closed"));
  EXPECT_THAT(ReadWhole("1,\"Big\" Lunch\n", Format::kCsv).status.message(),
              HasSubstr("text after the closing quote"));
}

TEST(ChunkedTableReaderTest, RowComesOnceItsLineBreakArrives) {
  ChunkedTableReader reader(Format::kCsv);
  TableRow row;
  reader.Feed("a,b\n1,");
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_THAT(row.cells, ElementsAre("a", "b"));
  EXPECT_FALSE(*reader.Next(&row));  // "1," may go on
  reader.Feed("2\n");
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_EQ(row.line, 2);
  EXPECT_THAT(row.cells, ElementsAre("1", "2"));
  EXPECT_FALSE(*reader.Next(&row));
  reader.Finish();
  EXPECT_FALSE(*reader.Next(&row));
}

TEST(ChunkedTableReaderTest, LastRowWithoutLineBreakComesAtFinish) {
  ChunkedTableReader reader(Format::kCsv);
  TableRow row;
  reader.Feed("a,b\nlast,row");
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_FALSE(*reader.Next(&row));
  reader.Finish();
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_THAT(row.cells, ElementsAre("last", "row"));
  EXPECT_FALSE(*reader.Next(&row));
}

TEST(ChunkedTableReaderTest, CarriageReturnAtAChunkEndWaitsForAPossibleLineFeed) {
  ChunkedTableReader reader(Format::kCsv);
  TableRow row;
  reader.Feed("a\r");
  EXPECT_FALSE(*reader.Next(&row));
  reader.Feed("\nb\n");
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_EQ(row.line, 1);
  ASSERT_TRUE(*reader.Next(&row));
  EXPECT_EQ(row.line, 2);  // the CRLF counted once
  EXPECT_THAT(row.cells, ElementsAre("b"));
}

TEST(ChunkedTableReaderTest, LineNumbersOfErrorsContinueAcrossChunks) {
  ChunkedTableReader reader(Format::kCsv);
  TableRow row;
  reader.Feed("a\n\"b\nc\"\n");
  ASSERT_TRUE(*reader.Next(&row));
  ASSERT_TRUE(*reader.Next(&row));
  reader.Feed("d,\"open");
  EXPECT_FALSE(*reader.Next(&row));
  reader.Finish();
  absl::StatusOr<bool> more = reader.Next(&row);
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(more.status().message(), HasSubstr("line 4: quoted cell is never closed"));
  // After an error the reader is at its end.
  more = reader.Next(&row);
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

TEST(ChunkedTableReaderTest, UnfinishedRowPastTheLimitFailsInsteadOfGrowing) {
  ChunkedTableReader reader(Format::kCsv);
  TableRow row;
  reader.Feed("a,b\nx,\"");
  ASSERT_TRUE(*reader.Next(&row));
  const std::string mib(1 << 20, 'y');
  size_t fed = 0;
  absl::StatusOr<bool> more = false;
  while (more.ok() && fed <= kMaxRowTextBytes + mib.size()) {
    reader.Feed(mib);
    fed += mib.size();
    more = reader.Next(&row);
  }
  ASSERT_FALSE(more.ok()) << "still buffering after " << fed << " bytes";
  EXPECT_EQ(more.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(more.status().message(),
              HasSubstr(absl::StrCat("line 2: the row is still not finished after ",
                                     kMaxRowTextBytes, " bytes")));
}

TEST(ChunkedTableReaderTest, RowOverTheCellLimitsIsFlaggedAsByParseTable) {
  std::string text = "1";
  for (int i = 1; i < kMaxCellsPerRow + 5; ++i) text += ",x";
  text += "\nok\n";
  const Outcome outcome = ReadChunks(CutAt(text, {7, 100}), Format::kCsv);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status;
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_THAT(outcome.rows[0].over_limit, HasSubstr("(the limit per row)"));
  EXPECT_TRUE(outcome.rows[1].over_limit.empty());
}

}  // namespace
}  // namespace wp::table
