#include "libs/status/status_macros.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace wp {
namespace {

absl::Status Check(bool ok) { return ok ? absl::OkStatus() : absl::NotFoundError("missing"); }

absl::StatusOr<int> Number(bool ok) {
  if (!ok) return absl::InvalidArgumentError("bad number");
  return 42;
}

absl::StatusOr<std::unique_ptr<std::string>> Boxed(bool ok) {
  if (!ok) return absl::FailedPreconditionError("no box");
  return std::make_unique<std::string>("boxed");
}

// RETURN_IF_ERROR in a function returning absl::Status.
absl::Status CheckTwice(bool first, bool second, int* reached) {
  WP_RETURN_IF_ERROR(Check(first));
  ++*reached;
  WP_RETURN_IF_ERROR(Check(second));
  ++*reached;
  return absl::OkStatus();
}

// Both macros in a function returning absl::StatusOr<T>.
absl::StatusOr<int> Doubled(bool check_ok, bool number_ok) {
  WP_RETURN_IF_ERROR(Check(check_ok));
  WP_ASSIGN_OR_RETURN(int n, Number(number_ok));
  return 2 * n;
}

// ASSIGN_OR_RETURN in a function returning absl::Status, assigning to an
// existing variable.
absl::Status Store(bool ok, int* out) {
  WP_ASSIGN_OR_RETURN(*out, Number(ok));
  return absl::OkStatus();
}

absl::StatusOr<std::string> Unboxed(bool ok) {
  WP_ASSIGN_OR_RETURN(std::unique_ptr<std::string> box, Boxed(ok));
  return *box;
}

TEST(StatusMacrosTest, ReturnIfErrorPassesOk) {
  int reached = 0;
  EXPECT_TRUE(CheckTwice(true, true, &reached).ok());
  EXPECT_EQ(reached, 2);
}

TEST(StatusMacrosTest, ReturnIfErrorStopsAtTheFirstError) {
  int reached = 0;
  absl::Status s = CheckTwice(false, true, &reached);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "missing");
  EXPECT_EQ(reached, 0);

  reached = 0;
  EXPECT_EQ(CheckTwice(true, false, &reached).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(reached, 1);
}

TEST(StatusMacrosTest, ReturnIfErrorEvaluatesOnce) {
  int calls = 0;
  auto counted = [&calls]() -> absl::Status {
    ++calls;
    return absl::OkStatus();
  };
  auto run = [&]() -> absl::Status {
    WP_RETURN_IF_ERROR(counted());
    return absl::OkStatus();
  };
  EXPECT_TRUE(run().ok());
  EXPECT_EQ(calls, 1);
}

TEST(StatusMacrosTest, ReturnIfErrorInsideStatusOrFunction) {
  absl::StatusOr<int> r = Doubled(false, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
}

TEST(StatusMacrosTest, AssignOrReturnDeclaresTheValue) {
  absl::StatusOr<int> r = Doubled(true, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 84);
}

TEST(StatusMacrosTest, AssignOrReturnReturnsTheErrorUnchanged) {
  absl::StatusOr<int> r = Doubled(true, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "bad number");
}

TEST(StatusMacrosTest, AssignOrReturnAssignsAnExistingVariable) {
  int out = 0;
  EXPECT_TRUE(Store(true, &out).ok());
  EXPECT_EQ(out, 42);

  out = 7;
  EXPECT_EQ(Store(false, &out).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(out, 7);  // untouched on error
}

TEST(StatusMacrosTest, AssignOrReturnMovesMoveOnlyValues) {
  absl::StatusOr<std::string> r = Unboxed(true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "boxed");

  r = Unboxed(false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(r.status().message(), "no box");
}

TEST(StatusMacrosTest, TwoAssignmentsInOneFunction) {
  auto sum = []() -> absl::StatusOr<int> {
    WP_ASSIGN_OR_RETURN(int a, Number(true));
    WP_ASSIGN_OR_RETURN(int b, Number(true));
    return a + b;
  };
  absl::StatusOr<int> r = sum();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 84);
}

}  // namespace
}  // namespace wp
