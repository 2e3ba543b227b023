#include "libs/auth/key_checks.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/auth/libjwt_handles.h"

namespace wp::auth {
namespace {

// Far above any real RSA key; keeps a mistaken file path from being parsed.
constexpr size_t kMaxPemBytes = 64 * 1024;

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

// Supplies no passphrase, so an encrypted key fails to load instead of
// OpenSSL prompting on the terminal.
int NoPassphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return 0; }

absl::Status Invalid(absl::string_view option, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(option, " ", problem));
}

absl::Status CheckRsa(const EVP_PKEY* key, absl::string_view option) {
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    return Invalid(option, "is not an RSA key (RS256 needs one)");
  }
  if (EVP_PKEY_get_bits(key) < kMinRsaKeyBits) {
    return Invalid(option, absl::StrCat("is an RSA key shorter than ", kMinRsaKeyBits, " bits"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckHs256Secret(absl::string_view secret, absl::string_view option) {
  if (secret.size() < kMinHs256SecretBytes) {
    return Invalid(option, absl::StrCat("must be at least ", kMinHs256SecretBytes,
                                        " bytes (HS256 needs a 256-bit key)"));
  }
  return absl::OkStatus();
}

absl::Status CheckRsaPublicKeyPem(absl::string_view pem, absl::string_view option) {
  OpenSslErrorScope clear_errors;
  if (pem.size() > kMaxPemBytes) return Invalid(option, "is too large to be a PEM key");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return absl::ResourceExhaustedError("out of memory reading a key");
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, NoPassphrase, nullptr));
  if (key == nullptr) {
    if (absl::StrContains(pem, "PRIVATE KEY")) {
      return Invalid(option, "holds a private key; give the verifier the public key only");
    }
    return Invalid(option, "is not a PEM public key (expected \"-----BEGIN PUBLIC KEY-----\")");
  }
  return CheckRsa(key.get(), option);
}

absl::Status CheckRsaPrivateKeyPem(absl::string_view pem, absl::string_view option) {
  OpenSslErrorScope clear_errors;
  if (pem.size() > kMaxPemBytes) return Invalid(option, "is too large to be a PEM key");
  if (absl::StrContains(pem, "ENCRYPTED")) {
    return Invalid(option, "is encrypted; give an unencrypted PEM private key");
  }
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return absl::ResourceExhaustedError("out of memory reading a key");
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassphrase, nullptr));
  if (key == nullptr) {
    return Invalid(option,
                   "is not a PEM private key (expected \"-----BEGIN PRIVATE KEY-----\" "
                   "or \"-----BEGIN RSA PRIVATE KEY-----\")");
  }
  return CheckRsa(key.get(), option);
}

}  // namespace wp::auth
