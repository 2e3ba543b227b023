#include "libs/authz/auth_interceptor.h"

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "libs/auth/token_minter.h"

namespace wp::authz {
namespace {

constexpr char kSecret[] = "unit-test-secret-that-is-long-enough-0123456789";
constexpr char kMethod[] = "/wp.test.v1.Things/GetThing";

class DecideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth::VerifierOptions options;
    options.issuer = "west-partnership";
    options.audience = "wp";
    options.hs256_secret = kSecret;
    auto verifier = auth::TokenVerifier::Create(options);
    ASSERT_TRUE(verifier.ok()) << verifier.status();
    verifier_ = std::move(*verifier);
    tokens_ = std::make_unique<TokenCache>(*verifier_);
  }

  std::string Bearer(auth::Role role, absl::Time now = absl::Now(),
                     std::vector<std::string> authorities = {}) {
    auth::MintOptions options;
    options.issuer = "west-partnership";
    options.audience = "wp";
    options.subject = "ann.officer";
    options.role = role;
    options.authorities = std::move(authorities);
    options.ttl = absl::Minutes(10);
    options.hs256_secret = kSecret;
    return "Bearer " + *auth::MintToken(options, now);
  }

  absl::StatusOr<server::Caller> Decide(const std::string& method, const std::string& header,
                                        absl::Time now = absl::Now()) {
    return authz::Decide(*tokens_, policy_, method, header, now);
  }

  std::unique_ptr<auth::TokenVerifier> verifier_;
  std::unique_ptr<TokenCache> tokens_;
  Policy policy_{RoleTable{{kMethod, Readers()}}};
};

TEST_F(DecideTest, AdmitsAnAllowedRoleWithItsIdentity) {
  auto caller = Decide(kMethod, Bearer(auth::Role::kAuthorityOfficer, absl::Now(), {"GCC"}));
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->actor, "ann.officer");
  EXPECT_EQ(caller->role, "authority_officer");
  EXPECT_EQ(caller->authorities, std::vector<std::string>{"GCC"});
  EXPECT_EQ(caller->method, kMethod);
}

TEST_F(DecideTest, RefusesWithTheRightCode) {
  EXPECT_EQ(Decide(kMethod, "").status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Decide(kMethod, "Basic dXNlcjpwYXNz").status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Decide(kMethod, "Bearer x.y.z").status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Decide(kMethod, Bearer(auth::Role::kIngest)).status().code(),
            absl::StatusCode::kPermissionDenied);
  // Not in the table: denied to everyone, admins included.
  EXPECT_EQ(Decide("/wp.test.v1.Things/DeleteEverything", Bearer(auth::Role::kAdmin)).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_F(DecideTest, SchemeIsCaseInsensitive) {
  std::string header = Bearer(auth::Role::kAnalyst);
  header.replace(0, 6, "BEARER");
  EXPECT_TRUE(Decide(kMethod, header).ok());
}

TEST_F(DecideTest, HealthChecksArePublic) {
  auto caller = Decide("/grpc.health.v1.Health/Check", "");
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->actor, "anonymous");
}

TEST_F(DecideTest, RefusesAnOversizedTokenBeforeVerifyingIt) {
  const std::string oversized(auth::TokenVerifier::kMaxTokenBytes + 1, 'a');
  auto refused = Decide(kMethod, "Bearer " + oversized);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_NE(refused.status().message().find("at most 16384"), absl::string_view::npos) << refused.status();
  // The limit itself is accepted as far as length goes (then fails as a JWT).
  auto at_limit = Decide(kMethod, "Bearer " + std::string(auth::TokenVerifier::kMaxTokenBytes, 'a'));
  EXPECT_EQ(at_limit.status().message().find("at most 16384"), absl::string_view::npos);
}

TEST_F(DecideTest, CachedTokenStillExpires) {
  const absl::Time now = absl::Now();
  const std::string header = Bearer(auth::Role::kBoard, now);
  ASSERT_TRUE(Decide(kMethod, header, now).ok());
  ASSERT_TRUE(Decide(kMethod, header, now + absl::Minutes(1)).ok());  // from the cache
  EXPECT_EQ(Decide(kMethod, header, now + absl::Hours(1)).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(CallGuardTest, UnknownCallsAreRefused) {
  CallGuard guard;
  grpc::ServerContext call;
  EXPECT_EQ(guard.Admit(call).status().code(), absl::StatusCode::kUnauthenticated);
  server::Caller caller;
  caller.actor = "x";
  guard.Set(&call, caller);
  EXPECT_EQ(guard.Admit(call)->actor, "x");
  guard.Clear(&call);
  EXPECT_FALSE(guard.Admit(call).ok());
}

}  // namespace
}  // namespace wp::authz
