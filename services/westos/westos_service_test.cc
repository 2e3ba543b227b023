// End to end: the westos binary as a real process, against a real
// nats-server, redis-server and store (SQLite file or PostgreSQL: each test
// runs on both). Usage arrives over the batch stream with a result per
// event, a kill -9 mid-stream loses nothing acknowledged and a re-send
// counts nothing twice, bad input names its field, every RPC is in the
// access policy, and /metrics counts what ingestion answered.
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/auth/roles.h"
#include "libs/runtime/platform_policy.h"
#include "libs/testing/metrics_scrape.h"
#include "libs/testing/policy_walk.h"
#include "libs/testing/server_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "services/westos/access_policy.h"
#include "services/westos/testing/westos_test_service.h"
#include "wp/westos/v1/content.grpc.pb.h"
#include "wp/westos/v1/targets.grpc.pb.h"
#include "wp/westos/v1/privacy.grpc.pb.h"
#include "wp/westos/v1/statements.grpc.pb.h"
#include "wp/westos/v1/usage.grpc.pb.h"

namespace wp::westos {
namespace {

void Prepare(grpc::ClientContext* ctx, auth::Role role = auth::Role::kIngest,
             std::vector<std::string> authorities = {}) {
  Authorize(ctx, role, "westos-test", std::move(authorities));
}

google::protobuf::Timestamp At(int year, int month, int day, int hour = 10) {
  google::protobuf::Timestamp t;
  t.set_seconds(absl::ToUnixSeconds(absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0),
                                                     absl::UTCTimeZone())));
  return t;
}

v1::UsageEvent Event(const std::string& id, const std::string& user, int day = 18,
                     const std::string& authority = "GCC") {
  v1::UsageEvent e;
  e.set_event_id(id);
  *e.mutable_occurred_at() = At(2021, 1, day);
  e.set_user_id(user);
  e.set_role(v1::LEARNER);
  e.set_authority(authority);
  e.set_establishment("8435028");
  e.set_sector(v1::SECONDARY);
  e.set_simd(2);
  e.set_content_id("maths-n5-01");
  e.set_action(v1::VIEW);
  e.set_seconds(300);
  return e;
}

v1::IngestUsageRequest Batch(const std::vector<v1::UsageEvent>& events) {
  v1::IngestUsageRequest request;
  for (const v1::UsageEvent& e : events) *request.add_events() = e;
  return request;
}

v1::QueryUsageRequest January() {
  v1::QueryUsageRequest request;
  request.mutable_from()->set_year(2021);
  request.mutable_from()->set_month(1);
  request.mutable_from()->set_day(1);
  request.mutable_to()->set_year(2021);
  request.mutable_to()->set_month(1);
  request.mutable_to()->set_day(31);
  return request;
}

// An xAPI statement the built-in mapping reads as a usage event.
std::string XapiStatement(const std::string& id, const std::string& user, const std::string& verb) {
  return absl::StrCat(R"({"id": ")", id, R"(", "actor": {"account": {"homePage": "https://p.example", "name": ")",
                      user, R"("}}, "verb": {"id": ")", verb,
                      R"("}, "object": {"id": "https://content.example/lessons/maths-n5-01"},)",
                      R"( "context": {"extensions": {"https://wp.example/xapi/role": "learner",)",
                      R"( "https://wp.example/xapi/authority": "GCC"}}, "timestamp": "2021-01-18T10:00:00Z"})");
}

// A statement voiding the statement `target`.
std::string XapiVoiding(const std::string& id, const std::string& target) {
  return absl::StrCat(R"({"id": ")", id, R"(", "actor": {"account": {"homePage": "h", )",
                      R"("name": "admin"}}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, )",
                      R"("object": {"objectType": "StatementRef", "id": ")", target, R"("}})");
}

