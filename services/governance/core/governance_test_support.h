// Test-only: a governance store on a fresh database of either engine
// (libs/testing/test_store.h), with the schema and seeds applied, and a few
// rows the area tests build on. The generic helpers (dates, field names,
// events in the outbox) are libs/testing/domain_test_support.h.
#ifndef WP_SERVICES_GOVERNANCE_CORE_GOVERNANCE_TEST_SUPPORT_H_
#define WP_SERVICES_GOVERNANCE_CORE_GOVERNANCE_TEST_SUPPORT_H_

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "libs/testing/test_store.h"
#include "services/governance/core/migrations.h"

namespace wp::governance::test_support {

using namespace wp::test_support;  // NOLINT: the generic helpers belong here too

inline std::unique_ptr<store::Database> OpenTestStore(wp::testing::Engine engine) {
  auto db = wp::testing::TestStore(engine).Open(Migrations());
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

// Runs one statement, for arranging rows a test needs (not for the code
// under test, which goes through its own classes).
inline void Exec(store::Database& db, const std::string& sql, const std::vector<store::Value>& params = {}) {
  absl::Status s = db.Write([&](store::Transaction& tx) { return tx.Execute(sql, params).status(); });
  ASSERT_TRUE(s.ok()) << s << " in " << sql;
}

}  // namespace wp::governance::test_support

#endif  // WP_SERVICES_GOVERNANCE_CORE_GOVERNANCE_TEST_SUPPORT_H_
