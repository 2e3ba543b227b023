// xAPI statements on either store engine, read back through GetStatement
// and the usage queries: each statement answered on its own, kept exactly
// as received, counted once, and voided by a voiding statement.
#include "services/westos/statements/statement_intake.h"

#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "libs/testing/test_store.h"
#include "services/westos/migrations.h"
#include "services/westos/rollups/usage_query.h"
#include "services/westos/statements/xapi_mapping_config.h"

namespace wp::westos {
namespace {

const absl::Time kNow = absl::FromCivil(absl::CivilSecond(2021, 3, 1, 12, 0, 0), absl::UTCTimeZone());

constexpr char kPlayed[] = "https://w3id.org/xapi/video/verbs/played";
constexpr char kVoided[] = "http://adlnet.gov/expapi/verbs/voided";

std::string Id(int n) { return absl::StrCat("00000000-0000-4000-8000-", absl::StrFormat("%012d", n)); }

// A statement of the default mapping; `timestamp` empty leaves it out.
std::string Statement(const std::string& id, const std::string& user, const std::string& verb = kPlayed,
                      const std::string& timestamp = "2021-01-18T09:15:02.250Z", int seconds = 90) {
  return absl::StrCat(R"({"id": ")", id, R"(", "actor": {"account": {"homePage": "https://p.example", "name": ")",
                      user, R"("}}, "verb": {"id": ")", verb,
                      R"("}, "object": {"id": "https://content.example/lessons/maths-n5-01"},)",
                      R"( "result": {"duration": "PT)", seconds, R"(S"},)",
                      R"( "context": {"extensions": {"https://wp.example/xapi/role": "learner",)",
                      R"( "https://wp.example/xapi/authority": "GCC", "https://wp.example/xapi/sector": "secondary"}})",
                      timestamp.empty() ? "" : absl::StrCat(R"(, "timestamp": ")", timestamp, R"(")"), "}");
}

std::string Voiding(const std::string& id, const std::string& target) {
  return absl::StrCat(R"({"id": ")", id, R"(", "actor": {"account": {"homePage": "https://p.example", "name": "admin"}},)",
                      R"( "verb": {"id": ")", kVoided, R"("}, "object": {"objectType": "StatementRef", "id": ")", target,
                      R"("}})");
}

std::string Array(const std::vector<std::string>& statements) {
  return absl::StrCat("[", absl::StrJoin(statements, ",\n"), "]");
}

class StatementIntakeTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    auto db = wp::testing::TestStore(GetParam()).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    absl::StatusOr<XapiMapping> mapping = LoadXapiMapping("");
    ASSERT_TRUE(mapping.ok()) << mapping.status();
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
    intake_ = std::make_unique<StatementIntake>(*db_, *ingest_, *mapping);
    queries_ = std::make_unique<UsageQueries>(*db_, cache_);
  }

  StatementBatch Send(const std::string& text) {
    absl::StatusOr<StatementBatch> batch = intake_->Send(caller_, text, kNow);
    EXPECT_TRUE(batch.ok()) << batch.status();
    return batch.ok() ? *batch : StatementBatch{};
  }

  // Glasgow's January: few enough people to be shown within one authority.
  v1::UsageFigures January() {
    v1::QueryUsageRequest request;
    request.mutable_from()->set_year(2021);
    request.mutable_from()->set_month(1);
    request.mutable_from()->set_day(1);
    request.mutable_to()->set_year(2021);
    request.mutable_to()->set_month(1);
    request.mutable_to()->set_day(31);
    request.mutable_filter()->add_authorities("GCC");
    absl::StatusOr<v1::UsageReport> report = queries_->Query(caller_, request);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? report->total() : v1::UsageFigures{};
  }

  server::Caller caller_{"platform", "trace-1", "", "ingest", {}, "/wp.westos.v1.StatementService/SendStatements"};
  std::unique_ptr<store::Database> db_;
  DayIndexCache cache_{64 << 20};
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  std::unique_ptr<StatementIntake> intake_;
  std::unique_ptr<UsageQueries> queries_;
};

