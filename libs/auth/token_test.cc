// Minting and verifying bearer tokens, including the classic JWT attacks.
// All times are fixed; nothing here depends on the wall clock.
#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/auth/claims_json.h"
#include "libs/auth/libjwt_handles.h"
#include "libs/auth/token_minter.h"
#include "libs/auth/token_verifier.h"

namespace wp::auth {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kIssuer[] = "west-partnership";
constexpr char kAudience[] = "wp";
constexpr char kSecret[] = "unit-test-secret-0123456789-abcdefghij";
constexpr char kOtherSecret[] = "another-secret-0123456789-abcdefghijkl";

// exp of a one-hour token minted at kNow is 2026-11-23T05:00:00Z.
const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 11, 23, 4, 0, 0), absl::UTCTimeZone());

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
  std::string encrypted_private_pem;
};

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

KeyPair GenerateRsa(unsigned int bits) {
  KeyPair pair;
  EVP_PKEY* key = EVP_RSA_gen(bits);
  if (key == nullptr) return pair;
  BIO* priv = BIO_new(BIO_s_mem());
  BIO* pub = BIO_new(BIO_s_mem());
  BIO* enc = BIO_new(BIO_s_mem());
  static unsigned char kPass[] = "passphrase";
  if (PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr) == 1 &&
      PEM_write_bio_PUBKEY(pub, key) == 1 &&
      PEM_write_bio_PrivateKey(enc, key, EVP_aes_256_cbc(), kPass, sizeof(kPass) - 1, nullptr,
                               nullptr) == 1) {
    pair.private_pem = BioText(priv);
    pair.public_pem = BioText(pub);
    pair.encrypted_private_pem = BioText(enc);
  }
  BIO_free(priv);
  BIO_free(pub);
  BIO_free(enc);
  EVP_PKEY_free(key);
  return pair;
}

std::string B64(absl::string_view text) { return absl::WebSafeBase64Escape(text); }

// Signs arbitrary claims with libjwt, for tokens MintToken refuses to make.
std::string SignClaims(const std::string& claims_json, jwt_alg_t alg, const std::string& key) {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return "";
  JwtPtr jwt(raw);
  if (jwt_add_grants_json(jwt.get(), claims_json.c_str()) != 0) return "";
  if (jwt_set_alg(jwt.get(), alg, reinterpret_cast<const unsigned char*>(key.data()),
                  static_cast<int>(key.size())) != 0) {
    return "";
  }
  JwtString out(jwt_encode_str(jwt.get()));
  return out == nullptr ? "" : std::string(out.get());
}

// Claims that pass every check, with `extra` (JSON members) appended.
std::string Claims(absl::string_view extra = "", bool with_role = true) {
  return absl::StrCat("{\"iss\":\"", kIssuer, "\",\"aud\":\"", kAudience,
                      "\",\"sub\":\"alice\",\"iat\":", absl::ToUnixSeconds(kNow),
                      ",\"exp\":", absl::ToUnixSeconds(kNow + absl::Hours(1)),
                      with_role ? ",\"role\":\"officer\"" : "", extra.empty() ? "" : ",", extra,
                      "}");
}

class TokenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rsa_ = new KeyPair(GenerateRsa(2048));
    other_rsa_ = new KeyPair(GenerateRsa(2048));
  }
  static void TearDownTestSuite() {
    delete rsa_;
    delete other_rsa_;
  }

  void SetUp() override {
    ASSERT_FALSE(rsa_->private_pem.empty());
    ASSERT_FALSE(other_rsa_->public_pem.empty());
  }

  static MintOptions HsMint(Role role = Role::kOfficer) {
    MintOptions o;
    o.issuer = kIssuer;
    o.audience = kAudience;
    o.subject = "alice";
    o.role = role;
    o.ttl = absl::Hours(1);
    o.hs256_secret = kSecret;
    return o;
  }
  static MintOptions RsMint(Role role = Role::kOfficer) {
    MintOptions o = HsMint(role);
    o.hs256_secret.clear();
    o.rs256_private_key_pem = rsa_->private_pem;
    return o;
  }

  static VerifierOptions Opts(bool hs256, bool rs256) {
    VerifierOptions o;
    o.issuer = kIssuer;
    o.audience = kAudience;
    if (hs256) o.hs256_secret = kSecret;
    if (rs256) o.rs256_public_key_pem = rsa_->public_pem;
    return o;
  }
  static std::unique_ptr<TokenVerifier> MakeVerifier(bool hs256, bool rs256) {
    absl::StatusOr<std::unique_ptr<TokenVerifier>> v = TokenVerifier::Create(Opts(hs256, rs256));
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() ? std::move(*v) : nullptr;
  }

  static std::string Mint(const MintOptions& o, absl::Time now = kNow) {
    absl::StatusOr<std::string> token = MintToken(o, now);
    EXPECT_TRUE(token.ok()) << token.status();
    return token.ok() ? *token : "";
  }

  // A failure must be UNAUTHENTICATED, say `reason`, and leak nothing.
  static void ExpectRejected(const TokenVerifier& verifier, const std::string& token,
                             absl::string_view reason, absl::Time now = kNow) {
    absl::StatusOr<Principal> p = verifier.Verify(token, now);
    ASSERT_FALSE(p.ok()) << "accepted: " << token;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_THAT(p.status().message(), HasSubstr(reason));
    ExpectNoSecrets(p.status().message());
    if (token.size() >= 16) {
      EXPECT_THAT(p.status().message(), Not(HasSubstr(token)));
    }
  }

  static void ExpectNoSecrets(absl::string_view message) {
    EXPECT_THAT(message, Not(HasSubstr(kSecret)));
    EXPECT_THAT(message, Not(HasSubstr(kOtherSecret)));
    EXPECT_THAT(message, Not(HasSubstr("MII")));  // start of any DER key in base64
    for (const KeyPair* pair : {rsa_, other_rsa_}) {
      for (const std::string* pem : {&pair->private_pem, &pair->public_pem}) {
        for (absl::string_view line : absl::StrSplit(*pem, '\n', absl::SkipEmpty())) {
          if (!absl::StartsWith(line, "-----")) {
            EXPECT_THAT(message, Not(HasSubstr(line)));
          }
        }
      }
    }
  }

  static KeyPair* rsa_;
  static KeyPair* other_rsa_;
};

KeyPair* TokenTest::rsa_ = nullptr;
KeyPair* TokenTest::other_rsa_ = nullptr;

// --- Round trips -------------------------------------------------------------

TEST_F(TokenTest, Hs256RoundTrip) {
  MintOptions o = HsMint(Role::kAuthorityOfficer);
  o.subject = "officer@glasgow";
  o.authorities = {"GCC", "REN"};
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  absl::StatusOr<Principal> p = verifier->Verify(Mint(o), kNow);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->subject, "officer@glasgow");
  EXPECT_EQ(p->role, Role::kAuthorityOfficer);
  EXPECT_THAT(p->authorities, ElementsAre("GCC", "REN"));
  EXPECT_EQ(p->expires_at, kNow + absl::Hours(1));
  EXPECT_TRUE(p->CanActFor("GCC"));
  EXPECT_FALSE(p->CanActFor("INV"));
}

TEST_F(TokenTest, Rs256RoundTrip) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(false, true);
  absl::StatusOr<Principal> p = verifier->Verify(Mint(RsMint(Role::kAnalyst)), kNow);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->subject, "alice");
  EXPECT_EQ(p->role, Role::kAnalyst);
  EXPECT_THAT(p->authorities, IsEmpty());
  EXPECT_EQ(p->expires_at, kNow + absl::Hours(1));
}

TEST_F(TokenTest, VerifierWithBothKeysAcceptsBothAlgorithms) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, true);
  EXPECT_TRUE(verifier->Verify(Mint(HsMint()), kNow).ok());
  EXPECT_TRUE(verifier->Verify(Mint(RsMint()), kNow).ok());
}