class WestosServiceTest : public WestosEndToEndTest {
 protected:
  // Sends the batches over one stream; returns the responses received
  // (fewer when the stream broke) and the stream's final status.
  std::vector<v1::IngestUsageResponse> Send(const std::vector<v1::IngestUsageRequest>& batches,
                                            grpc::Status* status = nullptr,
                                            const std::function<void(size_t)>& on_response = nullptr) {
    auto stub = Stub<v1::UsageService>();
    grpc::ClientContext ctx;
    Prepare(&ctx);
    auto stream = stub->IngestUsage(&ctx);
    std::vector<v1::IngestUsageResponse> responses;
    for (const v1::IngestUsageRequest& batch : batches) {
      if (!stream->Write(batch)) break;
      v1::IngestUsageResponse response;
      if (!stream->Read(&response)) break;
      responses.push_back(response);
      if (on_response) on_response(responses.size());
    }
    stream->WritesDone();
    grpc::Status s = stream->Finish();
    if (status != nullptr) *status = s;
    return responses;
  }

  absl::StatusOr<v1::UsageReport> Query(const v1::QueryUsageRequest& request, auth::Role role = auth::Role::kAnalyst,
                                        std::vector<std::string> authorities = {}) {
    auto stub = Stub<v1::UsageService>();
    grpc::ClientContext ctx;
    Prepare(&ctx, role, authorities);
    v1::UsageReport report;
    grpc::Status s = stub->QueryUsage(&ctx, request, &report);
    if (!s.ok()) return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
    return report;
  }
};

