// Usage reports through a real redis-server: a repeat is answered from
// Redis, a committed change (a new generation) is not, and the key tells
// requests and callers' scopes apart.
#include "services/westos/rollups/cached_usage_queries.h"

#include <memory>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/test_store.h"
#include "services/westos/ingest/usage_ingest.h"
#include "services/westos/migrations.h"

namespace wp::westos {
namespace {

// One authority's January: a split across authorities would hide counts
// under 5 people.
v1::QueryUsageRequest January(const std::string& authority = "") {
  v1::QueryUsageRequest request;
  if (!authority.empty()) request.mutable_filter()->add_authorities(authority);
  request.mutable_from()->set_year(2021);
  request.mutable_from()->set_month(1);
  request.mutable_from()->set_day(1);
  request.mutable_to()->set_year(2021);
  request.mutable_to()->set_month(1);
  request.mutable_to()->set_day(31);
  return request;
}

IngestItem Viewed(const std::string& id, const std::string& user, const std::string& authority) {
  UsageEvent e;
  e.event_id = id;
  e.occurred_at = absl::FromCivil(absl::CivilSecond(2021, 1, 18, 10, 0, 0), absl::UTCTimeZone());
  e.user_id = user;
  e.role = Role::kLearner;
  e.authority = authority;
  e.sector = Sector::kSecondary;
  e.content_id = "maths-n5-01";
  e.action = Action::kView;
  e.seconds = 60;
  IngestItem item;
  item.event_id = id;
  item.event = std::move(e);
  return item;
}

class CachedUsageQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(redis_server_.Start().ok());
    cache::RedisOptions options;
    options.port = redis_server_.port();
    redis_ = std::make_unique<cache::RedisClient>(options);
    cache_ = std::make_unique<cache::CacheAside>(redis_.get());
    auto db = wp::testing::TestStore(wp::testing::Engine::kSqlite).Open(Migrations());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    locator_ = std::make_unique<EventLocator>(db_->engine());
    ingest_ = std::make_unique<UsageIngest>(*db_, *locator_);
    queries_ = std::make_unique<UsageQueries>(*db_, days_);
    cached_ = std::make_unique<CachedUsageQueries>(*queries_, cache_.get(), generation_, "store-1");
  }

  void Ingest(std::vector<IngestItem> items) {
    const int64_t sent = static_cast<int64_t>(items.size());
    absl::StatusOr<BatchResult> result = ingest_->Ingest(platform_, items);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_EQ(result->totals.accepted, sent) << result->results[0].field << ": " << result->results[0].reason;
  }

  int64_t Views(const server::Caller& caller, const v1::QueryUsageRequest& request) {
    absl::StatusOr<v1::UsageReport> report = cached_->Query(caller, request);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? report->total().views() : -1;
  }

  wp::testing::RedisServer redis_server_;
  std::unique_ptr<cache::RedisClient> redis_;
  std::unique_ptr<cache::CacheAside> cache_;
  cache::DataGeneration generation_{1};
  std::unique_ptr<store::Database> db_;
  DayIndexCache days_{64 << 20};
  std::unique_ptr<EventLocator> locator_;
  std::unique_ptr<UsageIngest> ingest_;
  std::unique_ptr<UsageQueries> queries_;
  std::unique_ptr<CachedUsageQueries> cached_;
  server::Caller platform_{"platform", "t", "", "ingest", {}, "/wp.westos.v1.UsageService/IngestUsage"};
  server::Caller analyst_{"ana", "t", "", "analyst", {}, "/wp.westos.v1.UsageService/QueryUsage"};
};

TEST_F(CachedUsageQueriesTest, ARepeatIsAnsweredFromRedisUntilTheGenerationMoves) {
  Ingest({Viewed("e1", "u1", "GCC"), Viewed("e2", "u2", "GCC")});
  EXPECT_EQ(Views(analyst_, January("GCC")), 2);
  EXPECT_EQ(Views(analyst_, January("GCC")), 2);
  EXPECT_EQ(cache_->stats().computations, 1);
  EXPECT_EQ(cache_->stats().hits, 1);

  // A change committed without moving the generation is not seen: the
  // cached report stands (this is what the generation is for).
  Ingest({Viewed("e3", "u3", "GCC")});
  EXPECT_EQ(Views(analyst_, January("GCC")), 2);
  // The runtime moves the generation on after every commit: recomputed.
  generation_.AdvanceTo(2);
  EXPECT_EQ(Views(analyst_, January("GCC")), 3);
  EXPECT_EQ(cache_->stats().computations, 2);
}

TEST_F(CachedUsageQueriesTest, AnAuthorityOfficerGetsOnlyTheirOwnAuthoritysReport) {
  Ingest({Viewed("e1", "u1", "GCC"), Viewed("e2", "u2", "ERC"), Viewed("e3", "u3", "ERC")});
  EXPECT_EQ(Views(analyst_, January("ERC")), 2);
  // The same request from officers of different authorities: never one
  // officer's report for another.
  server::Caller glasgow{"officer", "t", "", "authority_officer", {"GCC"}, "/wp.westos.v1.UsageService/QueryUsage"};
  EXPECT_EQ(Views(glasgow, January()), 1);
  server::Caller renfrew{"officer2", "t", "", "authority_officer", {"ERC"}, "/wp.westos.v1.UsageService/QueryUsage"};
  EXPECT_EQ(Views(renfrew, January()), 2);
  EXPECT_EQ(cache_->stats().computations, 3);
}

TEST_F(CachedUsageQueriesTest, ErrorsAreNotCached) {
  v1::QueryUsageRequest backwards = January();
  backwards.mutable_to()->set_year(2020);
  EXPECT_EQ(cached_->Query(analyst_, backwards).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(cached_->Query(analyst_, backwards).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(cache_->stats().computations, 2);
}

TEST(UsageReportQueryKey, NamesTheRequestAndTheCallersScope) {
  const server::Caller analyst{"a", "", "", "analyst", {}, ""};
  const server::Caller officer_ab{"o", "", "", "authority_officer", {"GCC", "ERC"}, ""};
  const server::Caller officer_ba{"o2", "", "", "authority_officer", {"ERC", "GCC"}, ""};
  v1::QueryUsageRequest by_authority = January();
  by_authority.add_group_by(v1::AUTHORITY);
  EXPECT_EQ(UsageReportQueryKey(analyst, January()), UsageReportQueryKey(analyst, January()));
  EXPECT_NE(UsageReportQueryKey(analyst, January()), UsageReportQueryKey(analyst, by_authority));
  EXPECT_NE(UsageReportQueryKey(analyst, January()), UsageReportQueryKey(officer_ab, January()));
  EXPECT_EQ(UsageReportQueryKey(officer_ab, January()), UsageReportQueryKey(officer_ba, January()));
}

}  // namespace
}  // namespace wp::westos