TEST_F(TokenTest, MintedTokenCarriesTheStandardClaims) {
  MintOptions o = HsMint();
  o.not_before_offset = -absl::Minutes(1);
  std::string token = Mint(o);
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  ASSERT_EQ(parts.size(), 3u);
  std::string payload;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &payload));
  std::optional<google::protobuf::Struct> claims = ParseJsonObject(payload);
  ASSERT_TRUE(claims.has_value());
  const auto& f = claims->fields();
  EXPECT_EQ(f.at("iss").string_value(), kIssuer);
  EXPECT_EQ(f.at("aud").string_value(), kAudience);
  EXPECT_EQ(f.at("sub").string_value(), "alice");
  EXPECT_EQ(f.at("role").string_value(), "officer");
  EXPECT_EQ(f.at("iat").number_value(), absl::ToUnixSeconds(kNow));
  EXPECT_EQ(f.at("nbf").number_value(), absl::ToUnixSeconds(kNow - absl::Minutes(1)));
  EXPECT_EQ(f.at("exp").number_value(), absl::ToUnixSeconds(kNow + absl::Hours(1)));
  EXPECT_EQ(f.count("authorities"), 0u);  // only when non-empty
}

TEST_F(TokenTest, AcceptsABearerPrefixAndSurroundingSpace) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  std::string token = Mint(HsMint());
  EXPECT_TRUE(verifier->Verify(absl::StrCat("Bearer ", token), kNow).ok());
  EXPECT_TRUE(verifier->Verify(absl::StrCat("  bearer  ", token, "\n"), kNow).ok());
}

TEST_F(TokenTest, AudienceMayBeAnArrayHoldingOurs) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  std::string claims = absl::StrCat(
      "{\"iss\":\"", kIssuer, "\",\"aud\":[\"other\",\"", kAudience,
      "\"],\"sub\":\"alice\",\"role\":\"board\",\"exp\":", absl::ToUnixSeconds(kNow) + 60, "}");
  absl::StatusOr<Principal> p = verifier->Verify(SignClaims(claims, JWT_ALG_HS256, kSecret), kNow);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->role, Role::kBoard);

  std::string without = absl::StrCat("{\"iss\":\"", kIssuer,
                                     "\",\"aud\":[\"other\",\"wpx\"],\"sub\":\"alice\","
                                     "\"role\":\"board\",\"exp\":",
                                     absl::ToUnixSeconds(kNow) + 60, "}");
  ExpectRejected(*verifier, SignClaims(without, JWT_ALG_HS256, kSecret),
                 "token audience does not include \"wp\"");
}

// --- Signatures and algorithms ------------------------------------------------

TEST_F(TokenTest, WrongSecretDoesNotVerify) {
  MintOptions o = HsMint();
  o.hs256_secret = kOtherSecret;
  ExpectRejected(*MakeVerifier(true, false), Mint(o), "token signature does not verify");
}

TEST_F(TokenTest, WrongRsaKeyDoesNotVerify) {
  MintOptions o = RsMint();
  o.rs256_private_key_pem = other_rsa_->private_pem;
  ExpectRejected(*MakeVerifier(false, true), Mint(o), "token signature does not verify");
}

TEST_F(TokenTest, TamperedPayloadDoesNotVerify) {
  std::string token = Mint(HsMint(Role::kAnalyst));
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  std::string payload;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &payload));
  absl::StrReplaceAll({{"\"analyst\"", "\"admin\""}}, &payload);
  std::string forged = absl::StrCat(parts[0], ".", B64(payload), ".", parts[2]);
  ExpectRejected(*MakeVerifier(true, false), forged, "token signature does not verify");
}

TEST_F(TokenTest, AlgNoneIsRejected) {
  std::string payload = Claims("\"role2\":\"x\"");
  for (const char* header : {R"({"alg":"none"})", R"({"alg":"none","typ":"JWT"})"}) {
    std::string token = absl::StrCat(B64(header), ".", B64(payload), ".");
    ExpectRejected(*MakeVerifier(true, false), token, "token algorithm none is not accepted");
    ExpectRejected(*MakeVerifier(false, true), token, "token algorithm none is not accepted");
    ExpectRejected(*MakeVerifier(true, true), token, "token algorithm none is not accepted");
    // A junk signature part changes nothing.
    ExpectRejected(*MakeVerifier(true, true), absl::StrCat(token, "c2ln"),
                   "token algorithm none is not accepted");
  }
  for (const char* header : {R"({"alg":"None"})", R"({"alg":"NONE"})", R"({"alg":""})"}) {
    ExpectRejected(*MakeVerifier(true, true), absl::StrCat(B64(header), ".", B64(payload), "."),
                   "is not accepted");
  }
  ExpectRejected(*MakeVerifier(true, true), absl::StrCat(B64("{}"), ".", B64(payload), "."),
                 "token header has no alg");
}

