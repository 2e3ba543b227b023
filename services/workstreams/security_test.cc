// End-to-end security of the workstreams service binary: every RPC against
// every role, missing and bad tokens, authority scope, the audit trail, TLS
// (with and without client certificates), and secrets kept out of the logs.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/auth/token_minter.h"
#include "libs/runtime/platform_policy.h"
#include "libs/testing/rpc_walk.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "services/workstreams/access_policy.h"
#include "wp/common/v1/audit.grpc.pb.h"
#include "wp/common/v1/logging.grpc.pb.h"
#include "wp/common/v1/changes.grpc.pb.h"
#include "wp/common/v1/outbox.grpc.pb.h"
#include "wp/common/v1/status.grpc.pb.h"
#include "wp/common/v1/store_admin.grpc.pb.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/projects.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::workstreams {
namespace {

using auth::Role;
using wp::testing::TestBearer;

constexpr const char* kServices[] = {"wp.workstreams.v1.WorkstreamsService",
                                     "wp.workstreams.v1.NetworksService",
                                     "wp.workstreams.v1.ProjectsService",
                                     "wp.common.v1.AuditService",
                                     "wp.common.v1.OutboxAdminService",
                                     "wp.common.v1.StatusService",
                                     "wp.common.v1.LoggingService",
                                     "wp.common.v1.StoreAdminService",
                                     "wp.common.v1.ChangeFeedService"};

std::string ReadAll(const std::string& path) { return wp::testing::ReadFileOrEmpty(path); }

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
  }
  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  wp::testing::ServiceOptions Options() {
    wp::testing::ServiceOptions options;
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = wp::testing::MakeTempDir("wp-security");
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    return options;
  }

  void Start(wp::testing::ServiceOptions options) {
    service_ = std::make_unique<wp::testing::ServiceProcess>(std::move(options));
    absl::Status s = service_->Start();
    ASSERT_TRUE(s.ok()) << s;
  }

  grpc::Status CallRaw(const std::string& method, const std::string& authorization) {
    return wp::testing::CallRaw(service_->channel(), method, authorization);
  }

  static std::vector<std::string> AllMethods() {
    // Naming a message links the status service's descriptors in.
    (void)wp::common::v1::GetStatusResponse::descriptor();
    (void)v1::ProjectChanged::descriptor();
    return wp::testing::AllMethods({std::begin(kServices), std::end(kServices)});
  }

  wp::testing::NatsServer nats_;
  wp::testing::RedisServer redis_;
  std::unique_ptr<wp::testing::ServiceProcess> service_;
};

TEST_F(SecurityTest, EveryRpcIsInThePolicy) {
  // Links the logging service's descriptors in, so AllMethods sees its RPCs.
  ASSERT_NE(wp::common::v1::LogSettings::descriptor(), nullptr);
  const authz::RoleTable table = runtime::ServicePolicy(AccessPolicy());  // as the runtime enforces it
  for (const std::string& method : AllMethods()) {
    EXPECT_EQ(table.count(method), 1u) << method << " is missing from the access policy";
  }
  EXPECT_EQ(table.size(), AllMethods().size()) << "the policy names an RPC that does not exist";
}