TEST_P(WestosServiceTest, BatchesGetAResultPerEventAndPeopleAreCountedOnce) {
  std::vector<v1::UsageEvent> first;
  for (int i = 0; i < 6; ++i) first.push_back(Event(absl::StrCat("e", i), absl::StrCat("u", i % 5), 18 + i % 2));
  v1::UsageEvent conflicting = Event("e1", "u1");
  conflicting.set_seconds(1);
  v1::UsageEvent bad = Event("e-bad", "u1");
  bad.clear_role();
  const std::vector<v1::IngestUsageResponse> responses =
      Send({Batch(first), Batch({Event("e0", "u0", 18), conflicting, bad, Event("e6", "u6", 25, "INV")})});
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].batch().accepted(), 6);
  ASSERT_EQ(responses[1].results_size(), 4);
  EXPECT_EQ(responses[1].results(0).outcome(), v1::DUPLICATE);
  EXPECT_EQ(responses[1].results(1).outcome(), v1::CONFLICT);
  EXPECT_EQ(responses[1].results(2).outcome(), v1::REJECTED);
  EXPECT_EQ(responses[1].results(2).field(), "role");
  EXPECT_EQ(responses[1].results(2).event_id(), "e-bad");
  EXPECT_EQ(responses[1].results(3).outcome(), v1::ACCEPTED);
  EXPECT_EQ(responses[1].stream().accepted(), 7);
  EXPECT_EQ(responses[1].stream().rejected(), 1);

  absl::StatusOr<v1::UsageReport> report = Query(January());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().views(), 7);
  EXPECT_EQ(report->total().distinct_users(), 6);  // u0..u4 in Glasgow, u6 in Inverclyde

  v1::QueryUsageRequest by_authority = January();
  by_authority.add_group_by(v1::AUTHORITY);
  by_authority.set_period(v1::ISO_WEEK);
  report = Query(by_authority);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->rows_size(), 2);
  EXPECT_EQ(report->rows(0).keys(0), "GCC");
  EXPECT_EQ(report->rows(0).figures().distinct_users(), 5);
  EXPECT_EQ(report->rows(1).keys(0), "INV");
  EXPECT_EQ(report->rows(1).period_start().day(), 25);

  // An authority officer sees their own authority only.
  report = Query(January(), auth::Role::kAuthorityOfficer, {"INV"});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().views(), 1);
  v1::QueryUsageRequest glasgow = January();
  glasgow.mutable_filter()->add_authorities("Glasgow City");
  EXPECT_EQ(Query(glasgow, auth::Role::kAuthorityOfficer, {"INV"}).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_P(WestosServiceTest, EveryBadFieldIsRejectedByNameAndTheRestOfTheBatchGoesOn) {
  struct Case {
    const char* field;
    std::function<void(v1::UsageEvent&)> spoil;
  };
  const std::vector<Case> cases = {
      {"event_id", [](v1::UsageEvent& e) { e.clear_event_id(); }},
      {"event_id", [](v1::UsageEvent& e) { e.set_event_id(std::string(129, 'x')); }},
      {"occurred_at", [](v1::UsageEvent& e) { e.clear_occurred_at(); }},
      {"occurred_at", [](v1::UsageEvent& e) { *e.mutable_occurred_at() = At(1999, 12, 31); }},
      {"occurred_at", [](v1::UsageEvent& e) { e.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(2))); }},
      {"user_id", [](v1::UsageEvent& e) { e.clear_user_id(); }},
      {"user_id", [](v1::UsageEvent& e) { e.set_user_id(std::string(129, 'u')); }},
      {"establishment", [](v1::UsageEvent& e) { e.set_establishment(std::string(65, 's')); }},
      {"role", [](v1::UsageEvent& e) { e.set_role(static_cast<v1::UserRole>(9)); }},
      {"authority", [](v1::UsageEvent& e) { e.set_authority("Atlantis"); }},
      {"sector", [](v1::UsageEvent& e) { e.set_sector(static_cast<v1::Sector>(9)); }},
      {"simd", [](v1::UsageEvent& e) { e.set_simd(7); }},
      {"content_id", [](v1::UsageEvent& e) { e.clear_content_id(); }},
      {"action", [](v1::UsageEvent& e) { e.clear_action(); }},
      {"seconds", [](v1::UsageEvent& e) { e.set_seconds(-1); }},
      {"seconds", [](v1::UsageEvent& e) { e.set_seconds(86401); }},
      {"rating", [](v1::UsageEvent& e) { e.set_rating(6); }},
      {"rating", [](v1::UsageEvent& e) { e.set_action(v1::RATE); }},
  };
  // (Invalid UTF-8 cannot reach this path: proto3 strings are UTF-8 on the
  // wire and a message that breaks that is refused whole. The CSV path,
  // where it can arrive, rejects it per row: usage_csv_test.)
  std::vector<v1::UsageEvent> events;
  for (size_t i = 0; i < cases.size(); ++i) {
    v1::UsageEvent e = Event(absl::StrCat("bad-", i), "u1");
    cases[i].spoil(e);
    events.push_back(e);
  }
  events.push_back(Event("good", "u1"));
  grpc::Status sent;
  const std::vector<v1::IngestUsageResponse> responses = Send({Batch(events)}, &sent);
  ASSERT_EQ(responses.size(), 1u) << sent.error_message();
  ASSERT_EQ(responses[0].results_size(), static_cast<int>(events.size()));
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(responses[0].results(i).outcome(), v1::REJECTED) << i;
    EXPECT_EQ(responses[0].results(i).field(), cases[i].field) << i << ": " << responses[0].results(i).reason();
    EXPECT_FALSE(responses[0].results(i).reason().empty()) << i;
  }
  EXPECT_EQ(responses[0].results(cases.size()).outcome(), v1::ACCEPTED);

  // A batch over the limit ends the stream with INVALID_ARGUMENT; the batch
  // before it stays committed.
  std::vector<v1::UsageEvent> huge(20001, Event("x", "u1"));
  grpc::Status status;
  const std::vector<v1::IngestUsageResponse> cut = Send({Batch({Event("before", "u2")}), Batch(huge)}, &status);
  EXPECT_EQ(cut.size(), 1u);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("events"), std::string::npos) << status.error_message();
  v1::QueryUsageRequest glasgow = January();
  glasgow.mutable_filter()->add_authorities("GCC");  // one authority: small counts shown
  absl::StatusOr<v1::UsageReport> report = Query(glasgow);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().views(), 2);  // "good" and "before"

  v1::QueryUsageRequest backwards = January();
  backwards.mutable_to()->set_year(2020);
  EXPECT_EQ(Query(backwards).status().code(), absl::StatusCode::kInvalidArgument);
  v1::QueryUsageRequest twice = January();
  twice.add_group_by(v1::ROLE);
  twice.add_group_by(v1::ROLE);
  absl::Status twice_status = Query(twice).status();
  EXPECT_EQ(twice_status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(twice_status.message().find("group_by"), std::string::npos) << twice_status;
}

