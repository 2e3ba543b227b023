#include "libs/validation/request_check.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"
#include "wp/testing/v1/limits_test.pb.h"

namespace wp::validation {
namespace {

using wp::testing::v1::LimitsTestRequest;
using wp::testing::v1::Note;

LimitsTestRequest Valid() {
  LimitsTestRequest r;
  r.set_title("ok");
  return r;
}

// The single violation `r` has, as "field: description".
std::string OnlyViolation(const LimitsTestRequest& r) {
  absl::Status s = CheckRequest(r);
  if (s.code() != absl::StatusCode::kInvalidArgument) return "status " + s.ToString();
  std::vector<FieldViolation> v = FieldViolationsOf(s);
  if (v.size() != 1) return "violations: " + std::to_string(v.size());
  return v[0].field + ": " + v[0].description;
}

TEST(RequestCheckTest, AcceptsARequestWithinItsLimits) {
  LimitsTestRequest r = Valid();
  r.add_tags("abc");
  r.add_notes()->set_text("0123456789");
  r.set_blob("1234");
  r.add_colours(wp::testing::v1::COLOUR_RED);
  (*r.mutable_labels())["k"] = "v";
  EXPECT_TRUE(CheckRequest(r).ok()) << CheckRequest(r);
}

TEST(RequestCheckTest, LeavesTheElementsOfABatchToItsHandlerButCountsThem) {
  LimitsTestRequest r = Valid();
  Note* bad = r.add_batch();
  bad->set_text("far more than ten bytes");
  bad->set_colour(static_cast<wp::testing::v1::Colour>(7));
  EXPECT_TRUE(CheckRequest(r).ok()) << CheckRequest(r);
  r.add_batch();
  r.add_batch();
  EXPECT_EQ(OnlyViolation(r), "batch: must have at most 2 entries (has 3)");
}

TEST(RequestCheckTest, NamesTheFieldOverItsDeclaredLimitAtAnyDepth) {
  LimitsTestRequest r = Valid();
  r.set_title("toolong");
  EXPECT_EQ(OnlyViolation(r), "title: must be at most 5 bytes");

  r = Valid();
  r.add_notes();
  r.add_notes()->set_text("01234567890");
  EXPECT_EQ(OnlyViolation(r), "notes[1].text: must be at most 10 bytes");

  r = Valid();
  r.mutable_main_note()->set_text("01234567890");
  EXPECT_EQ(OnlyViolation(r), "main_note.text: must be at most 10 bytes");

  r = Valid();
  r.add_tags("abcd");
  EXPECT_EQ(OnlyViolation(r), "tags[0]: must be at most 3 bytes");

  r = Valid();
  r.set_blob("12345");
  EXPECT_EQ(OnlyViolation(r), "blob: must be at most 4 bytes");
}

TEST(RequestCheckTest, CountsTheEntriesOfListsAndMaps) {
  LimitsTestRequest r = Valid();
  for (int i = 0; i < 3; ++i) r.add_tags("a");
  EXPECT_EQ(OnlyViolation(r), "tags: must have at most 2 entries (has 3)");

  r = Valid();
  for (int i = 0; i < 3; ++i) (*r.mutable_labels())[std::to_string(i)] = "v";
  EXPECT_EQ(OnlyViolation(r), "labels: must have at most 2 entries (has 3)");
}

TEST(RequestCheckTest, UndeclaredFieldsGetTheDefaults) {
  LimitsTestRequest r = Valid();
  r.set_undeclared(std::string(kDefaultMaxBytes, 'x'));
  EXPECT_TRUE(CheckRequest(r).ok());
  r.set_undeclared(std::string(kDefaultMaxBytes + 1, 'x'));
  EXPECT_EQ(OnlyViolation(r),
            absl::StrCat("undeclared: must be at most ", kDefaultMaxBytes, " bytes"));

  r = Valid();
  for (int i = 0; i <= kDefaultMaxItems; ++i) r.mutable_update_mask()->add_paths("p");
  EXPECT_EQ(OnlyViolation(r), absl::StrCat("update_mask.paths: must have at most ",
                                           kDefaultMaxItems, " entries (has ",
                                           kDefaultMaxItems + 1, ")"));
}

TEST(RequestCheckTest, RefusesUndefinedEnumValues) {
  LimitsTestRequest r = Valid();
  r.mutable_main_note()->set_colour(static_cast<wp::testing::v1::Colour>(99));
  EXPECT_EQ(OnlyViolation(r), "main_note.colour: has no value 99 (wp.testing.v1.Colour)");

  r = Valid();
  r.add_colours(wp::testing::v1::COLOUR_RED);
  r.add_colours(static_cast<wp::testing::v1::Colour>(-3));
  EXPECT_EQ(OnlyViolation(r), "colours[1]: has no value -3 (wp.testing.v1.Colour)");
}

TEST(RequestCheckTest, RefusesInvalidUtf8InStringsButNotInBytes) {
  LimitsTestRequest r = Valid();
  r.set_title("a\xFF\xFE");
  EXPECT_EQ(OnlyViolation(r), "title: is not valid UTF-8 (byte 1)");
  r = Valid();
  r.set_blob("\xFF\xFE");
  EXPECT_TRUE(CheckRequest(r).ok());
}

TEST(RequestCheckTest, RequiredFieldsMustBeSet) {
  LimitsTestRequest r;
  EXPECT_EQ(OnlyViolation(r), "title: is required");
}

TEST(RequestCheckTest, ReportsEveryFaultButABoundedNumber) {
  LimitsTestRequest r = Valid();
  r.set_title("toolong");
  r.set_blob("12345");
  std::vector<FieldViolation> two = FieldViolationsOf(CheckRequest(r));
  EXPECT_EQ(two.size(), 2u);

  r = Valid();
  for (int i = 0; i < 3; ++i) {
    wp::testing::v1::Note* n = r.add_notes();
    n->set_text("01234567890");
    n->set_colour(static_cast<wp::testing::v1::Colour>(7));
  }
  r.mutable_main_note()->set_text("01234567890");
  std::vector<FieldViolation> v = FieldViolationsOf(CheckRequest(r));
  EXPECT_EQ(v.size(), 7u);

  // Far more faults than are worth listing: a bounded answer.
  LimitsTestRequest many = Valid();
  for (int i = 0; i < 30; ++i) many.add_many_notes()->set_text("01234567890");
  std::vector<FieldViolation> capped = FieldViolationsOf(CheckRequest(many));
  ASSERT_EQ(capped.size(), static_cast<size_t>(kMaxReportedViolations) + 1);
  EXPECT_EQ(capped.back().field, "request");
}

}  // namespace
}  // namespace wp::validation
