#include "libs/runtime/platform_policy.h"

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/rpc_walk.h"
#include "libs/changes/change_feed_service.h"
#include "wp/common/v1/audit.pb.h"
#include "wp/common/v1/changes.pb.h"
#include "wp/common/v1/logging.pb.h"
#include "wp/common/v1/outbox.pb.h"
#include "wp/common/v1/status.pb.h"
#include "wp/common/v1/store_admin.pb.h"

namespace wp::runtime {
namespace {

// The services the runtime registers in every service (service_runtime.cc).
const std::vector<std::string> kPlatformServices = {
    "wp.common.v1.AuditService", "wp.common.v1.OutboxAdminService", "wp.common.v1.StoreAdminService",
    "wp.common.v1.LoggingService", "wp.common.v1.StatusService", "wp.common.v1.ChangeFeedService"};

TEST(PlatformPolicyTest, NamesEveryPlatformRpcAndNothingElse) {
  // Naming a message of each file links its descriptors, which AllMethods reads.
  ASSERT_TRUE(common::v1::AuditRecord::descriptor() && common::v1::DeadLetter::descriptor() &&
              common::v1::Backup::descriptor() && common::v1::LogSettings::descriptor() &&
              common::v1::GetStatusResponse::descriptor() && common::v1::Change::descriptor());
  const std::vector<std::string> methods = wp::testing::AllMethods(kPlatformServices);
  const authz::RoleTable table = PlatformPolicy();
  std::set<std::string> named;
  for (const auto& [method, roles] : table) named.insert(method);
  EXPECT_EQ(named, std::set<std::string>(methods.begin(), methods.end()));
}

TEST(PlatformPolicyTest, AdminRpcsAreAdminsOnlyAndStatusIsForReaders) {
  const authz::RoleTable table = PlatformPolicy();
  EXPECT_EQ(table.at("/wp.common.v1.StoreAdminService/BackupStore"), authz::AdminsOnly());
  EXPECT_EQ(table.at("/wp.common.v1.LoggingService/SetLogLevel"), authz::AdminsOnly());
  EXPECT_EQ(table.at("/wp.common.v1.OutboxAdminService/RedriveDeadLetters"), authz::AdminsOnly());
  EXPECT_EQ(table.at("/wp.common.v1.StatusService/GetStatus"), authz::Readers());
  EXPECT_EQ(table.at("/wp.common.v1.ChangeFeedService/WatchChanges"), changes::ChangeFeedReaders());
}

TEST(PlatformPolicyTest, AServiceTableKeepsItsRowsAndGainsThePlatformRows) {
  const authz::RoleTable own = {{"/wp.examples.v1.NoticesService/PostNotice", authz::Readers()}};
  const authz::RoleTable merged = ServicePolicy(own);
  EXPECT_EQ(merged.size(), PlatformPolicy().size() + 1);
  EXPECT_EQ(merged.at("/wp.examples.v1.NoticesService/PostNotice"), authz::Readers());
  EXPECT_EQ(merged.at("/wp.common.v1.AuditService/ListAuditRecords"), authz::AdminsOnly());
}

}  // namespace
}  // namespace wp::runtime