TEST_F(TokenTest, OtherAlgorithmsAreRejected) {
  std::string payload = Claims();
  for (const char* alg : {"HS384", "HS512", "RS384", "RS512", "ES256", "PS256"}) {
    std::string header = absl::StrCat("{\"alg\":\"", alg, "\",\"typ\":\"JWT\"}");
    ExpectRejected(*MakeVerifier(true, true), absl::StrCat(B64(header), ".", B64(payload), ".c2ln"),
                   absl::StrCat("token algorithm ", alg, " is not accepted"));
  }
}

TEST_F(TokenTest, Rs256TokenToHs256OnlyVerifierIsRejected) {
  ExpectRejected(*MakeVerifier(true, false), Mint(RsMint()),
                 "token algorithm RS256 is not accepted (this service accepts HS256)");
}

TEST_F(TokenTest, Hs256TokenToRs256OnlyVerifierIsRejected) {
  ExpectRejected(*MakeVerifier(false, true), Mint(HsMint()),
                 "token algorithm HS256 is not accepted (this service accepts RS256)");
}

// The classic algorithm-confusion attack: the public key is public, so an
// attacker HMAC-signs with its PEM text as the secret and hopes the verifier
// feeds the same PEM to HMAC. libjwt alone would accept this token.
TEST_F(TokenTest, Hs256SignedWithThePublicKeyAsSecretIsRejected) {
  std::string forged = SignClaims(Claims(), JWT_ALG_HS256, rsa_->public_pem);
  ASSERT_FALSE(forged.empty());
  ExpectRejected(*MakeVerifier(false, true), forged, "token algorithm HS256 is not accepted");
  // With a secret configured too, HS256 is checked against the secret only.
  ExpectRejected(*MakeVerifier(true, true), forged, "token signature does not verify");

  // Same signature under a header that claims RS256.
  std::vector<std::string> parts = absl::StrSplit(forged, '.');
  std::string relabelled =
      absl::StrCat(B64(R"({"alg":"RS256","typ":"JWT"})"), ".", parts[1], ".", parts[2]);
  ExpectRejected(*MakeVerifier(false, true), relabelled, "token signature does not verify");
  ExpectRejected(*MakeVerifier(true, true), relabelled, "token signature does not verify");
}

TEST_F(TokenTest, DuplicateAlgMembersCannotSteerTheKey) {
  // Parsers disagree on which duplicate wins, so duplicates are refused outright.
  std::string forged = SignClaims(Claims(), JWT_ALG_HS256, rsa_->public_pem);
  std::vector<std::string> parts = absl::StrSplit(forged, '.');
  for (const char* header :
       {R"({"alg":"RS256","alg":"HS256"})", R"({"alg":"HS256","alg":"RS256"})"}) {
    std::string token = absl::StrCat(B64(header), ".", parts[1], ".", parts[2]);
    ExpectRejected(*MakeVerifier(false, true), token,
                   "token is not a JWT (header is not a JSON object)");
  }
}

TEST_F(TokenTest, TypOtherThanJwtIsRejected) {
  std::string token = Mint(HsMint());
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  std::string relabelled =
      absl::StrCat(B64(R"({"alg":"HS256","typ":"JWE"})"), ".", parts[1], ".", parts[2]);
  ExpectRejected(*MakeVerifier(true, false), relabelled, "typ");
}

TEST_F(TokenTest, CriticalHeaderExtensionsAreRejected) {
  std::string token = Mint(HsMint());
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  std::string relabelled =
      absl::StrCat(B64(R"({"alg":"HS256","crit":["exp"],"exp":1})"), ".", parts[1], ".", parts[2]);
  ExpectRejected(*MakeVerifier(true, false), relabelled, "crit");
}

// --- Time ---------------------------------------------------------------------

TEST_F(TokenTest, ExpiredBeyondSkewIsRejectedWithTheTime) {
  std::string token = Mint(HsMint());
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  const absl::Time exp = kNow + absl::Hours(1);
  ExpectRejected(*verifier, token, "token expired at 2026-11-23T05:00:00Z", exp + absl::Minutes(5));
  // The skew is 60 s: exactly at exp + skew the token is over.
  ExpectRejected(*verifier, token, "token expired at", exp + absl::Seconds(60));
}

