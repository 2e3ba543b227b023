#include "libs/store/sql_conditions.h"

#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace wp::store {
namespace {

TEST(SqlConditionsTest, NoConditionsMatchEverything) {
  SqlConditions where;
  EXPECT_EQ(where.Sql(), "1 = 1");
  EXPECT_TRUE(where.params().empty());
}

TEST(SqlConditionsTest, ConditionsAndTheirValuesStayInStep) {
  SqlConditions where;
  where.Add("plan_id = ?", {std::string("2026-27")});
  where.Add("(from_line = ? OR to_line = ?)", {std::string("a"), std::string("a")});
  where.Add("closed_us IS NULL");
  EXPECT_EQ(where.Sql(), "plan_id = ? AND (from_line = ? OR to_line = ?) AND closed_us IS NULL");
  ASSERT_EQ(where.params().size(), 3u);
  EXPECT_EQ(std::get<std::string>(where.params()[0]), "2026-27");

  const std::vector<Value> with_limit = where.ParamsThen({int64_t{50}});
  ASSERT_EQ(with_limit.size(), 4u);
  EXPECT_EQ(std::get<int64_t>(with_limit[3]), 50);
  EXPECT_EQ(where.params().size(), 3u);  // unchanged
}

TEST(SqlConditionsTest, InHasOnePlaceholderPerValueAndNoneWhenEmpty) {
  SqlConditions where;
  where.AddIn("status", std::vector<int64_t>{});
  EXPECT_EQ(where.Sql(), "1 = 1");
  where.AddIn("status", std::vector<int64_t>{1, 3});
  where.AddIn("lead", std::vector<Value>{std::string("Jane Smith")});
  EXPECT_EQ(where.Sql(), "status IN (?, ?) AND lead IN (?)");
  ASSERT_EQ(where.params().size(), 3u);
  EXPECT_EQ(std::get<int64_t>(where.params()[1]), 3);
}

}  // namespace
}  // namespace wp::store
