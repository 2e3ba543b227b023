// Checks on key material before libjwt sees it, so a bad key is reported
// when a verifier is created or a token minted, with a clear message, rather
// than as every token failing later. OpenSSL is used here only to parse keys;
// all signing and verifying stays in libjwt. Internal to libs/auth.
//
// Messages name the option (e.g. "rs256_public_key_pem"), never key text.
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_AUTH_KEY_CHECKS_H_
#define WP_LIBS_AUTH_KEY_CHECKS_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace wp::auth {

// RFC 7518 section 3.2: an HS256 key must be at least as long as the hash.
inline constexpr size_t kMinHs256SecretBytes = 32;
inline constexpr int kMinRsaKeyBits = 2048;

// INVALID_ARGUMENT when `secret` is shorter than kMinHs256SecretBytes.
absl::Status CheckHs256Secret(absl::string_view secret, absl::string_view option);

// OK when `pem` holds an RSA "PUBLIC KEY" (SubjectPublicKeyInfo) block of at
// least kMinRsaKeyBits, the form libjwt reads; INVALID_ARGUMENT otherwise.
absl::Status CheckRsaPublicKeyPem(absl::string_view pem, absl::string_view option);

// OK when `pem` holds an unencrypted RSA private key of at least
// kMinRsaKeyBits; INVALID_ARGUMENT otherwise. Encrypted keys are refused
// here because libjwt would ask for the passphrase on the terminal.
absl::Status CheckRsaPrivateKeyPem(absl::string_view pem, absl::string_view option);

}  // namespace wp::auth

#endif  // WP_LIBS_AUTH_KEY_CHECKS_H_