TEST_P(StatementIntakeTest, AStatementIsCountedAndKeptExactlyAsReceived) {
  const std::string text = Statement(Id(1), "u1");
  StatementBatch batch = Send(text);
  ASSERT_EQ(batch.results.size(), 1u);
  EXPECT_EQ(batch.results[0].outcome, Outcome::kAccepted) << batch.results[0].reason;
  EXPECT_EQ(batch.results[0].statement_id, Id(1));
  EXPECT_EQ(batch.totals.accepted, 1);
  EXPECT_EQ(January().plays(), 1);
  EXPECT_EQ(January().minutes(), 1.5);
  EXPECT_EQ(January().distinct_users(), 1);

  absl::StatusOr<StoredXapiStatement> stored = intake_->Get(Id(1));
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->json, text);
  EXPECT_TRUE(stored->voided_by.empty());
  EXPECT_EQ(stored->stored_us, absl::ToUnixMicros(kNow));
  // Ids are UUIDs in any letter case.
  const std::string upper = absl::StrReplaceAll(Id(2), {{"-4000-", "-4ABC-"}});
  Send(Statement(upper, "u2"));
  absl::StatusOr<StoredXapiStatement> by_lower = intake_->Get(absl::AsciiStrToLower(upper));
  ASSERT_TRUE(by_lower.ok()) << by_lower.status();
  EXPECT_EQ(by_lower->statement_id, absl::AsciiStrToLower(upper));
  EXPECT_TRUE(intake_->Get(upper).ok());
}

TEST_P(StatementIntakeTest, SameIdIsADuplicateOrAConflictAndTheFirstIsKept) {
  const std::string first = Statement(Id(1), "u1");
  Send(first);
  StatementBatch again = Send(Array({first, Statement(Id(1), "u1", kPlayed, "2021-01-18T09:15:02.250Z", 600)}));
  ASSERT_EQ(again.results.size(), 2u);
  EXPECT_EQ(again.results[0].outcome, Outcome::kDuplicate);
  EXPECT_EQ(again.results[1].outcome, Outcome::kConflict);
  EXPECT_EQ(again.results[1].field, "id");
  EXPECT_EQ(January().plays(), 1);
  EXPECT_EQ(January().minutes(), 1.5);
  EXPECT_EQ(intake_->Get(Id(1))->json, first);
}