TEST_F(SecurityTest, EveryRpcAgainstEveryRole) {
  Start(Options());
  const authz::RoleTable table = runtime::ServicePolicy(AccessPolicy());  // as the runtime enforces it
  for (const std::string& method : AllMethods()) {
    EXPECT_EQ(CallRaw(method, "").error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
    for (Role role : auth::AllRoles()) {
      const std::vector<std::string> authorities =
          role == Role::kAuthorityOfficer ? std::vector<std::string>{"GCC"} : std::vector<std::string>{};
      grpc::Status s = CallRaw(method, TestBearer(role, "walker", authorities));
      const bool allowed = table.at(method).count(role) == 1;
      if (allowed) {
        EXPECT_NE(s.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << auth::RoleName(role) << " " << method << ": " << s.error_message();
        EXPECT_NE(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
      } else {
        EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << auth::RoleName(role) << " " << method;
      }
    }
  }
}

TEST_F(SecurityTest, BadTokensAreUnauthenticatedAndHealthStaysOpen) {
  Start(Options());
  const std::string method = "/wp.workstreams.v1.WorkstreamsService/ListWorkstreams";
  auto expect_unauthenticated = [&](const std::string& authorization, const std::string& reason) {
    grpc::Status s = CallRaw(method, authorization);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << authorization;
    EXPECT_TRUE(absl::StrContains(s.error_message(), reason)) << s.error_message();
  };
  expect_unauthenticated("", "no credentials");
  expect_unauthenticated("Basic abc", "Bearer");
  expect_unauthenticated("Bearer not-a-token", "token");

  auth::MintOptions options;
  options.issuer = wp::testing::kTestIssuer;
  options.audience = wp::testing::kTestAudience;
  options.subject = "someone";
  options.role = Role::kAdmin;
  options.hs256_secret = "a-different-secret-of-enough-length-0123456789";
  expect_unauthenticated("Bearer " + *auth::MintToken(options, absl::Now()), "signature");
  options.hs256_secret = wp::testing::kTestJwtSecret;
  options.ttl = absl::Minutes(5);
  expect_unauthenticated("Bearer " + *auth::MintToken(options, absl::Now() - absl::Hours(2)), "expired");
  options.ttl = absl::Hours(1);
  options.audience = "another-service";
  expect_unauthenticated("Bearer " + *auth::MintToken(options, absl::Now()), "audience");

  EXPECT_TRUE(wp::testing::WaitForServing(service_->channel(), absl::Seconds(5)));
}

TEST_F(SecurityTest, AuthorityOfficerActsOnlyForItsAuthority) {
  Start(Options());
  auto stub = v1::NetworksService::NewStub(service_->channel());
  auto tracker = v1::WorkstreamsService::NewStub(service_->channel());
  const std::string officer = TestBearer(Role::kOfficer, "core.team");
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", officer);
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2022-23");
    request.mutable_workstream()->set_number(3);
    request.mutable_workstream()->set_title("Curriculum");
    v1::Workstream ws;
    ASSERT_TRUE(tracker->CreateWorkstream(&ctx, request, &ws).ok());
  }
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", officer);
    v1::CreateNetworkRequest request;
    request.set_network_id("maths-leads");
    request.mutable_network()->set_title("Maths leads");
    request.mutable_network()->set_kind(v1::SPECIALIST_NETWORK);
    request.mutable_network()->set_owning_workstream("planPeriods/2022-23/workstreams/3");
    for (const char* code : {"GCC", "SLC"}) {
      auto* c = request.mutable_network()->add_coordinators();
      c->set_authority(code);
      c->set_person(absl::StrCat("Coordinator ", code));
    }
    v1::Network network;
    ASSERT_TRUE(stub->CreateNetwork(&ctx, request, &network).ok());
  }
  const std::string glasgow = TestBearer(Role::kAuthorityOfficer, "glasgow.officer", {"GCC"});
  v1::Network answer;
  auto set = [&](const char* authority) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", glasgow);
    v1::SetCoordinatorRequest request;
    request.set_name("networks/maths-leads");
    request.mutable_coordinator()->set_authority(authority);
    request.mutable_coordinator()->set_person("New Person");
    return stub->SetCoordinator(&ctx, request, &answer);
  };
  EXPECT_TRUE(set("GCC").ok());
  ASSERT_EQ(answer.coordinators_size(), 1);  // the answer is scoped too
  EXPECT_EQ(answer.coordinators(0).authority(), "GCC");
  EXPECT_EQ(set("SLC").error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Reads: other authorities' coordinator names are withheld.
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", glasgow);
  v1::GetNetworkRequest get;
  get.set_name("networks/maths-leads");
  v1::Network seen;
  ASSERT_TRUE(stub->GetNetwork(&ctx, get, &seen).ok());
  ASSERT_EQ(seen.coordinators_size(), 1);
  EXPECT_EQ(seen.coordinators(0).authority(), "GCC");
  EXPECT_EQ(seen.coordinators(0).person(), "New Person");
}

TEST_F(SecurityTest, DeadLettersAreForAdminsOnly) {
  Start(Options());
  auto outbox = wp::common::v1::OutboxAdminService::NewStub(service_->channel());
  auto list = [&](Role role, wp::common::v1::ListDeadLettersResponse* out) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(role, "reader"));
    return outbox->ListDeadLetters(&ctx, wp::common::v1::ListDeadLettersRequest(), out);
  };
  wp::common::v1::ListDeadLettersResponse letters;
  EXPECT_EQ(list(Role::kOfficer, &letters).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(list(Role::kAdmin, &letters).ok());
  EXPECT_EQ(letters.total(), 0);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", TestBearer(Role::kOfficer, "officer"));
  wp::common::v1::RedriveDeadLettersRequest all;
  all.set_all(true);
  wp::common::v1::RedriveDeadLettersResponse redriven;
  EXPECT_EQ(outbox->RedriveDeadLetters(&ctx, all, &redriven).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, BackupsAreForAdminsOnlyAndAudited) {
  wp::testing::ServiceOptions options = Options();
  const std::string data_dir = options.data_dir;
  Start(options);
  auto store = wp::common::v1::StoreAdminService::NewStub(service_->channel());
  auto backup = [&](Role role, const std::string& label, wp::common::v1::Backup* out) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(role, "ada.admin"));
    wp::common::v1::BackupStoreRequest request;
    request.set_label(label);
    return store->BackupStore(&ctx, request, out);
  };
  wp::common::v1::Backup taken;
  EXPECT_EQ(backup(Role::kOfficer, "", &taken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // The client names no path: a label that could be one is refused.
  EXPECT_EQ(backup(Role::kAdmin, "../../etc", &taken).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_TRUE(backup(Role::kAdmin, "nightly", &taken).ok());
  EXPECT_TRUE(absl::StartsWith(taken.name(), "workstreams-")) << taken.name();
  EXPECT_TRUE(absl::EndsWith(taken.name(), "-nightly.db")) << taken.name();
  EXPECT_EQ(taken.path(), data_dir + "/backups/" + taken.name());

  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", TestBearer(Role::kOfficer, "officer"));
  wp::common::v1::ListBackupsResponse listed;
  EXPECT_EQ(store->ListBackups(&ctx, {}, &listed).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  grpc::ClientContext admin;
  admin.AddMetadata("authorization", TestBearer(Role::kAdmin, "ada.admin"));
  ASSERT_TRUE(store->ListBackups(&admin, {}, &listed).ok());
  ASSERT_EQ(listed.backups_size(), 1);
  EXPECT_EQ(listed.backups(0).name(), taken.name());

  auto audit = wp::common::v1::AuditService::NewStub(service_->channel());
  grpc::ClientContext audit_ctx;
  audit_ctx.AddMetadata("authorization", TestBearer(Role::kAdmin, "reader"));
  wp::common::v1::ListAuditRecordsRequest by_resource;
  by_resource.set_resource("backups/" + taken.name());
  wp::common::v1::ListAuditRecordsResponse records;
  grpc::Status listed_audit = audit->ListAuditRecords(&audit_ctx, by_resource, &records);
  ASSERT_TRUE(listed_audit.ok()) << listed_audit.error_message();
  ASSERT_EQ(records.records_size(), 1);
  EXPECT_EQ(records.records(0).subject(), "ada.admin");
  EXPECT_EQ(records.records(0).method(), "/wp.common.v1.StoreAdminService/BackupStore");
}

// The change feed carries whole records, unscoped: readers of every record
// only (not partner, not the scoped authority_officer).
TEST_F(SecurityTest, TheChangeFeedIsForReadersOfEveryRecord) {
  Start(Options());
  auto feed = wp::common::v1::ChangeFeedService::NewStub(service_->channel());
  auto list = [&](Role role) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(role, "feed", role == Role::kAuthorityOfficer
                                                                  ? std::vector<std::string>{"GCC"}
                                                                  : std::vector<std::string>{}));
    wp::common::v1::ListChangesRequest request;
    wp::common::v1::ListChangesResponse response;
    return feed->ListChanges(&ctx, request, &response).error_code();
  };
  EXPECT_EQ(list(Role::kAnalyst), grpc::StatusCode::OK);
  EXPECT_EQ(list(Role::kAdmin), grpc::StatusCode::OK);
  EXPECT_EQ(list(Role::kPartner), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(list(Role::kAuthorityOfficer), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(list(Role::kIngest), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, ChangesAreAuditedForAdminsOnly) {
  Start(Options());
  auto tracker = v1::WorkstreamsService::NewStub(service_->channel());
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(Role::kOfficer, "fiona.officer"));
    v1::CreateWorkstreamRequest request;
    request.mutable_workstream()->set_plan_period("2022-23");
    request.mutable_workstream()->set_number(1);
    request.mutable_workstream()->set_title("Wellbeing for Learning");
    v1::Workstream ws;
    ASSERT_TRUE(tracker->CreateWorkstream(&ctx, request, &ws).ok());
  }
  auto audit = wp::common::v1::AuditService::NewStub(service_->channel());
  auto list = [&](Role role, wp::common::v1::ListAuditRecordsResponse* out) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", TestBearer(role, "reader"));
    wp::common::v1::ListAuditRecordsRequest request;
    request.set_subject("fiona.officer");
    return audit->ListAuditRecords(&ctx, request, out);
  };
  wp::common::v1::ListAuditRecordsResponse records;
  EXPECT_EQ(list(Role::kOfficer, &records).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(list(Role::kAdmin, &records).ok());
  ASSERT_EQ(records.records_size(), 1);
  EXPECT_EQ(records.records(0).subject(), "fiona.officer");
  EXPECT_EQ(records.records(0).role(), "officer");
  EXPECT_EQ(records.records(0).method(), "/wp.workstreams.v1.WorkstreamsService/CreateWorkstream");
  EXPECT_EQ(records.records(0).resource(), "planPeriods/2022-23/workstreams/1");
  EXPECT_EQ(records.records(0).summary(), "workstream.created");
}

TEST_F(SecurityTest, Rs256TokensFromAnIdentityProvider) {
  // The deployment shape: the service holds only the public key; tokens are
  // signed elsewhere with the private key.
  const std::string dir = wp::testing::MakeTempDir("wp-rs256");
  ASSERT_EQ(std::system(absl::StrCat("cd ", dir,
                                     " && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048"
                                     " -out private.pem >/dev/null 2>&1 && openssl pkey -in private.pem"
                                     " -pubout -out public.pem >/dev/null 2>&1")
                            .c_str()),
            0);
  wp::testing::ServiceOptions options = Options();
  options.extra_flags = {"--jwt_rs256_public_key_file=" + dir + "/public.pem"};
  options.jwt_secret = "";  // no shared secret at all
  Start(options);

  auth::MintOptions mint;
  mint.issuer = wp::testing::kTestIssuer;
  mint.audience = wp::testing::kTestAudience;
  mint.subject = "idp-user";
  mint.role = Role::kAnalyst;
  mint.rs256_private_key_pem = ReadAll(dir + "/private.pem");
  auto token = auth::MintToken(mint, absl::Now());
  ASSERT_TRUE(token.ok()) << token.status();
  const std::string method = "/wp.workstreams.v1.WorkstreamsService/ListWorkstreams";
  EXPECT_TRUE(CallRaw(method, "Bearer " + *token).ok());
  // An HS256 token is refused: no secret is configured, whatever it was signed with.
  EXPECT_EQ(CallRaw(method, TestBearer(Role::kAdmin)).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

// Self-signed certificates for 127.0.0.1/localhost, made with the openssl tool.
struct Certificates {
  std::string dir, ca_cert, server_cert, server_key, client_cert, client_key;
};

Certificates MakeCertificates() {
  Certificates c;
  c.dir = wp::testing::MakeTempDir("wp-tls");
  c.ca_cert = c.dir + "/ca.pem";
  c.server_cert = c.dir + "/server.pem";
  c.server_key = c.dir + "/server.key";
  c.client_cert = c.dir + "/client.pem";
  c.client_key = c.dir + "/client.key";
  const std::string d = c.dir;
  const std::string script = absl::StrCat(
      "set -e; cd ", d, "; ",
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=test-ca "
      ">/dev/null 2>&1; ",
      "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1' > san.ext; ",
      "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost "
      ">/dev/null 2>&1; ",
      "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem "
      "-days 2 -extfile san.ext >/dev/null 2>&1; ",
      "openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=client "
      ">/dev/null 2>&1; ",
      "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem "
      "-days 2 >/dev/null 2>&1");
  EXPECT_EQ(std::system(script.c_str()), 0);
  return c;
}

bool HealthyOver(const std::string& address, std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  auto channel = grpc::CreateCustomChannel(address, credentials, args);
  return wp::testing::WaitForServing(channel, absl::Seconds(3));
}

TEST_F(SecurityTest, TlsWhenConfigured) {
  const Certificates certs = MakeCertificates();
  wp::testing::ServiceOptions options = Options();
  options.tls_cert_file = certs.server_cert;
  options.tls_key_file = certs.server_key;
  options.tls_root_file = certs.ca_cert;
  Start(options);
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadAll(certs.ca_cert);
  EXPECT_TRUE(HealthyOver(service_->address(), grpc::SslCredentials(ssl)));
  EXPECT_FALSE(HealthyOver(service_->address(), grpc::InsecureChannelCredentials()));
  const std::string log = ReadAll(service_->log_path());
  EXPECT_TRUE(absl::StrContains(log, "serving gRPC over TLS")) << log;
  EXPECT_FALSE(absl::StrContains(log, "plaintext"));
}

TEST_F(SecurityTest, ClientCertificatesRequiredWhenAClientCaIsSet) {
  const Certificates certs = MakeCertificates();
  wp::testing::ServiceOptions options = Options();
  options.tls_cert_file = certs.server_cert;
  options.tls_key_file = certs.server_key;
  options.tls_root_file = certs.ca_cert;
  options.tls_client_ca_file = certs.ca_cert;
  options.client_cert_file = certs.client_cert;
  options.client_key_file = certs.client_key;
  Start(options);
  grpc::SslCredentialsOptions without_cert;
  without_cert.pem_root_certs = ReadAll(certs.ca_cert);
  EXPECT_FALSE(HealthyOver(service_->address(), grpc::SslCredentials(without_cert)));
  grpc::SslCredentialsOptions with_cert = without_cert;
  with_cert.pem_cert_chain = ReadAll(certs.client_cert);
  with_cert.pem_private_key = ReadAll(certs.client_key);
  EXPECT_TRUE(HealthyOver(service_->address(), grpc::SslCredentials(with_cert)));
}

TEST_F(SecurityTest, PlaintextIsRefusedUnlessAllowedAndSaidInTheLog) {
  // Allowed (the test default): the log says so.
  Start(Options());
  EXPECT_TRUE(absl::StrContains(ReadAll(service_->log_path()), "serving plaintext gRPC"));
  service_->Stop();
  service_.reset();
  // Not allowed and no certificate: the service refuses to start.
  wp::testing::ServiceOptions options = Options();
  wp::testing::ServerProcess process(
      {options.binary, "--port=0", "--data_dir=" + options.data_dir, "--nats_url=" + options.nats_url,
       "--redis_url=" + options.redis_url, std::string("--jwt_hs256_secret=") + wp::testing::kTestJwtSecret},
      options.data_dir + "/refused.log");
  ASSERT_TRUE(process.Start().ok());
  const int status = process.WaitForExit(absl::Seconds(20));
  EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) != 0) << status;
  EXPECT_TRUE(absl::StrContains(ReadAll(options.data_dir + "/refused.log"), "no TLS certificate"));
}

TEST_F(SecurityTest, SecretsNeverReachTheLogs) {
  const std::string nats_password = "nats-password-SHOULD-NOT-BE-LOGGED";
  const std::string redis_password = "redis-password-SHOULD-NOT-BE-LOGGED";
  wp::testing::ServiceOptions options = Options();
  options.extra_flags = {"--nats_user=svc", "--nats_password=" + nats_password,
                         "--redis_password=" + redis_password};
  // NATS and Redis here take no credentials, so the service keeps retrying
  // and logging: the best moment for a secret to leak.
  service_ = std::make_unique<wp::testing::ServiceProcess>(options);
  ASSERT_TRUE(service_->Start().ok());
  const std::string token = wp::testing::TestToken(Role::kAdmin, "admin");
  CallRaw("/wp.workstreams.v1.WorkstreamsService/ListWorkstreams", "Bearer " + token + "x");
  CallRaw("/wp.workstreams.v1.WorkstreamsService/ListWorkstreams", "Bearer " + token);
  service_->Stop();
  const std::string log = ReadAll(service_->log_path());
  EXPECT_FALSE(log.empty());
  for (const std::string& secret :
       {nats_password, redis_password, std::string(wp::testing::kTestJwtSecret), token}) {
    EXPECT_FALSE(absl::StrContains(log, secret)) << "leaked: " << secret.substr(0, 12) << "...";
  }
  service_.reset();
}

}  // namespace
}  // namespace wp::workstreams