TEST_P(WestosServiceTest, AKillMidStreamLosesNothingAcknowledgedAndAResendCountsNothingTwice) {
  constexpr int kBatches = 40, kPerBatch = 200;
  std::vector<v1::IngestUsageRequest> batches;
  for (int b = 0; b < kBatches; ++b) {
    std::vector<v1::UsageEvent> events;
    for (int i = 0; i < kPerBatch; ++i) {
      const int n = b * kPerBatch + i;
      events.push_back(Event(absl::StrCat("k", n), absl::StrCat("u", n % 700), 4 + n % 20));
    }
    batches.push_back(Batch(events));
  }
  // Kill the service while a client streams: after its fifth answer, while
  // the client sends the sixth batch.
  std::vector<v1::IngestUsageResponse> acknowledged;
  absl::Notification fifth_answer;
  std::thread client([&] {
    acknowledged = Send(batches, nullptr, [&](size_t answered) {
      if (answered == 5) fifth_answer.Notify();
    });
  });
  fifth_answer.WaitForNotification();
  westos().Kill();
  client.join();
  ASSERT_LT(acknowledged.size(), static_cast<size_t>(kBatches)) << "the kill came after the last batch";
  ASSERT_TRUE(westos().Start().ok());

  // The client re-sends everything: what was acknowledged is a duplicate.
  grpc::Status status;
  const std::vector<v1::IngestUsageResponse> again = Send(batches, &status);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(again.size(), static_cast<size_t>(kBatches));
  for (size_t b = 0; b < acknowledged.size(); ++b) {
    EXPECT_EQ(again[b].batch().duplicates(), kPerBatch) << "batch " << b;
  }
  EXPECT_EQ(again.back().stream().accepted() + again.back().stream().duplicates(), kBatches * kPerBatch);
  absl::StatusOr<v1::UsageReport> report = Query(January());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().views(), kBatches * kPerBatch);
  EXPECT_EQ(report->total().distinct_users(), 700);
}