TEST_F(TokenTest, ExpiredWithinSkewIsAccepted) {
  std::string token = Mint(HsMint());
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  const absl::Time exp = kNow + absl::Hours(1);
  EXPECT_TRUE(verifier->Verify(token, exp - absl::Seconds(1)).ok());
  EXPECT_TRUE(verifier->Verify(token, exp + absl::Seconds(30)).ok());
  EXPECT_TRUE(verifier->Verify(token, exp + absl::Seconds(59)).ok());
}

TEST_F(TokenTest, SkewIsConfigurable) {
  VerifierOptions o = Opts(true, false);
  o.clock_skew = absl::ZeroDuration();
  absl::StatusOr<std::unique_ptr<TokenVerifier>> strict = TokenVerifier::Create(o);
  ASSERT_TRUE(strict.ok());
  ExpectRejected(**strict, Mint(HsMint()), "token expired at",
                 kNow + absl::Hours(1) + absl::Seconds(1));
}

TEST_F(TokenTest, NotBeforeInTheFutureIsRejected) {
  MintOptions o = HsMint();
  o.not_before_offset = absl::Minutes(10);
  std::string token = Mint(o);
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  ExpectRejected(*verifier, token, "token is not valid before 2026-11-23T04:10:00Z", kNow);
  // Within the skew of nbf it is fine, and so is any later time.
  EXPECT_TRUE(verifier->Verify(token, kNow + absl::Minutes(9) + absl::Seconds(30)).ok());
  EXPECT_TRUE(verifier->Verify(token, kNow + absl::Minutes(30)).ok());
}

TEST_F(TokenTest, MissingOrMalformedExpIsRejected) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  std::string no_exp = absl::StrCat("{\"iss\":\"", kIssuer, "\",\"aud\":\"", kAudience,
                                    "\",\"sub\":\"alice\",\"role\":\"officer\"}");
  ExpectRejected(*verifier, SignClaims(no_exp, JWT_ALG_HS256, kSecret), "token has no exp claim");
  std::string text_exp =
      absl::StrCat("{\"iss\":\"", kIssuer, "\",\"aud\":\"", kAudience,
                   "\",\"sub\":\"alice\",\"role\":\"officer\",\"exp\":\"soon\"}");
  ExpectRejected(*verifier, SignClaims(text_exp, JWT_ALG_HS256, kSecret),
                 "token exp claim is not a number");
}

// --- Issuer, audience, subject ---------------------------------------------------

TEST_F(TokenTest, WrongIssuerIsRejected) {
  MintOptions o = HsMint();
  o.issuer = "x";
  ExpectRejected(*MakeVerifier(true, false), Mint(o), "token issuer \"x\" is not accepted");
}

TEST_F(TokenTest, WrongAudienceIsRejected) {
  MintOptions o = HsMint();
  o.audience = "someone-else";
  ExpectRejected(*MakeVerifier(true, false), Mint(o), "token audience does not include \"wp\"");
}

TEST_F(TokenTest, MissingIssuerAudienceOrSubjectIsRejected) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  const int64_t exp = absl::ToUnixSeconds(kNow) + 60;
  ExpectRejected(
      *verifier,
      SignClaims(
          absl::StrCat("{\"aud\":\"wp\",\"sub\":\"a\",\"role\":\"admin\",\"exp\":", exp, "}"),
          JWT_ALG_HS256, kSecret),
      "token has no iss claim");
  ExpectRejected(*verifier,
                 SignClaims(absl::StrCat("{\"iss\":\"", kIssuer,
                                         "\",\"sub\":\"a\",\"role\":\"admin\",\"exp\":", exp, "}"),
                            JWT_ALG_HS256, kSecret),
                 "token has no aud claim");
  ExpectRejected(*verifier,
                 SignClaims(absl::StrCat("{\"iss\":\"", kIssuer,
                                         "\",\"aud\":\"wp\",\"role\":\"admin\",\"exp\":", exp, "}"),
                            JWT_ALG_HS256, kSecret),
                 "token has no sub claim");
  ExpectRejected(
      *verifier,
      SignClaims(
          absl::StrCat("{\"iss\":\"", kIssuer,
                       "\",\"aud\":\"wp\",\"sub\":\"\",\"role\":\"admin\",\"exp\":", exp, "}"),
          JWT_ALG_HS256, kSecret),
      "token sub claim is empty");
}

