// The CSV export stored as it is uploaded, on either store engine: batches,
// per-row problems with their lines, re-sends that count nothing twice, and
// files refused whole before any row.
#include "services/westos/ingest/usage_csv_import.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/testing/test_store.h"
#include "services/westos/migrations.h"

namespace wp::westos {
namespace {

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 0, 0, 0), absl::UTCTimeZone());

// The platform's column order shuffled, as the header allows.
constexpr char kHeader[] = "user_id,event_id,occurred_at,role,authority,establishment,sector,simd,content_id,"
                           "action,seconds,rating\r\n";

std::string Row(int n, const std::string& role = "learner") {
  return absl::StrCat("u", n % 4, ",ev-", n, ",2021-01-", 10 + n % 10, "T09:00:00Z,", role,
                      ",GCC,8435028,secondary,3,maths-n5-01,view,60,\r\n");
}

class UsageCsvImportTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
  }

  // Runs an import of `text` cut into `chunk`-byte pieces, in batches of 3.
  absl::Status Import(const std::string& text, size_t chunk, std::vector<CsvProgress>* progress) {
    UsageCsvImport import(*ingest_, metrics_, /*batch_rows=*/3);
    size_t at = 0;
    return import.Run(
        caller_, kNow,
        [&](std::string* out) -> absl::StatusOr<bool> {
          if (at >= text.size()) return false;
          *out = text.substr(at, chunk);
          at += chunk;
          return true;
        },
        [&](const CsvProgress& p) {
          progress->push_back(p);
          return true;
        });
  }

  server::Caller caller_{"platform", "trace-1", "", "ingest", {}, "/wp.westos.v1.UsageService/ImportUsageCsv"};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  prometheus::Registry registry_;
  IngestMetrics metrics_{registry_, "westos"};  // ingest_metrics_test.cc tests what it counts
};

TEST_P(UsageCsvImportTest, RowsAreStoredInBatchesAndProblemsNameTheirLines) {
  std::string text = kHeader;
  for (int n = 0; n < 7; ++n) text += Row(n);
  text += Row(99, "pupil");  // line 9: a bad role
  text += Row(2);            // line 10: a duplicate of line 4
  text += "u1,bad\xff" "id,2021-01-10T09:00:00Z,learner,GCC,,,,m,view,1,\r\n";  // line 11: invalid UTF-8
  std::vector<CsvProgress> progress;
  ASSERT_TRUE(Import(text, 7, &progress).ok());
  ASSERT_EQ(progress.size(), 4u);  // three batches of 3, then the end
  const CsvProgress& last = progress.back();
  EXPECT_TRUE(last.done);
  EXPECT_EQ(last.rows, 10);
  EXPECT_EQ(last.totals.accepted, 7);
  EXPECT_EQ(last.totals.duplicates, 1);
  EXPECT_EQ(last.totals.rejected, 2);
  std::vector<RowProblem> problems;
  for (const CsvProgress& p : progress) problems.insert(problems.end(), p.problems.begin(), p.problems.end());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].line, 9);
  EXPECT_EQ(problems[0].field, "role");
  EXPECT_EQ(problems[1].line, 11);
  EXPECT_EQ(problems[1].outcome, Outcome::kRejected);

  // The same file again: all duplicates, no problems but the two bad rows.
  progress.clear();
  ASSERT_TRUE(Import(text, 1 << 20, &progress).ok());
  EXPECT_EQ(progress.back().totals.accepted, 0);
  EXPECT_EQ(progress.back().totals.duplicates, 8);
}

TEST_P(UsageCsvImportTest, AFileWithoutTheColumnsItNeedsIsRefusedBeforeAnyRow) {
  std::vector<CsvProgress> progress;
  absl::Status s = Import("event_id,occurred_at,user_id\nev-1,2021-01-10T09:00:00Z,u1\n", 5, &progress);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("role"), std::string::npos) << s;
  EXPECT_TRUE(progress.empty());
}

TEST_P(UsageCsvImportTest, ExtraColumnsAreIgnoredAndListed) {
  std::vector<CsvProgress> progress;
  const std::string text = "event_id,occurred_at,user_id,role,authority,content_id,action,platform_note\n"
                           "ev-1,2021-01-10T09:00:00Z,u1,teacher,Inverclyde,lesson-1,play,hello\n";
  ASSERT_TRUE(Import(text, 4, &progress).ok());
  EXPECT_EQ(progress.back().totals.accepted, 1);
  ASSERT_EQ(progress.back().ignored_columns.size(), 1u);
  EXPECT_EQ(progress.back().ignored_columns[0], "platform_note");
}

WP_INSTANTIATE_ON_EVERY_ENGINE(UsageCsvImportTest);

}  // namespace
}  // namespace wp::westos
