// Bearer tokens for tests, signed with the secret every test service is
// started with (ServiceOptions::jwt_secret's default).
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_TESTING_TEST_TOKENS_H_
#define WP_LIBS_TESTING_TEST_TOKENS_H_

#include <string>
#include <vector>

#include "libs/auth/roles.h"

namespace wp::testing {

inline constexpr char kTestJwtSecret[] = "test-secret-for-integration-tests-only-0123456789";
inline constexpr char kTestIssuer[] = "west-partnership";
inline constexpr char kTestAudience[] = "wp";

// A valid token for `subject` in `role`, one hour long.
std::string TestToken(auth::Role role, const std::string& subject = "tester",
                      const std::vector<std::string>& authorities = {});
// The metadata value: "Bearer <token>".
std::string TestBearer(auth::Role role, const std::string& subject = "tester",
                       const std::vector<std::string>& authorities = {});

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_TEST_TOKENS_H_
