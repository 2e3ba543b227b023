#include "services/westos/usage/usage_event.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::westos {
namespace {

using ::testing::HasSubstr;

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

const absl::Time kNow = Utc(2021, 3, 1, 12);

UsageEvent GoodEvent() {
  UsageEvent e;
  e.event_id = "ev-1";
  e.occurred_at = Utc(2021, 1, 18, 9, 15, 2) + absl::Milliseconds(250);
  e.user_id = "u-42";
  e.role = Role::kLearner;
  e.authority = "GCC";
  e.establishment = "SCH123";
  e.sector = Sector::kPrimary;
  e.simd = 3;
  e.content_id = "lesson-7";
  e.action = Action::kRate;
  e.seconds = 90;
  e.rating = 5;
  return e;
}

// The fields ValidateUsageEvent names for `e`.
std::set<std::string> BadFields(const UsageEvent& e, absl::Time now = kNow) {
  std::set<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(ValidateUsageEvent(e, now))) fields.insert(v.field);
  return fields;
}

TEST(ValidateUsageEventTest, GoodEventPasses) {
  EXPECT_TRUE(ValidateUsageEvent(GoodEvent(), kNow).ok());
  UsageEvent minimal = GoodEvent();
  minimal.establishment.clear();
  minimal.sector = Sector::kUnknown;
  minimal.simd = 0;
  minimal.action = Action::kView;
  minimal.seconds = 0;
  minimal.rating = 0;
  EXPECT_TRUE(ValidateUsageEvent(minimal, kNow).ok());
}

struct BadCase {
  const char* name;
  std::function<void(UsageEvent&)> spoil;
  const char* field;
  const char* reason;
};

class ValidateEachFieldTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(ValidateEachFieldTest, OneBrokenFieldIsNamedWithItsReason) {
  UsageEvent e = GoodEvent();
  GetParam().spoil(e);
  const absl::Status status = ValidateUsageEvent(e, kNow);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BadFields(e), std::set<std::string>{GetParam().field}) << status;
  EXPECT_THAT(status.message(), HasSubstr(absl::StrCat(GetParam().field, ": ", GetParam().reason)));
}

const std::string kLongId(kMaxIdBytes + 1, 'x');

