// End-to-end security of the governance service binary: every RPC against
// every role, an authority officer scoped to its own population figures,
// and the audit trail readable by admins only.
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/runtime/platform_policy.h"
#include "libs/testing/rpc_walk.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "services/governance/access_policy.h"
#include "wp/common/v1/audit.grpc.pb.h"
#include "wp/common/v1/logging.grpc.pb.h"
#include "wp/common/v1/changes.grpc.pb.h"
#include "wp/common/v1/outbox.grpc.pb.h"
#include "wp/common/v1/status.grpc.pb.h"
#include "wp/common/v1/store_admin.grpc.pb.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"

namespace wp::governance {
namespace {

using auth::Role;
using wp::testing::TestBearer;

const std::vector<std::string> kServices = {"wp.governance.v1.GovernanceService",
                                            "wp.governance.v1.PlansService",
                                            "wp.common.v1.AuditService",
                                            "wp.common.v1.OutboxAdminService",
                                            "wp.common.v1.StatusService",
                                            "wp.common.v1.LoggingService",
                                            "wp.common.v1.StoreAdminService",
                                            "wp.common.v1.ChangeFeedService"};

class GovernanceSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    wp::testing::ServiceOptions options;
    options.binary = WP_GOVERNANCE_BIN;
    options.data_dir = wp::testing::MakeTempDir("wp-governance-security");
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<wp::testing::ServiceProcess>(std::move(options));
    absl::Status s = service_->Start();
    ASSERT_TRUE(s.ok()) << s;
  }
  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  grpc::Status UpdatePopulation(const std::string& bearer, const std::string& code) {
    auto stub = v1::GovernanceService::NewStub(service_->channel());
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", bearer);
    v1::UpdatePopulationRequest request;
    request.mutable_population()->set_name(absl::StrCat("authorities/", code, "/populations/2022-23"));
    request.mutable_population()->set_learners(1000);
    request.mutable_population()->set_teachers_and_practitioners(80);
    request.mutable_population()->set_establishments(10);
    request.set_allow_missing(true);
    v1::Population population;
    return stub->UpdatePopulation(&ctx, request, &population);
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
};

// Descriptors are registered by the generated code linked in; naming each
// service here makes sure all of it is, so AllMethods sees every RPC.
const bool kServicesLinked = v1::Population::descriptor() != nullptr &&
                             v1::Plan::descriptor() != nullptr &&
                             wp::common::v1::AuditRecord::descriptor() != nullptr &&
                             wp::common::v1::DeadLetter::descriptor() != nullptr &&
                             wp::common::v1::GetStatusResponse::descriptor() != nullptr &&
                             wp::common::v1::LogSettings::descriptor() != nullptr &&
                             wp::common::v1::Backup::descriptor() != nullptr &&
                             wp::common::v1::Change::descriptor() != nullptr;

TEST_F(GovernanceSecurityTest, EveryRpcIsInThePolicy) {
  ASSERT_TRUE(kServicesLinked);
  const authz::RoleTable table = runtime::ServicePolicy(AccessPolicy());  // as the runtime enforces it
  const std::vector<std::string> methods = wp::testing::AllMethods(kServices);
  // 32 + 26 + the audit trail + two dead-letter + status + two log-level + two backup + three change feed RPCs
  EXPECT_EQ(methods.size(), 69u);
  for (const std::string& method : methods) {
    EXPECT_EQ(table.count(method), 1u) << method << " is missing from the access policy";
  }
  EXPECT_EQ(table.size(), methods.size()) << "the policy names an RPC that does not exist";
}

TEST_F(GovernanceSecurityTest, EveryRpcAgainstEveryRole) {
  const authz::RoleTable table = runtime::ServicePolicy(AccessPolicy());  // as the runtime enforces it
  for (const std::string& method : wp::testing::AllMethods(kServices)) {
    EXPECT_EQ(wp::testing::CallRaw(service_->channel(), method, "").error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << method;
    for (Role role : auth::AllRoles()) {
      const std::vector<std::string> authorities =
          role == Role::kAuthorityOfficer ? std::vector<std::string>{"GCC"} : std::vector<std::string>{};
      grpc::Status s =
          wp::testing::CallRaw(service_->channel(), method, TestBearer(role, "walker", authorities));
      if (table.at(method).count(role) == 1) {
        EXPECT_NE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << auth::RoleName(role) << " " << method << ": " << s.error_message();
        EXPECT_NE(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
      } else {
        EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role) << " " << method;
      }
    }
  }
}

TEST_F(GovernanceSecurityTest, AuthorityOfficerUpdatesOnlyItsOwnPopulation) {
  const std::string glasgow = TestBearer(Role::kAuthorityOfficer, "glasgow.officer", {"GCC"});
  EXPECT_TRUE(UpdatePopulation(glasgow, "GCC").ok());
  grpc::Status other = UpdatePopulation(glasgow, "INV");
  EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED) << other.error_message();
  EXPECT_TRUE(UpdatePopulation(TestBearer(Role::kOfficer, "core.team"), "INV").ok());
  // A partner reads the denominators but cannot change them.
  EXPECT_EQ(UpdatePopulation(TestBearer(Role::kPartner, "other.region"), "INV").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(GovernanceSecurityTest, DeadLettersAreForAdminsOnly) {
  auto outbox = wp::common::v1::OutboxAdminService::NewStub(service_->channel());
  auto list = [&](Role role, wp::common::v1::ListDeadLettersResponse* out) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(role, "reader"));
    return outbox->ListDeadLetters(&ctx, wp::common::v1::ListDeadLettersRequest(), out);
  };
  wp::common::v1::ListDeadLettersResponse letters;
  EXPECT_EQ(list(Role::kBoard, &letters).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(list(Role::kAdmin, &letters).ok());
  EXPECT_EQ(letters.total(), 0);
}

TEST_F(GovernanceSecurityTest, ChangesAreAuditedForAdminsOnly) {
  ASSERT_TRUE(UpdatePopulation(TestBearer(Role::kOfficer, "core.team"), "REN").ok());
  auto audit = wp::common::v1::AuditService::NewStub(service_->channel());
  wp::common::v1::ListAuditRecordsRequest request;
  request.set_resource("authorities/REN/populations/2022-23");
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(Role::kAdmin, "auditor"));
    wp::common::v1::ListAuditRecordsResponse response;
    grpc::Status s = audit->ListAuditRecords(&ctx, request, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(response.records_size(), 1);
    EXPECT_EQ(response.records(0).subject(), "core.team");
    EXPECT_EQ(response.records(0).method(), "/wp.governance.v1.GovernanceService/UpdatePopulation");
  }
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(Role::kOfficer, "core.team"));
    wp::common::v1::ListAuditRecordsResponse response;
    EXPECT_EQ(audit->ListAuditRecords(&ctx, request, &response).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
}

// Through the binary: an update's record shows each field before and after,
// a person's name masked, and is found by a time range alone.
TEST_F(GovernanceSecurityTest, AnUpdatesAuditRecordShowsWhatChangedWithNamesMasked) {
  auto gov = v1::GovernanceService::NewStub(service_->channel());
  const std::string officer = TestBearer(Role::kOfficer, "core.team");
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", officer);
    v1::CreatePersonRequest request;
    request.set_person_id("jane-smith");
    request.mutable_person()->set_display_name("Jane Smith");
    request.mutable_person()->set_organisation("Education Scotland");
    v1::Person person;
    grpc::Status s = gov->CreatePerson(&ctx, request, &person);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", officer);
    v1::UpdatePersonRequest request;
    request.mutable_person()->set_name("people/jane-smith");
    request.mutable_person()->set_display_name("Jane Brown");
    request.mutable_person()->set_organisation("University of Glasgow");
    request.mutable_update_mask()->add_paths("display_name");
    request.mutable_update_mask()->add_paths("organisation");
    v1::Person person;
    grpc::Status s = gov->UpdatePerson(&ctx, request, &person);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  auto audit = wp::common::v1::AuditService::NewStub(service_->channel());
  auto list = [&](const wp::common::v1::ListAuditRecordsRequest& request) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(Role::kAdmin, "auditor"));
    wp::common::v1::ListAuditRecordsResponse response;
    grpc::Status s = audit->ListAuditRecords(&ctx, request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return response;
  };
  wp::common::v1::ListAuditRecordsRequest by_person;
  by_person.set_resource("people/jane-smith");
  wp::common::v1::ListAuditRecordsResponse trail = list(by_person);
  ASSERT_EQ(trail.records_size(), 2);
  EXPECT_EQ(trail.records(0).changes_size(), 0);  // a create has no before
  const wp::common::v1::AuditRecord& update = trail.records(1);
  EXPECT_EQ(update.method(), "/wp.governance.v1.GovernanceService/UpdatePerson");
  ASSERT_EQ(update.changes_size(), 2) << update.DebugString();
  EXPECT_EQ(update.changes(0).field(), "display_name");
  EXPECT_EQ(update.changes(0).before(), "(personal data)");
  EXPECT_EQ(update.changes(0).after(), "(personal data)");
  EXPECT_EQ(update.changes(1).field(), "organisation");
  EXPECT_EQ(update.changes(1).before(), "Education Scotland");
  EXPECT_EQ(update.changes(1).after(), "University of Glasgow");
  EXPECT_EQ(update.DebugString().find("Jane"), std::string::npos);

  // A time range alone: from the update's own time on finds just it.
  wp::common::v1::ListAuditRecordsRequest by_time;
  *by_time.mutable_from_time() = update.time();
  wp::common::v1::ListAuditRecordsResponse recent = list(by_time);
  ASSERT_GE(recent.records_size(), 1);
  EXPECT_EQ(recent.records(recent.records_size() - 1).id(), update.id());
  for (const auto& r : recent.records()) EXPECT_GE(r.id(), update.id());
}

}  // namespace
}  // namespace wp::governance