// --- Role and authorities ------------------------------------------------------------

TEST_F(TokenTest, MissingRoleIsRejected) {
  ExpectRejected(*MakeVerifier(true, false),
                 SignClaims(Claims("", /*with_role=*/false), JWT_ALG_HS256, kSecret),
                 "token has no role claim");
}

TEST_F(TokenTest, UnknownRoleIsRejected) {
  ExpectRejected(*MakeVerifier(true, false),
                 SignClaims(Claims("\"role\":\"root\"", false), JWT_ALG_HS256, kSecret),
                 "token role \"root\" is unknown");
  ExpectRejected(*MakeVerifier(true, false),
                 SignClaims(Claims("\"role\":7", false), JWT_ALG_HS256, kSecret),
                 "token role claim is not a string");
}

TEST_F(TokenTest, AuthorityOfficerWithoutAuthoritiesIsRejected) {
  ExpectRejected(
      *MakeVerifier(true, false),
      SignClaims(Claims("\"role\":\"authority_officer\"", false), JWT_ALG_HS256, kSecret),
      "token for role authority_officer has no authorities claim");
  ExpectRejected(*MakeVerifier(true, false),
                 SignClaims(Claims("\"role\":\"authority_officer\",\"authorities\":[]", false),
                            JWT_ALG_HS256, kSecret),
                 "token for role authority_officer has no authorities claim");
}

TEST_F(TokenTest, BadAuthorityCodeIsRejected) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, false);
  ExpectRejected(
      *verifier,
      SignClaims(Claims("\"role\":\"authority_officer\",\"authorities\":[\"GCC\",\"XYZ\"]", false),
                 JWT_ALG_HS256, kSecret),
      "token authority \"XYZ\" is not a region authority code");
  ExpectRejected(*verifier,
                 SignClaims(Claims("\"role\":\"authority_officer\",\"authorities\":\"GCC\"", false),
                            JWT_ALG_HS256, kSecret),
                 "token authorities claim is not an array of authority codes");
  ExpectRejected(*verifier,
                 SignClaims(Claims("\"role\":\"authority_officer\",\"authorities\":[1]", false),
                            JWT_ALG_HS256, kSecret),
                 "token authorities claim is not an array of authority codes");
  // Other roles may carry authorities too, but they must still be real codes.
  ExpectRejected(*verifier, SignClaims(Claims("\"authorities\":[\"gcc\"]"), JWT_ALG_HS256, kSecret),
                 "token authority \"gcc\" is not a region authority code");
}

// --- Garbage ---------------------------------------------------------------------------

TEST_F(TokenTest, GarbageIsNotAJwt) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, true);
  const std::string payload = B64(Claims());
  const std::vector<std::string> garbage = {
      "garbage",
      "a.b.c",
      "a.b",
      "a.b.c.d",
      "..",
      "...",
      ".eyJ.",
      "eyJhbGciOiJIUzI1NiJ9..sig",
      "eyJhbGciOiJIUzI1NiJ9.eyJ9.sig",  // payload is not valid base64url JSON
      absl::StrCat("!!!.", payload, ".sig"),
      absl::StrCat(B64("not json"), ".", payload, ".sig"),
      absl::StrCat(B64("[\"alg\",\"HS256\"]"), ".", payload, ".sig"),
      absl::StrCat(B64(R"({"alg":"HS256"})"), ".", B64("[1,2]"), ".sig"),
      absl::StrCat(B64(R"({"alg":"HS256"})"), ".", B64("null"), ".sig"),
      std::string("eyJ\0hbGc.eyJ.sig", 16),
      "\xff\xfe.\xfd.\xfc",
      "Bearer",
  };
  for (const std::string& token : garbage) {
    ExpectRejected(*verifier, token, "token ");
  }
  for (const char* empty : {"", "   ", "Bearer ", "bearer \t"}) {
    ExpectRejected(*verifier, empty, "token is empty");
  }
  ExpectRejected(*verifier, std::string(TokenVerifier::kMaxTokenBytes + 1, 'a'),
                 "token is longer than");
  ExpectRejected(*verifier, "garbage", "token is not a JWT");
}

// --- Construction ------------------------------------------------------------------------