INSTANTIATE_TEST_SUITE_P(
    Fields, ValidateEachFieldTest,
    ::testing::Values(
        BadCase{"event_id_empty", [](UsageEvent& e) { e.event_id = ""; }, "event_id", "is required"},
        BadCase{"event_id_blank", [](UsageEvent& e) { e.event_id = "  "; }, "event_id", "is required"},
        BadCase{"event_id_long", [](UsageEvent& e) { e.event_id = kLongId; }, "event_id",
                "is 129 bytes, more than 128"},
        BadCase{"event_id_control", [](UsageEvent& e) { e.event_id = "a\tb"; }, "event_id",
                "holds a control character"},
        BadCase{"event_id_c1_control", [](UsageEvent& e) { e.event_id = "a\xC2\x85" "b"; }, "event_id",
                "holds a control character"},
        BadCase{"event_id_not_utf8", [](UsageEvent& e) { e.event_id = "ab\xFF"; }, "event_id",
                "is not UTF-8 text (byte 0xFF at offset 2)"},
        BadCase{"occurred_before_2000",
                [](UsageEvent& e) { e.occurred_at = Utc(2000, 1, 1) - absl::Microseconds(1); },
                "occurred_at", "1999-12-31T23:59:59.999999Z is before 2000-01-01T00:00:00Z"},
        BadCase{"occurred_in_future",
                [](UsageEvent& e) { e.occurred_at = kNow + absl::Minutes(5) + absl::Seconds(1); },
                "occurred_at", "2021-03-01T12:05:01Z is in the future"},
        BadCase{"occurred_unset", [](UsageEvent& e) { e.occurred_at = absl::Time(); }, "occurred_at",
                "1970-01-01T00:00:00Z is before 2000"},
        BadCase{"user_id_empty", [](UsageEvent& e) { e.user_id = ""; }, "user_id", "is required"},
        BadCase{"user_id_long", [](UsageEvent& e) { e.user_id = kLongId; }, "user_id",
                "is 129 bytes, more than 128"},
        BadCase{"user_id_not_utf8", [](UsageEvent& e) { e.user_id = "\xC3("; }, "user_id",
                "is not UTF-8 text"},
        BadCase{"role_unset", [](UsageEvent& e) { e.role = Role{}; }, "role", "is required"},
        BadCase{"role_out_of_range", [](UsageEvent& e) { e.role = static_cast<Role>(9); }, "role",
                "is required"},
        BadCase{"authority_empty", [](UsageEvent& e) { e.authority = ""; }, "authority", "is required"},
        BadCase{"authority_name_not_code", [](UsageEvent& e) { e.authority = "Glasgow City"; },
                "authority", "\"Glasgow City\" is not an authority code"},
        BadCase{"establishment_long", [](UsageEvent& e) { e.establishment = std::string(65, 's'); },
                "establishment", "is 65 bytes, more than 64"},
        BadCase{"establishment_not_utf8", [](UsageEvent& e) { e.establishment = "\xED\xA0\x80"; },
                "establishment", "is not UTF-8 text"},
        BadCase{"sector_out_of_range", [](UsageEvent& e) { e.sector = static_cast<Sector>(5); },
                "sector", "is not a known sector"},
        BadCase{"simd_high", [](UsageEvent& e) { e.simd = 6; }, "simd", "6 is not from 1 to 5"},
        BadCase{"simd_negative", [](UsageEvent& e) { e.simd = -1; }, "simd", "-1 is not from 1 to 5"},
        BadCase{"content_id_empty", [](UsageEvent& e) { e.content_id = ""; }, "content_id", "is required"},
        BadCase{"content_id_long", [](UsageEvent& e) { e.content_id = kLongId; }, "content_id",
                "is 129 bytes, more than 128"},
        BadCase{"action_unset", [](UsageEvent& e) { e.action = Action{}; }, "action", "is required"},
        BadCase{"seconds_negative", [](UsageEvent& e) { e.seconds = -1; }, "seconds",
                "-1 is not from 0 to 86400"},
        BadCase{"seconds_over_a_day", [](UsageEvent& e) { e.seconds = 86401; }, "seconds",
                "86401 is not from 0 to 86400"},
        BadCase{"rating_high", [](UsageEvent& e) { e.rating = 6; }, "rating", "6 is not from 1 to 5"},
        BadCase{"rating_missing_for_rate", [](UsageEvent& e) { e.rating = 0; }, "rating",
                "is required (1 to 5) when the action is rate"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ValidateUsageEventTest, BoundariesAreAccepted) {
  UsageEvent e = GoodEvent();
  e.event_id = std::string(kMaxIdBytes, 'e');
  e.user_id = std::string(kMaxIdBytes, 'u');
  e.content_id = std::string(kMaxIdBytes, 'c');
  e.establishment = std::string(kMaxEstablishmentBytes, 's');
  e.occurred_at = Utc(2000, 1, 1);
  e.seconds = kMaxSeconds;
  e.simd = 5;
  e.rating = 1;
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok()) << ValidateUsageEvent(e, kNow);
  e.occurred_at = kNow + kMaxClockSkew;
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok());
  e.event_id = "Gàidhlig – ünïcödé";  // printable UTF-8 is fine
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok());
}

TEST(ValidateUsageEventTest, RatingWithoutRateActionIsAllowed) {
  UsageEvent e = GoodEvent();
  e.action = Action::kComplete;
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok());
  e.rating = 0;
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok());
}

TEST(ValidateUsageEventTest, EveryBrokenFieldIsReportedAtOnce) {
  UsageEvent e;
  EXPECT_EQ(BadFields(e), (std::set<std::string>{"event_id", "occurred_at", "user_id", "role",
                                                 "authority", "content_id", "action"}));
}

TEST(UsageEventDigestTest, IsStableAcrossBuilds) {
  // SHA-256 of the encoding usage_event.h documents, computed outside this
  // code. A change here changes every stored digest: see the header.
  EXPECT_EQ(UsageEventDigest(GoodEvent()), 0x89d8d9e6c51c507eULL);
}