// xAPI statements through the process with its built-in mapping: a result
// per statement, each accepted one served back exactly as sent, a voiding
// statement retracting its event, and a request over the limit refused.
TEST_P(WestosServiceTest, XapiStatementsAreAnsweredOneByOneKeptAndVoided) {
  const std::string completed = "http://adlnet.gov/expapi/verbs/completed";
  const std::string first = XapiStatement("6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "u1", completed);
  auto stub = Stub<v1::StatementService>();
  auto send = [&](const std::string& text, v1::SendStatementsResponse* response) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::SendStatementsRequest request;
    request.set_statements(text);
    return stub->SendStatements(&ctx, request, response);
  };
  v1::SendStatementsResponse response;
  ASSERT_TRUE(send(absl::StrCat("[", first, ",", XapiStatement("6690e6c9-3ef0-4ed3-8b37-7f3964730bef", "u2", completed),
                                ",", XapiStatement("6690e6c9-3ef0-4ed3-8b37-7f3964730bf0", "u3", "https://x.example/poked"),
                                ",", XapiStatement("6690e6c9-3ef0-4ed3-8b37-7f3964730bf1", "u\xFF", completed), "]"),
                   &response)
                  .ok());
  ASSERT_EQ(response.results_size(), 4);
  EXPECT_EQ(response.results(0).outcome(), v1::ACCEPTED);
  EXPECT_EQ(response.results(1).outcome(), v1::ACCEPTED);
  EXPECT_EQ(response.results(2).outcome(), v1::REJECTED);
  EXPECT_EQ(response.results(2).field(), "verb.id");
  EXPECT_NE(response.results(2).reason().find("https://x.example/poked"), std::string::npos);
  EXPECT_EQ(response.results(3).outcome(), v1::REJECTED);
  EXPECT_EQ(response.results(3).index(), 3);
  EXPECT_EQ(response.totals().accepted(), 2);
  EXPECT_EQ(response.unknown_verbs(), 1);

  auto get = [&](const std::string& id, v1::StoredStatement* stored) {
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::GetStatementRequest request;
    request.set_statement_id(id);
    return stub->GetStatement(&ctx, request, stored);
  };
  v1::StoredStatement stored;
  ASSERT_TRUE(get("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE", &stored).ok());
  EXPECT_EQ(stored.statement(), first);
  EXPECT_FALSE(stored.voided());

  ASSERT_TRUE(
      send(XapiVoiding("0f6b2c1e-9a7d-4c3b-8e5f-1a2b3c4d5e6f", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"), &response)
          .ok());
  ASSERT_EQ(response.results_size(), 1);
  EXPECT_EQ(response.results(0).outcome(), v1::ACCEPTED) << response.results(0).reason();
  EXPECT_EQ(response.voided(), 1);
  ASSERT_TRUE(get("6690e6c9-3ef0-4ed3-8b37-7f3964730bee", &stored).ok());
  EXPECT_TRUE(stored.voided());
  EXPECT_EQ(stored.voided_by(), "0f6b2c1e-9a7d-4c3b-8e5f-1a2b3c4d5e6f");
  v1::QueryUsageRequest glasgow = January();
  glasgow.mutable_filter()->add_authorities("GCC");
  absl::StatusOr<v1::UsageReport> report = Query(glasgow);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->total().completions(), 1);
  EXPECT_EQ(report->total().distinct_users(), 1);

  // Bad requests: named by field.
  EXPECT_EQ(get("nope", &stored).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(get("00000000-0000-0000-0000-000000000000", &stored).error_code(), grpc::StatusCode::NOT_FOUND);
  grpc::Status s = send("not json", &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("statements"), std::string::npos) << s.error_message();
  s = send("", &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  s = send(std::string(16 * 1024 * 1024 + 1, ' '), &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("statements"), std::string::npos) << s.error_message();
}

// Privacy through the process: a purge leaves every figure as it was, an
// erasure takes one person out, a purged event re-sent is a duplicate, and
// bad requests name their field.
TEST_P(WestosServiceTest, PurgeKeepsFiguresAndErasureTakesAPersonOut) {
  std::vector<v1::UsageEvent> events;
  for (int user = 0; user < 8; ++user) {
    for (int day = 10; day <= 20; day += 5) {
      events.push_back(Event(absl::StrCat("p-", user, "-", day), absl::StrCat("person-", user), day,
                             user % 2 == 0 ? "GCC" : "REN"));
    }
  }
  ASSERT_EQ(Send({Batch(events)}).at(0).batch().accepted(), 24);
  v1::QueryUsageRequest by_day = January();
  by_day.set_period(v1::DAY);
  by_day.add_group_by(v1::AUTHORITY);
  absl::StatusOr<v1::UsageReport> before = Query(by_day);
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_EQ(before->total().distinct_users(), 8);

  auto stub = Stub<v1::UsagePrivacyService>();
  auto purge = [&](int day, bool dry_run, v1::PurgeEventsResponse* response) {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAdmin);
    v1::PurgeEventsRequest request;
    request.mutable_before()->set_year(2021);
    request.mutable_before()->set_month(1);
    request.mutable_before()->set_day(day);
    request.set_dry_run(dry_run);
    return stub->PurgeEvents(&ctx, request, response);
  };
  v1::PurgeEventsResponse purged;
  ASSERT_TRUE(purge(16, /*dry_run=*/true, &purged).ok());
  EXPECT_EQ(purged.days(), 2);
  EXPECT_EQ(purged.events(), 16);
  EXPECT_EQ(purged.users(), 8);
  ASSERT_TRUE(purge(16, /*dry_run=*/false, &purged).ok());
  EXPECT_EQ(purged.events(), 16);
  absl::StatusOr<v1::UsageReport> after = Query(by_day);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->DebugString(), before->DebugString());
  EXPECT_EQ(Send({Batch({events[0]})}).at(0).batch().duplicates(), 1);

  auto erase = [&](const std::string& user, const std::string& reason, v1::EraseUserResponse* response) {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAdmin);
    v1::EraseUserRequest request;
    request.set_user_id(user);
    request.set_reason(reason);
    return stub->EraseUser(&ctx, request, response);
  };
  v1::EraseUserResponse erased;
  ASSERT_TRUE(erase("person-0", "ticket 42", &erased).ok());
  EXPECT_TRUE(erased.found());
  EXPECT_EQ(erased.events(), 3);
  EXPECT_EQ(erased.days(), 3);
  v1::QueryUsageRequest glasgow = January();
  glasgow.mutable_filter()->add_authorities("GCC");
  absl::StatusOr<v1::UsageReport> left = Query(glasgow);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->total().distinct_users(), 3);
  EXPECT_EQ(left->total().views(), 9);
  ASSERT_TRUE(erase("person-0", "ticket 42", &erased).ok());
  EXPECT_FALSE(erased.found());

  // Bad requests name their field.
  grpc::Status s = erase("", "ticket 43", &erased);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("user_id"), std::string::npos) << s.error_message();
  s = erase("person-1", "erase person-1", &erased);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("reason"), std::string::npos) << s.error_message();
  s = purge(32, false, &purged);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("before"), std::string::npos) << s.error_message();
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, auth::Role::kAdmin);
    v1::PurgeEventsRequest request;
    request.mutable_before()->set_year(2999);
    request.mutable_before()->set_month(1);
    request.mutable_before()->set_day(1);
    s = stub->PurgeEvents(&ctx, request, &purged);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(s.error_message().find("before"), std::string::npos) << s.error_message();
  }
}

