#include "examples/notices/notice_rules.h"

#include "gtest/gtest.h"

namespace wp::examples::notices {
namespace {

TEST(NoticeRulesTest, ANoticeNeedsATitle) {
  v1::Notice notice;
  notice.set_title(" \t");
  absl::Status s = ValidateNewNotice(notice);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("notice.title"), std::string::npos) << s;
  notice.set_title("Staff meeting moved to Thursday");
  EXPECT_TRUE(ValidateNewNotice(notice).ok());
}

TEST(NoticeRulesTest, OutputFieldsAreRefusedOnInput) {
  v1::Notice notice;
  notice.set_title("t");
  notice.set_name("notices/mine");
  notice.set_posted_by("someone else");
  absl::Status s = ValidateNewNotice(notice);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("notice.name"), std::string::npos) << s;
  EXPECT_NE(s.message().find("notice.posted_by"), std::string::npos) << s;
}

TEST(NoticeRulesTest, NamesRoundTrip) {
  EXPECT_EQ(NoticeName("abc"), "notices/abc");
  absl::StatusOr<std::string> id = NoticeIdOf("notices/abc", "name");
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "abc");
  for (const char* bad : {"", "notices/", "notice/abc", "notices/a/b", "abc"}) {
    absl::StatusOr<std::string> r = NoticeIdOf(bad, "name");
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(r.status().message().find("name"), std::string::npos) << bad;
  }
}

}  // namespace
}  // namespace wp::examples::notices
