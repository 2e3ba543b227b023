#include "libs/digest/sha256.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace wp::digest {
namespace {

std::string Hex(const Sha256Hash& hash) {
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

// Known answers from FIPS 180-2.
TEST(Sha256, MatchesTheStandardsTestVectors) {
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, PrefixIsTheFirstEightBytesBigEndian) {
  EXPECT_EQ(Sha256Prefix64("abc"), 0xba7816bf8f01cfeaULL);
}

TEST(Sha256, ThreadsGetTheSameAnswers) {
  std::vector<std::thread> threads;
  std::vector<uint64_t> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &got] {
      uint64_t last = 0;
      for (int i = 0; i < 1000; ++i) last = Sha256Prefix64("abc");
      got[t] = last;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (uint64_t g : got) EXPECT_EQ(g, 0xba7816bf8f01cfeaULL);
}

}  // namespace
}  // namespace wp::digest