TEST_P(WestosServiceTest, EveryRpcIsInThePolicyAndEnforced) {
  // Naming messages links content.proto's and targets.proto's descriptors into this test.
  ASSERT_NE(v1::ContentItem::descriptor(), nullptr);
  ASSERT_NE(v1::GetReachRequest::descriptor(), nullptr);
  wp::testing::ExpectEveryRpcGuarded(
      westos().channel(),
      {"wp.westos.v1.UsageService", "wp.westos.v1.ContentService", "wp.westos.v1.UsageTargetService",
       "wp.westos.v1.StatementService", "wp.westos.v1.UsagePrivacyService"},
      AccessPolicy());
}

WP_INSTANTIATE_ON_EVERY_ENGINE(WestosServiceTest);

// The same process with its metrics endpoint on, read as Prometheus would.
class WestosMetricsTest : public WestosServiceTest {
 protected:
  std::vector<std::string> WestosFlags() const override { return {absl::StrCat("--metrics_port=", metrics_port_)}; }

  const int metrics_port_ = wp::testing::FreePort();
};

// Ingestion series: each committed batch's results by path (gRPC stream,
// CSV import, xAPI statements) and outcome, its size, and the events a
// retraction or a voiding statement retracted.
TEST_P(WestosMetricsTest, IngestionSeriesCountWhatCommittedBatchesAnswered) {
  v1::UsageEvent conflicting = Event("m1", "u1");
  conflicting.set_seconds(1);
  v1::UsageEvent bad = Event("m-bad", "u1");
  bad.clear_role();
  const std::vector<v1::IngestUsageResponse> responses =
      Send({Batch({Event("m0", "u0"), Event("m1", "u1")}),
            Batch({Event("m0", "u0"), conflicting, bad, Event("m2", "u2")})});
  ASSERT_EQ(responses.size(), 2u);
  {
    auto stub = Stub<v1::UsageService>();
    grpc::ClientContext ctx;
    Prepare(&ctx);
    v1::RetractUsageEventsRequest request;
    request.add_event_ids("m2");
    request.add_event_ids("m-never-sent");
    request.set_reason("sent by mistake");
    v1::RetractUsageEventsResponse response;
    const grpc::Status s = stub->RetractUsageEvents(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(response.retracted(), 1);
  }
  {
    // One batch of three rows: new, repeated within the batch, unreadable.
    auto stub = Stub<v1::UsageService>();
    grpc::ClientContext ctx;
    Prepare(&ctx);
    auto stream = stub->ImportUsageCsv(&ctx);
    const std::string row = ",GCC,8435028,secondary,3,maths-n5-01,view,60,\r\n";
    v1::ImportUsageCsvRequest request;
    request.set_chunk(absl::StrCat(
        "user_id,event_id,occurred_at,role,authority,establishment,sector,simd,content_id,action,seconds,rating\r\n",
        "u1,c0,2021-01-11T09:00:00Z,learner", row, "u1,c0,2021-01-11T09:00:00Z,learner", row,
        "u2,c1,2021-01-11T09:00:00Z,alien", row));
    ASSERT_TRUE(stream->Write(request));
    stream->WritesDone();
    v1::ImportUsageCsvProgress progress, last;
    while (stream->Read(&progress)) last = progress;
    const grpc::Status s = stream->Finish();
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_TRUE(last.done());
    ASSERT_EQ(last.totals().accepted(), 1);
    ASSERT_EQ(last.totals().duplicates(), 1);
    ASSERT_EQ(last.totals().rejected(), 1);
  }

  {
    // A statement, then one voiding it: two accepted, one event retracted.
    auto stub = Stub<v1::StatementService>();
    const std::string target = "6690e6c9-3ef0-4ed3-8b37-7f3964730b00";
    for (const std::string& text : {XapiStatement(target, "u3", "http://adlnet.gov/expapi/verbs/completed"),
                                    XapiVoiding("6690e6c9-3ef0-4ed3-8b37-7f3964730b01", target)}) {
      grpc::ClientContext ctx;
      Prepare(&ctx);
      v1::SendStatementsRequest request;
      request.set_statements(text);
      v1::SendStatementsResponse response;
      const grpc::Status s = stub->SendStatements(&ctx, request, &response);
      ASSERT_TRUE(s.ok()) << s.error_message();
      ASSERT_EQ(response.totals().accepted(), 1);
    }
  }

  const std::string text = wp::testing::ScrapeMetrics(metrics_port_);
  ASSERT_FALSE(text.empty());
  auto events = [&](const std::string& path, const std::string& outcome) {
    return wp::testing::MetricValue(
        text, "wp_westos_usage_events_total",
        {"service=\"westos\"", absl::StrCat("path=\"", path, "\""), absl::StrCat("outcome=\"", outcome, "\"")});
  };
  EXPECT_EQ(events("grpc", "accepted"), 3);
  EXPECT_EQ(events("grpc", "duplicate"), 1);
  EXPECT_EQ(events("grpc", "conflict"), 1);
  EXPECT_EQ(events("grpc", "rejected"), 1);
  EXPECT_EQ(events("csv", "accepted"), 1);
  EXPECT_EQ(events("csv", "duplicate"), 1);
  EXPECT_EQ(events("csv", "conflict"), 0);
  EXPECT_EQ(events("csv", "rejected"), 1);
  EXPECT_EQ(events("xapi", "accepted"), 2);
  EXPECT_EQ(events("xapi", "rejected"), 0);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_batch_events_count", {"path=\"grpc\""}), 2);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_batch_events_sum", {"path=\"grpc\""}), 6);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_batch_events_count", {"path=\"csv\""}), 1);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_retractions_total", {"path=\"grpc\""}), 1);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_batch_events_count", {"path=\"xapi\""}), 2);
  EXPECT_EQ(wp::testing::MetricValue(text, "wp_westos_usage_retractions_total", {"path=\"xapi\""}), 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(WestosMetricsTest);

}  // namespace
}  // namespace wp::westos