TEST(UsageEventDigestTest, ChangesWithEveryField) {
  const uint64_t base = UsageEventDigest(GoodEvent());
  const std::vector<std::function<void(UsageEvent&)>> changes = {
      [](UsageEvent& e) { e.event_id = "ev-2"; },
      [](UsageEvent& e) { e.occurred_at += absl::Microseconds(1); },
      [](UsageEvent& e) { e.user_id = "u-43"; },
      [](UsageEvent& e) { e.role = Role::kTeacher; },
      [](UsageEvent& e) { e.authority = "EDC"; },
      [](UsageEvent& e) { e.establishment = ""; },
      [](UsageEvent& e) { e.sector = Sector::kSecondary; },
      [](UsageEvent& e) { e.simd = 4; },
      [](UsageEvent& e) { e.content_id = "lesson-8"; },
      [](UsageEvent& e) { e.action = Action::kView; },
      [](UsageEvent& e) { e.seconds = 91; },
      [](UsageEvent& e) { e.rating = 4; },
      // Moving bytes between neighbouring strings changes it too.
      [](UsageEvent& e) {
        e.authority = "GCCS";
        e.establishment = "CH123";
      },
  };
  std::set<uint64_t> seen = {base};
  for (size_t i = 0; i < changes.size(); ++i) {
    UsageEvent e = GoodEvent();
    changes[i](e);
    EXPECT_TRUE(seen.insert(UsageEventDigest(e)).second) << "change " << i;
  }
  EXPECT_EQ(UsageEventDigest(GoodEvent()), base);
}

TEST(ParseEnumsTest, RoleActionAndNamesRoundTrip) {
  for (Role role : {Role::kLearner, Role::kTeacher, Role::kOther}) {
    EXPECT_EQ(*ParseRole(RoleName(role)), role);
  }
  for (Action action : {Action::kView, Action::kPlay, Action::kComplete, Action::kRate}) {
    EXPECT_EQ(*ParseAction(ActionName(action)), action);
  }
  for (Sector sector : {Sector::kUnknown, Sector::kEarlyYears, Sector::kPrimary, Sector::kSecondary,
                        Sector::kAsn}) {
    EXPECT_EQ(*ParseSector(SectorName(sector)), sector);
  }
  EXPECT_EQ(*ParseRole(" Teacher "), Role::kTeacher);
  EXPECT_EQ(*ParseAction("COMPLETE"), Action::kComplete);
}

TEST(ParseEnumsTest, BadWordsNameTheFieldAndTheChoices) {
  absl::StatusOr<Role> role = ParseRole("pupil");
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(role.status().message(), "role: \"pupil\" is not one of learner, teacher, other");
  EXPECT_EQ(ParseRole("").status().message(), "role: is required");
  EXPECT_EQ(ParseAction("watch").status().message(),
            "action: \"watch\" is not one of view, play, complete, rate");
  EXPECT_THAT(ParseSector("college").status().message(), HasSubstr("sector: \"college\" is not one of"));
}

TEST(ParseEnumsTest, SectorSpellings) {
  EXPECT_EQ(*ParseSector("Early Years"), Sector::kEarlyYears);
  EXPECT_EQ(*ParseSector("early_years"), Sector::kEarlyYears);
  EXPECT_EQ(*ParseSector("PRIMARY"), Sector::kPrimary);
  EXPECT_EQ(*ParseSector("secondary"), Sector::kSecondary);
  EXPECT_EQ(*ParseSector("ASN"), Sector::kAsn);
  EXPECT_EQ(*ParseSector("Special"), Sector::kAsn);
  EXPECT_EQ(*ParseSector(""), Sector::kUnknown);
}

TEST(ParseAuthorityTest, CodeOrNameGivesTheCode) {
  EXPECT_EQ(*ParseAuthority("GCC"), "GCC");
  EXPECT_EQ(*ParseAuthority("gcc"), "GCC");
  EXPECT_EQ(*ParseAuthority(" Glasgow City "), "GCC");
  EXPECT_EQ(*ParseAuthority("west dunbartonshire"), "WDC");
  EXPECT_EQ(ParseAuthority("Fife").status().message(),
            "authority: \"Fife\" is not the code or name of an authority of the region");
  EXPECT_EQ(ParseAuthority("").status().message(), "authority: is required");
}

TEST(ParseAuthorityTest, EchoedTextIsBoundedAndEscaped) {
  const std::string huge = "\n\x1B[31m" + std::string(5000, 'a') + "\xFF";
  absl::StatusOr<std::string> authority = ParseAuthority(huge);
  ASSERT_FALSE(authority.ok());
  EXPECT_LT(authority.status().message().size(), 300u);
  EXPECT_THAT(authority.status().message(), HasSubstr("[31maaa"));
  EXPECT_THAT(authority.status().message(), HasSubstr("…\" is not"));  // cut
  EXPECT_EQ(authority.status().message().find_first_of("\n\x1B\xFF"), absl::string_view::npos);
}

