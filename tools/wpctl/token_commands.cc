// wpctl token mint: a bearer token signed with the configured HS256 secret,
// for local use, scripts and tests. Production tokens come from the region's
// identity provider (RS256), not from here.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "libs/auth/token_minter.h"
#include "libs/config/config.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/token_claims.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {

CommandResult TokenMint(const CommandEnv& env, const Args& args) {
  if (!args.Has("role")) return UsageError("--role is required");
  absl::StatusOr<auth::Role> role = auth::ParseRole(args.Get("role"));
  if (!role.ok()) return UsageError(role.status().message());
  auth::MintOptions options;
  options.issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.audience = absl::GetFlag(FLAGS_jwt_audience);
  options.hs256_secret = absl::GetFlag(FLAGS_jwt_hs256_secret);
  if (options.hs256_secret.empty()) {
    return UsageError("no secret: set WP_JWT_HS256_SECRET (the services' --jwt_hs256_secret)");
  }
  options.role = *role;
  options.subject = args.Has("subject") ? args.Get("subject") : std::string(auth::RoleName(*role));
  absl::StatusOr<std::vector<std::string>> authorities = AuthorityListOption(args, "authority");
  if (!authorities.ok()) return authorities.status();
  options.authorities = *authorities;
  if (args.Has("ttl")) {
    absl::Duration ttl;
    if (!absl::ParseDuration(args.Get("ttl"), &ttl) || ttl <= absl::ZeroDuration()) {
      return UsageError("--ttl must be a positive duration such as 8h or 30m");
    }
    options.ttl = ttl;
  }
  absl::StatusOr<std::string> token = auth::MintToken(options, absl::Now());
  if (!token.ok()) return token.status();
  *env.out << *token << "\n";
  return kExitOk;
}

CommandResult Whoami(const CommandEnv& env, const Args&) {
  const std::string& token = env.client->options().token;
  if (token.empty()) {
    return UsageError(
        "no token: set WP_TOKEN, pass --token, or put token_file = PATH in ~/.config/wpctl/config "
        "(./scripts/run writes an admin token to data/admin.token)");
  }
  absl::StatusOr<TokenClaims> claims = DecodeTokenClaims(token);
  if (!claims.ok()) return claims.status();
  *env.out << WhoamiText(*claims, absl::Now(), env.token_source);
  return kExitOk;
}

}  // namespace wp::wpctl