TEST_P(StatementIntakeTest, EachBadStatementIsRejectedWithItsFieldAndTheRestAreTaken) {
  std::string missing_actor = Statement(Id(3), "u3");
  missing_actor = absl::StrReplaceAll(missing_actor, {{R"("actor": {"account": {"homePage": "https://p.example", "name": "u3"}}, )", ""}});
  std::string missing_object = absl::StrReplaceAll(
      Statement(Id(4), "u4"), {{R"("object": {"id": "https://content.example/lessons/maths-n5-01"},)", ""}});
  std::string missing_verb = absl::StrReplaceAll(Statement(Id(5), "u5"), {{absl::StrCat(R"("verb": {"id": ")", kPlayed, R"("}, )"), ""}});
  std::string missing_id = absl::StrReplaceAll(Statement(Id(6), "u6"), {{absl::StrCat(R"("id": ")", Id(6), R"(", )"), ""}});
  std::string bad_utf8 = Statement(Id(7), "u\xC3\x28");
  const StatementBatch batch = Send(Array({
      Statement(Id(1), "u1"),                                                             // 0 fine
      R"({"id": broken})",                                                                // 1 not JSON
      bad_utf8,                                                                           // 2
      missing_id,                                                                         // 3
      missing_actor,                                                                      // 4
      missing_verb,                                                                       // 5
      missing_object,                                                                     // 6
      Statement(Id(8), "u8", kPlayed, ""),                                                // 7 no timestamp
      Statement(Id(9), "u9", kPlayed, "2021-03-01T13:00:00Z"),                            // 8 an hour ahead
      Statement(Id(10), "u10", kPlayed, "1999-12-31T23:59:59Z"),                          // 9 before 2000
      Statement(Id(11), "u11", "https://platform.example/verbs/bookmarked"),              // 10 unknown verb
      Statement(Id(12), "u12"),                                                           // 11 fine
  }));
  ASSERT_EQ(batch.results.size(), 12u);
  auto expect_rejected = [&](size_t i, const std::string& field, const std::string& in_reason = "") {
    SCOPED_TRACE(i);
    EXPECT_EQ(batch.results[i].outcome, Outcome::kRejected);
    EXPECT_EQ(batch.results[i].field, field) << batch.results[i].reason;
    EXPECT_NE(batch.results[i].reason.find(in_reason), std::string::npos) << batch.results[i].reason;
  };
  EXPECT_EQ(batch.results[0].outcome, Outcome::kAccepted);
  expect_rejected(1, "statement", "not a JSON object");
  expect_rejected(2, "statement", "UTF-8");
  expect_rejected(3, "id", "required");
  expect_rejected(4, "actor");
  expect_rejected(5, "verb.id", "required");
  expect_rejected(6, "object.id", "required");
  expect_rejected(7, "timestamp");
  expect_rejected(8, "timestamp");
  expect_rejected(9, "timestamp");
  expect_rejected(10, "verb.id", "https://platform.example/verbs/bookmarked");
  EXPECT_TRUE(batch.results[10].unknown_verb);
  EXPECT_EQ(batch.results[11].outcome, Outcome::kAccepted);
  EXPECT_EQ(batch.totals.accepted, 2);
  EXPECT_EQ(batch.totals.rejected, 10);
  EXPECT_EQ(batch.unknown_verbs, 1);
  EXPECT_EQ(January().plays(), 2);
  // Nothing of a rejected statement is kept.
  EXPECT_EQ(intake_->Get(Id(11)).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(StatementIntakeTest, AVoidingStatementRetractsTheEventOnce) {
  Send(Array({Statement(Id(1), "u1"), Statement(Id(2), "u2")}));
  ASSERT_EQ(January().plays(), 2);
  const std::string voiding = Voiding(Id(100), absl::AsciiStrToUpper(Id(1)));
  StatementBatch batch = Send(voiding);
  ASSERT_EQ(batch.results.size(), 1u);
  EXPECT_EQ(batch.results[0].outcome, Outcome::kAccepted) << batch.results[0].reason;
  EXPECT_EQ(batch.voided, 1);
  EXPECT_EQ(January().plays(), 1);
  EXPECT_EQ(January().distinct_users(), 1);
  absl::StatusOr<StoredXapiStatement> voided = intake_->Get(Id(1));
  ASSERT_TRUE(voided.ok());
  EXPECT_EQ(voided->voided_by, Id(100));
  absl::StatusOr<StoredXapiStatement> voider = intake_->Get(Id(100));
  ASSERT_TRUE(voider.ok());
  EXPECT_EQ(voider->json, voiding);
  EXPECT_EQ(voider->voids, Id(1));

  batch = Send(Array({
      voiding,                        // 0 the same again
      Voiding(Id(100), Id(2)),        // 1 its id, another target
      Voiding(Id(101), Id(1)),        // 2 a second voiding of the same statement
      Voiding(Id(102), Id(999)),      // 3 a statement never received
      Voiding(Id(103), Id(100)),      // 4 a voiding statement
      Statement(Id(100), "u5"),       // 5 an event with a voiding statement's id
      Statement(Id(1), "u1"),         // 6 the voided statement again
  }));
  ASSERT_EQ(batch.results.size(), 7u);
  EXPECT_EQ(batch.results[0].outcome, Outcome::kDuplicate);
  EXPECT_EQ(batch.results[1].outcome, Outcome::kConflict);
  EXPECT_EQ(batch.results[2].outcome, Outcome::kAccepted);
  EXPECT_EQ(batch.results[3].outcome, Outcome::kRejected);
  EXPECT_EQ(batch.results[3].field, "object.id");
  EXPECT_NE(batch.results[3].reason.find(Id(999)), std::string::npos);
  EXPECT_EQ(batch.results[4].outcome, Outcome::kRejected);
  EXPECT_NE(batch.results[4].reason.find("cannot be voided"), std::string::npos);
  EXPECT_EQ(batch.results[5].outcome, Outcome::kConflict);
  EXPECT_EQ(batch.results[6].outcome, Outcome::kDuplicate);
  EXPECT_EQ(batch.voided, 0);
  EXPECT_EQ(January().plays(), 1);
  EXPECT_EQ(intake_->Get(Id(1))->voided_by, Id(100));
  EXPECT_EQ(intake_->Get(Id(102)).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(StatementIntakeTest, AVoidingMayNameAStatementEarlierInTheSameCall) {
  StatementBatch batch = Send(Array({Voiding(Id(100), Id(1)), Statement(Id(1), "u1")}));
  ASSERT_EQ(batch.results.size(), 2u);
  EXPECT_EQ(batch.results[0].outcome, Outcome::kAccepted) << batch.results[0].reason;
  EXPECT_EQ(batch.results[1].outcome, Outcome::kAccepted);
  EXPECT_EQ(batch.voided, 1);
  EXPECT_EQ(January().plays(), 0);
}

TEST_P(StatementIntakeTest, TextThatIsNoStatementIsRefusedWhole) {
  for (const std::string text : {"", "42", "\"a statement\"", "[{}, ", "[1,]"}) {
    absl::StatusOr<StatementBatch> batch = intake_->Send(caller_, text, kNow);
    EXPECT_EQ(batch.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(batch.status().message().find("statements:"), std::string::npos) << batch.status();
  }
  std::vector<std::string> many(kMaxXapiStatementsPerCall + 1, "{}");
  EXPECT_EQ(intake_->Send(caller_, Array(many), kNow).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(January().plays(), 0);
}

TEST_P(StatementIntakeTest, GetNamesABadOrUnknownId) {
  EXPECT_EQ(intake_->Get("not-a-uuid").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(intake_->Get("").status().code(), absl::StatusCode::kInvalidArgument);
  absl::Status unknown = intake_->Get(Id(5)).status();
  EXPECT_EQ(unknown.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(unknown.message().find("statement_id"), std::string::npos);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(StatementIntakeTest);

}  // namespace
}  // namespace wp::westos
