#include "libs/status/client_status.h"

#include <string>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "libs/status/error_limits.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/text/bounded_text.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

bool ValidUtf8(absl::string_view s) {
  while (!s.empty()) {
    const size_t n = text::Utf8SequenceLength(s);
    if (n == 0) return false;
    s.remove_prefix(n);
  }
  return true;
}

TEST(ClientStatusTest, InternalErrorsShowAReferenceNotTheirText) {
  const std::string sql_error =
      "SELECT ... WHERE lead LIKE ?: LIKE or GLOB pattern too complex";
  ::testing::internal::CaptureStderr();
  grpc::Status s = ToGrpcStatus(absl::InternalError(sql_error));
  const std::string log = ::testing::internal::GetCapturedStderr();

  EXPECT_EQ(s.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(s.error_message(), MatchesRegex("internal error \\(ref [0-9a-f]{16}\\)"));
  EXPECT_THAT(s.error_message(), Not(HasSubstr("LIKE")));
  EXPECT_TRUE(s.error_details().empty());
  // The operator finds the full text under the same reference, at error level.
  const std::string ref = s.error_message().substr(s.error_message().size() - 17, 16);
  EXPECT_THAT(log, HasSubstr("level=error"));
  EXPECT_THAT(log, HasSubstr("ref=" + ref));
  EXPECT_THAT(log, HasSubstr("LIKE or GLOB pattern too complex"));
}

TEST(ClientStatusTest, EveryServerFaultCodeIsHidden) {
  for (absl::StatusCode code : {absl::StatusCode::kInternal, absl::StatusCode::kUnknown,
                                absl::StatusCode::kDataLoss, absl::StatusCode::kUnavailable}) {
    ::testing::internal::CaptureStderr();
    absl::Status s = ForClient(absl::Status(code, "sqlite3_step: database disk image is malformed"));
    ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(s.code(), code);
    EXPECT_THAT(std::string(s.message()), Not(HasSubstr("sqlite")));
    EXPECT_THAT(std::string(s.message()), HasSubstr("(ref "));
  }
  // Two faults get two references.
  ::testing::internal::CaptureStderr();
  const std::string a(ForClient(absl::InternalError("x")).message());
  const std::string b(ForClient(absl::InternalError("x")).message());
  ::testing::internal::GetCapturedStderr();
  EXPECT_NE(a, b);
}

TEST(ClientStatusTest, ClientErrorsKeepTheirMessage) {
  absl::Status s = ForClient(absl::NotFoundError("plans/2022-23 does not exist"));
  EXPECT_EQ(s, absl::NotFoundError("plans/2022-23 does not exist"));
}

TEST(ClientStatusTest, HugeMessagesAreCutToValidUtf8) {
  std::string echoed = "others_present: \"";
  for (int i = 0; i < 100000; ++i) echoed += "\xC3\xA9\xFF";  // é and a stray byte
  grpc::Status s = ToGrpcStatus(absl::FailedPreconditionError(echoed));
  EXPECT_LE(s.error_message().size(), kMaxMessageBytes);
  EXPECT_TRUE(ValidUtf8(s.error_message()));
  EXPECT_THAT(s.error_message(), HasSubstr(std::string(text::kEllipsis)));
}

TEST(ClientStatusTest, ViolationsAreBoundedInCountAndSize) {
  FieldViolations v;
  const std::string huge(100 * 1024, 'a');
  for (int i = 0; i < 1000; ++i) v.Add(huge, "must not echo " + huge);
  grpc::Status s = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_LE(s.error_message().size(), kMaxMessageBytes);
  // Everything a client receives must fit gRPC's default 8 KiB of trailers
  // after base64, with room for the message beside it.
  EXPECT_LT(s.error_details().size(), 4096u);
  const std::vector<FieldViolation> back = FieldViolationsOf(FromGrpcStatus(s));
  ASSERT_FALSE(back.empty());
  EXPECT_LE(back.size(), kMaxViolations);
  for (const FieldViolation& f : back) {
    EXPECT_LE(f.field.size(), kMaxViolationPartBytes);
    EXPECT_LE(f.description.size(), kMaxViolationPartBytes);
  }
}

TEST(ClientStatusTest, ManySmallViolationsStopAtTheLimitAndSaySo) {
  FieldViolations v;
  for (int i = 0; i < 200; ++i) v.Add("items[" + std::to_string(i) + "]", "is required");
  absl::Status s = v.ToStatus();
  EXPECT_EQ(FieldViolationsOf(s).size(), kMaxViolations);
  EXPECT_THAT(std::string(s.message()), HasSubstr("and 150 more"));
}

TEST(ClientStatusTest, PayloadsMadeElsewhereAreBoundedToo) {
  google::rpc::BadRequest bad;
  for (int i = 0; i < 500; ++i) {
    auto* f = bad.add_field_violations();
    f->set_field(std::string(1000, 'f'));
    f->set_description(std::string(1000, 'd'));
  }
  absl::Status raw = absl::InvalidArgumentError("bad");
  raw.SetPayload(kBadRequestTypeUrl, absl::Cord(bad.SerializeAsString()));
  grpc::Status s = ToGrpcStatus(raw);
  EXPECT_LT(s.error_details().size(), 4096u);
}

}  // namespace
}  // namespace wp