TEST_F(TokenTest, CreateNeedsAKey) {
  absl::StatusOr<std::unique_ptr<TokenVerifier>> v = TokenVerifier::Create(Opts(false, false));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(v.status().message(), HasSubstr("no token key"));
}

TEST_F(TokenTest, CreateRejectsBadOptionsWithoutEchoingKeys) {
  auto expect_invalid = [](VerifierOptions o, absl::string_view reason) {
    absl::StatusOr<std::unique_ptr<TokenVerifier>> v = TokenVerifier::Create(std::move(o));
    ASSERT_FALSE(v.ok()) << reason;
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(v.status().message(), HasSubstr(reason));
    ExpectNoSecrets(v.status().message());
  };
  VerifierOptions o = Opts(false, false);
  o.rs256_public_key_pem = "-----BEGIN PUBLIC KEY-----\nMIIBnotakey\n-----END PUBLIC KEY-----\n";
  expect_invalid(o, "rs256_public_key_pem is not a PEM public key");
  o.rs256_public_key_pem = "not a pem at all";
  expect_invalid(o, "rs256_public_key_pem is not a PEM public key");
  o.rs256_public_key_pem = rsa_->private_pem;
  expect_invalid(o, "holds a private key");
  o.rs256_public_key_pem = GenerateRsa(1024).public_pem;
  expect_invalid(o, "shorter than 2048 bits");

  o = Opts(false, false);
  o.hs256_secret = "short-secret";
  expect_invalid(o, "hs256_secret must be at least 32 bytes");

  o = Opts(true, false);
  o.issuer.clear();
  expect_invalid(o, "issuer is required");
  o = Opts(true, false);
  o.audience.clear();
  expect_invalid(o, "audience is required");
  o = Opts(true, false);
  o.clock_skew = -absl::Seconds(1);
  expect_invalid(o, "clock_skew");
}

TEST_F(TokenTest, MintRejectsBadOptionsWithoutEchoingKeys) {
  auto expect_invalid = [](const MintOptions& o, absl::string_view reason) {
    absl::StatusOr<std::string> token = MintToken(o, kNow);
    ASSERT_FALSE(token.ok()) << reason;
    EXPECT_EQ(token.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(token.status().message(), HasSubstr(reason));
    ExpectNoSecrets(token.status().message());
  };
  MintOptions o = HsMint();
  o.hs256_secret.clear();
  expect_invalid(o, "exactly one key");
  o = RsMint();
  o.hs256_secret = kSecret;
  expect_invalid(o, "exactly one key");
  o = HsMint();
  o.hs256_secret = "short";
  expect_invalid(o, "at least 32 bytes");
  o = RsMint();
  o.rs256_private_key_pem = rsa_->public_pem;
  expect_invalid(o, "rs256_private_key_pem is not a PEM private key");
  o.rs256_private_key_pem = "-----BEGIN PRIVATE KEY-----\nMIIEnope\n-----END PRIVATE KEY-----\n";
  expect_invalid(o, "rs256_private_key_pem is not a PEM private key");
  // Must fail at once rather than prompt for a passphrase.
  o.rs256_private_key_pem = rsa_->encrypted_private_pem;
  expect_invalid(o, "is encrypted");
  o = HsMint(Role::kAuthorityOfficer);
  expect_invalid(o, "needs at least one authority");
  o.authorities = {"GCC", "Glasgow"};
  expect_invalid(o, "authority \"Glasgow\" is not a region authority code");
  o = HsMint();
  o.subject.clear();
  expect_invalid(o, "subject is required");
  o = HsMint();
  o.ttl = absl::ZeroDuration();
  expect_invalid(o, "ttl must be positive");
}

// --- Concurrency -----------------------------------------------------------------------------

TEST_F(TokenTest, ConcurrentVerifiesAgree) {
  std::unique_ptr<TokenVerifier> verifier = MakeVerifier(true, true);
  const std::string good_hs = Mint(HsMint());
  const std::string good_rs = Mint(RsMint());
  MintOptions wrong = HsMint();
  wrong.hs256_secret = kOtherSecret;
  const std::string bad = Mint(wrong);
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        if (!verifier->Verify(good_hs, kNow).ok()) ++failures[t];
        if (!verifier->Verify(good_rs, kNow).ok()) ++failures[t];
        if (verifier->Verify(bad, kNow).ok()) ++failures[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace wp::auth
