// A test fixture over the store engine (SQLite, PostgreSQL): each test opens
// a fresh store with the service's migrations and, on SQLite, removes the
// file's folder afterwards. Tests of a service's store logic derive from it
// and instantiate it with both engines:
//
//   class TrackerTest : public wp::testing::EngineStoreTest {
//    protected:
//     void SetUp() override {
//       ASSERT_NO_FATAL_FAILURE(OpenStore(Migrations()));
//       tracker_ = std::make_unique<Tracker>(*db_);
//     }
//     void TearDown() override {
//       tracker_.reset();  // what uses the store goes first
//       CloseStore();
//     }
//   };
//   WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerTest);
//
// Test-only; header-only so that it needs nothing but GoogleTest and
// wp_testing_store.
#ifndef WP_LIBS_TESTING_ENGINE_STORE_TEST_H_
#define WP_LIBS_TESTING_ENGINE_STORE_TEST_H_

#include <filesystem>
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "libs/store/database.h"
#include "libs/testing/test_store.h"

namespace wp::testing {

class EngineStoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  // Opens a fresh store of GetParam()'s engine into db_; a fatal failure
  // when it cannot.
  void OpenStore(const std::vector<store::Migration>& migrations) {
    TestStore test_store(GetParam());
    auto db = test_store.Open(migrations);
    ASSERT_TRUE(db.ok()) << db.status();
    if (GetParam() == Engine::kSqlite) dir_ = std::filesystem::path(test_store.location()).parent_path();
    db_ = std::move(*db);
  }

  // Closes the store and removes a SQLite file's folder.
  void CloseStore() {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<store::Database> db_;

 private:
  std::filesystem::path dir_;
};

}  // namespace wp::testing

#endif  // WP_LIBS_TESTING_ENGINE_STORE_TEST_H_
