#include "libs/status/grpc_status.h"

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp {
namespace {

TEST(GrpcStatusTest, OkStaysOk) { EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok()); }

TEST(GrpcStatusTest, CodeAndMessageSurvive) {
  grpc::Status s = ToGrpcStatus(absl::NotFoundError("planPeriods/2022-23/planItems/9.9"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "planPeriods/2022-23/planItems/9.9");
  EXPECT_TRUE(s.error_details().empty());
}

TEST(GrpcStatusTest, FieldViolationsRoundTrip) {
  FieldViolations v;
  v.Add("plan_item.ref", "must look like 4.2");
  v.Add("plan_item.task", "must not be empty");
  grpc::Status s = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "plan_item.ref: must look like 4.2; plan_item.task: must not be empty");
  ASSERT_FALSE(s.error_details().empty());

  auto back = FieldViolationsOf(FromGrpcStatus(s));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].field, "plan_item.ref");
  EXPECT_EQ(back[1].description, "must not be empty");
}

TEST(FieldErrorsTest, EmptyViolationsAreOk) {
  FieldViolations v;
  EXPECT_TRUE(v.ToStatus().ok());
  EXPECT_TRUE(FieldViolationsOf(absl::InternalError("x")).empty());
}

}  // namespace
}  // namespace wp