TEST(ParseOccurredAtTest, UtcWithOptionalFraction) {
  EXPECT_EQ(*ParseOccurredAt("2021-01-18T09:15:02Z"), Utc(2021, 1, 18, 9, 15, 2));
  EXPECT_EQ(*ParseOccurredAt("2021-01-18T09:15:02.25Z"),
            Utc(2021, 1, 18, 9, 15, 2) + absl::Milliseconds(250));
  EXPECT_EQ(*ParseOccurredAt("2021-01-18T09:15:02.123456789Z"),
            Utc(2021, 1, 18, 9, 15, 2) + absl::Microseconds(123456));
  EXPECT_EQ(*ParseOccurredAt(" 2021-01-18T09:15:02+00:00 "), Utc(2021, 1, 18, 9, 15, 2));
}

TEST(ParseOccurredAtTest, OffsetsAreConvertedToUtc) {
  EXPECT_EQ(*ParseOccurredAt("2021-01-18T10:15:02+01:00"), Utc(2021, 1, 18, 9, 15, 2));
  EXPECT_EQ(*ParseOccurredAt("2021-01-17T23:45:02-09:30"), Utc(2021, 1, 18, 9, 15, 2));
}

TEST(ParseOccurredAtTest, OtherFormsAndImpossibleTimesAreRefused) {
  for (const char* text : {"2021-01-18", "2021-01-18T09:15:02", "2021-01-18 09:15:02Z",
                           "2021-1-18T09:15:02Z", "2021-01-18T09:15Z", "2021-01-18T09:15:02.Z",
                           "2021-01-18T09:15:02.1234567890Z", "2021-01-18T09:15:02+0100",
                           "2021-01-18T09:15:02+24:00", "2021-01-18T09:15:02ZZ", "yesterday",
                           "+2021-01-18T09:15:02Z", "2021-01-18T09:15:0Z"}) {
    absl::StatusOr<absl::Time> t = ParseOccurredAt(text);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_THAT(t.status().message(), HasSubstr("occurred_at: \"")) << text;
    EXPECT_THAT(t.status().message(), HasSubstr("is not an ISO 8601 time")) << text;
  }
  for (const char* text : {"2021-02-29T09:15:02Z", "2021-13-01T09:15:02Z", "2021-01-18T24:00:00Z",
                           "2021-01-18T09:60:00Z", "2021-01-18T09:15:60Z", "2021-04-31T00:00:00Z"}) {
    absl::StatusOr<absl::Time> t = ParseOccurredAt(text);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_THAT(t.status().message(), HasSubstr("is not a real date and time")) << text;
  }
  EXPECT_EQ(ParseOccurredAt("").status().message(), "occurred_at: is required");
}

TEST(ParseNumbersTest, WholeNumbersInRange) {
  EXPECT_EQ(*ParseSimd(""), 0);
  EXPECT_EQ(*ParseSimd("5"), 5);
  EXPECT_EQ(*ParseSeconds(" 86400 "), 86400);
  EXPECT_EQ(*ParseSeconds(""), 0);
  EXPECT_EQ(*ParseRating("3"), 3);
  EXPECT_EQ(*ParseRating(""), 0);
}

TEST(ParseNumbersTest, OthersAreRefusedNamingTheField) {
  EXPECT_EQ(ParseSeconds("1.5").status().message(),
            "seconds: \"1.5\" is not a whole number from 0 to 86400");
  EXPECT_THAT(ParseSeconds("-3").status().message(), HasSubstr("seconds: \"-3\""));
  EXPECT_THAT(ParseSeconds("abc").status().message(), HasSubstr("seconds: \"abc\""));
  EXPECT_THAT(ParseSeconds("86401").status().message(), HasSubstr("seconds: \"86401\""));
  EXPECT_THAT(ParseSeconds("99999999999999999999999").status().message(), HasSubstr("seconds: "));
  EXPECT_THAT(ParseSeconds("+3").status().message(), HasSubstr("seconds: \"+3\""));
  EXPECT_EQ(ParseSimd("6").status().message(), "simd: \"6\" is not a whole number from 0 to 5");
  EXPECT_THAT(ParseRating("4.5").status().message(), HasSubstr("rating: \"4.5\""));
}

}  // namespace
}  // namespace wp::westos
