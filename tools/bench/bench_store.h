// The store a benchmark's services keep their data in, from its --engine
// flag: SQLite (a file in each service's data folder, the default) or a
// PostgreSQL 15 the benchmark starts itself, durable as in production (fsync
// on, files on disk), so that the two engines are compared fairly.
#ifndef WP_TOOLS_BENCH_BENCH_STORE_H_
#define WP_TOOLS_BENCH_BENCH_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "libs/testing/postgres_server.h"

namespace wp::bench {

class BenchStore {
 public:
  // `engine` is "sqlite" or "postgres".
  static absl::StatusOr<std::unique_ptr<BenchStore>> Start(const std::string& engine);

  // The --store_url for a service: "" (SQLite under its data folder) or a
  // new PostgreSQL database named `name`.
  absl::StatusOr<std::string> NewStoreUrl(const std::string& name);
  const std::string& engine() const { return engine_; }

 private:
  explicit BenchStore(std::string engine) : engine_(std::move(engine)) {}

  std::string engine_;
  std::unique_ptr<testing::PostgresServer> postgres_;
};

}  // namespace wp::bench

#endif  // WP_TOOLS_BENCH_BENCH_STORE_H_
