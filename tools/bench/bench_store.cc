#include "tools/bench/bench_store.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace wp::bench {

absl::StatusOr<std::unique_ptr<BenchStore>> BenchStore::Start(const std::string& engine) {
  if (engine != "sqlite" && engine != "postgres") {
    return absl::InvalidArgumentError(absl::StrCat("--engine must be sqlite or postgres, not \"", engine, "\""));
  }
  std::unique_ptr<BenchStore> store(new BenchStore(engine));
  if (engine == "postgres") {
    store->postgres_ = std::make_unique<testing::PostgresServer>(/*durable=*/true);
    if (absl::Status s = store->postgres_->Start(); !s.ok()) return s;
  }
  return store;
}

absl::StatusOr<std::string> BenchStore::NewStoreUrl(const std::string& name) {
  if (postgres_ == nullptr) return std::string();
  return postgres_->CreateDatabase(name);
}

}  // namespace wp::bench
