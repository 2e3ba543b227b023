#include "tools/wpctl/audit_views.h"

#include <map>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;

common::AuditRecord Record(int64_t id, int64_t seconds, const std::string& resource) {
  common::AuditRecord r;
  r.set_id(id);
  r.mutable_time()->set_seconds(seconds);
  r.set_subject("fiona.finance");
  r.set_role("officer");
  r.set_method("/wp.governance.v1.PlansService/ReallocateBudget");
  r.set_summary("budget.reallocated");
  r.set_resource(resource);
  return r;
}

TEST(WpctlAuditViews, MergesByTimeThenServiceThenId) {
  std::map<std::string, std::vector<common::AuditRecord>> by_service;
  by_service["workstreams"] = {Record(1, 100, "w/1"), Record(2, 300, "w/2")};
  by_service["governance"] = {Record(7, 200, "g/7"), Record(8, 300, "g/8")};
  by_service["learning"] = {};
  std::vector<std::string> order;
  for (const ServiceAuditRecord& r : MergeAuditRecords(by_service)) order.push_back(r.record.resource());
  EXPECT_EQ(order, (std::vector<std::string>{"w/1", "g/7", "g/8", "w/2"}));
  EXPECT_TRUE(MergeAuditRecords({}).empty());
}

TEST(WpctlAuditViews, TextShowsChangesAndRelatedResources) {
  common::AuditRecord r = Record(1, 1772373600, "plans/p/reallocations/1");
  common::FieldChange* c = r.add_changes();
  c->set_field("amount_pence");
  c->set_before("");
  c->set_after("50000");
  r.add_related_resources("plans/p/budgetLines/a");
  const std::string text = AuditText({{"governance", r}});
  EXPECT_NE(text.find("2026-03-01 14:00:00  governance   fiona.finance"), std::string::npos) << text;
  EXPECT_NE(text.find("ReallocateBudget"), std::string::npos) << text;
  EXPECT_NE(text.find("    amount_pence: (unset) -> 50000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    also: plans/p/budgetLines/a\n"), std::string::npos) << text;
  EXPECT_NE(text.find("1 record\n"), std::string::npos) << text;
  EXPECT_EQ(AuditText({}), "No audit records match.\n");
}

TEST(WpctlAuditViews, ResourceMustBeAFullName) {
  EXPECT_TRUE(CheckAuditResource("plans/2026-27/budgetLines/2026-27-coaching").ok());
  EXPECT_TRUE(CheckAuditResource("planPeriods/2018-21/planItems/1.1").ok());
  EXPECT_TRUE(CheckAuditResource("people/morag-lindsay").ok());
  for (const char* bad : {"2026-27/2026-27-coaching", "", "plans//x", "plans/2026-27/", "/plans/x", "plan-s/x"}) {
    absl::Status status = CheckAuditResource(bad);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(status.message().find("not a full resource name"), std::string::npos) << status;
  }
}

TEST(WpctlAuditViews, CsvQuotesAndJoins) {
  common::AuditRecord r = Record(1, 1772373600, "plans/p/budgetLines/a");
  r.set_summary("said \"hi\", then left");
  common::FieldChange* c = r.add_changes();
  c->set_field("title");
  c->set_before("A");
  c->set_after("B");
  c = r.add_changes();
  c->set_field("spent_pence");
  c->set_before("0");
  c->set_after("10");
  const std::string csv = AuditCsv({{"governance", r}});
  EXPECT_EQ(csv,
            "time,service,actor,role,method,summary,resource,related_resources,changes\n"
            "2026-03-01T14:00:00Z,governance,fiona.finance,officer,"
            "/wp.governance.v1.PlansService/ReallocateBudget,\"said \"\"hi\"\", then left\","
            "plans/p/budgetLines/a,,title: A -> B; spent_pence: 0 -> 10\n");
}

TEST(WpctlAuditViews, ParsesDatesAndTimes) {
  auto from = ParseAuditTime("2026-03-01", "from", false);
  ASSERT_TRUE(from.ok()) << from.status();
  EXPECT_EQ(from->seconds(), 1772323200);
  auto to = ParseAuditTime("2026-03-01", "to", true);
  ASSERT_TRUE(to.ok()) << to.status();
  EXPECT_EQ(to->seconds(), 1772323200 + 86400);
  auto exact = ParseAuditTime("2026-03-01T14:30:00.5Z", "from", false);
  ASSERT_TRUE(exact.ok()) << exact.status();
  EXPECT_EQ(exact->seconds(), 1772375400);
  EXPECT_EQ(exact->nanos(), 500000000);
}

TEST(WpctlAuditViews, DaysTakeTheSharedForms) {
  auto uk = ParseAuditTime("01/03/2026", "from", false);
  ASSERT_TRUE(uk.ok()) << uk.status();
  EXPECT_EQ(uk->seconds(), absl::ToUnixSeconds(absl::FromCivil(absl::CivilDay(2026, 3, 1), absl::UTCTimeZone())));
  EXPECT_TRUE(ParseAuditTime("yesterday", "from", false).ok());
  EXPECT_TRUE(ParseAuditTime("-4w", "to", true).ok());
}

TEST(WpctlAuditViews, BadTimesNameTheOption) {
  for (const char* bad : {"", "last week", "2026-13-01", "2026-02-30", "31/02/2026", "2026-03-01T25:00:00Z"}) {
    auto t = ParseAuditTime(bad, "from", false);
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(t.status().message().find("--from"), std::string::npos) << t.status();
  }
}

}  // namespace
}  // namespace wp::wpctl
