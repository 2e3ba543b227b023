#include "libs/digest/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

namespace wp::digest {
namespace {

struct ContextFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// Fetched once for the process and never freed: it lives as long as OpenSSL.
const EVP_MD* Algorithm() {
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) std::abort();  // a broken OpenSSL install; nothing can be keyed
    return fetched;
  }();
  return md;
}

EVP_MD_CTX* ThreadContext() {
  thread_local std::unique_ptr<EVP_MD_CTX, ContextFree> ctx(EVP_MD_CTX_new());
  return ctx.get();
}

}  // namespace

Sha256Hash Sha256(absl::string_view bytes) {
  Sha256Hash hash{};
  EVP_MD_CTX* ctx = ThreadContext();
  unsigned int length = 0;
  if (ctx == nullptr || EVP_DigestInit_ex2(ctx, Algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) != 1 || EVP_DigestFinal_ex(ctx, hash.data(), &length) != 1 ||
      length != hash.size()) {
    std::abort();  // only on allocation failure inside OpenSSL
  }
  return hash;
}

uint64_t Sha256Prefix64(absl::string_view bytes) {
  const Sha256Hash hash = Sha256(bytes);
  uint64_t prefix = 0;
  for (int i = 0; i < 8; ++i) prefix = prefix << 8 | hash[i];
  return prefix;
}

}  // namespace wp::digest
