#include "libs/fields/field_checks.h"

#include "gtest/gtest.h"

namespace wp::fields {
namespace {

std::vector<FieldViolation> Violations(const FieldViolations& v) { return FieldViolationsOf(v.ToStatus()); }

TEST(FieldChecksTest, RequiredLineRefusesBlankAndLongAndControl) {
  FieldViolations ok;
  CheckRequiredLine("Leadership Learning Sets", "title", 200, &ok);
  EXPECT_TRUE(ok.empty());

  FieldViolations blank;
  CheckRequiredLine("  ", "title", 200, &blank);
  ASSERT_EQ(Violations(blank).size(), 1u);
  EXPECT_EQ(Violations(blank)[0].field, "title");
  EXPECT_EQ(Violations(blank)[0].description, "is required");

  FieldViolations long_line;
  CheckRequiredLine(std::string(201, 'a'), "title", 200, &long_line);
  EXPECT_EQ(Violations(long_line).size(), 1u);

  FieldViolations two_lines;
  CheckRequiredLine("a\nb", "title", 200, &two_lines);
  EXPECT_EQ(Violations(two_lines).size(), 1u);

  FieldViolations escape;
  CheckOptionalLine(std::string("a\x1b[2Jb"), "title", 200, &escape);
  ASSERT_EQ(Violations(escape).size(), 1u);
  EXPECT_EQ(Violations(escape)[0].description, "must not contain control characters");
}

TEST(FieldChecksTest, TextAllowsLinesButNotOtherControls) {
  FieldViolations lines;
  CheckOptionalText("first line\r\n\tsecond", "comment", 100, &lines);
  EXPECT_TRUE(lines.empty());

  FieldViolations bell;
  CheckOptionalText(std::string("ring\x07"), "comment", 100, &bell);
  ASSERT_EQ(Violations(bell).size(), 1u);
  EXPECT_EQ(Violations(bell)[0].field, "comment");

  FieldViolations too_long;
  CheckOptionalText(std::string(101, 'x'), "comment", 100, &too_long);
  EXPECT_EQ(Violations(too_long).size(), 1u);
}

TEST(FieldChecksTest, Ids) {
  EXPECT_TRUE(IsValidId("leadership-sets-2022"));
  EXPECT_FALSE(IsValidId("a"));
  EXPECT_FALSE(IsValidId("-leading"));
  EXPECT_FALSE(IsValidId("trailing-"));
  EXPECT_FALSE(IsValidId("Upper"));
  EXPECT_FALSE(IsValidId("under_score"));
  EXPECT_FALSE(IsValidId(std::string(64, 'a')));

  FieldViolations missing;
  CheckId("", "event_id", &missing);
  ASSERT_EQ(Violations(missing).size(), 1u);
  EXPECT_EQ(Violations(missing)[0].description, "is required");
}

TEST(FieldChecksTest, MaskPaths) {
  google::protobuf::FieldMask empty;
  auto all = MaskPaths(empty, {"title", "capacity"});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, (std::set<std::string>{"title", "capacity"}));

  google::protobuf::FieldMask some;
  some.add_paths("capacity");
  auto one = MaskPaths(some, {"title", "capacity"});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, std::set<std::string>{"capacity"});

  some.add_paths("status");
  auto bad = MaskPaths(some, {"title", "capacity"});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(FieldViolationsOf(bad.status()).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(bad.status())[0].field, "update_mask");
}

TEST(FieldChecksTest, UntrustedLineNamesWhatIsWrongWithTheBytes) {
  auto check = [](absl::string_view text, bool required) {
    FieldViolations v;
    CheckUntrustedLine(text, "title", 10, required, &v);
    return v.ToStatus();
  };
  EXPECT_TRUE(check("Fractions", true).ok());
  EXPECT_TRUE(check("", false).ok());
  EXPECT_TRUE(check("Caf\xC3\xA9", true).ok());  // UTF-8 is fine
  EXPECT_NE(check(" ", true).message().find("title: is required"), std::string::npos);
  EXPECT_NE(check("Fractions 1", true).message().find("title: is 11 bytes, more than 10"), std::string::npos);
  EXPECT_NE(check("ab\xFF", true).message().find("title: is not UTF-8 text (byte 0xFF at offset 2)"),
            std::string::npos);
  for (absl::string_view control : {absl::string_view("a\nb"), absl::string_view("a\tb"), absl::string_view("a\x7F"),
                                    absl::string_view("a\xC2\x85")}) {  // the last is U+0085, a C1 control
    EXPECT_NE(check(control, true).message().find("title: holds a control character"), std::string::npos)
        << control;
  }
}

}  // namespace
}  // namespace wp::fields
