#include "services/governance/core/money.h"

#include <cstdint>
#include <limits>
#include <sstream>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// The single field named by an INVALID_ARGUMENT, or "" if there is not exactly one.
std::string FieldOf(const absl::Status& status) {
  std::vector<FieldViolation> v = FieldViolationsOf(status);
  return v.size() == 1 ? v[0].field : "";
}

TEST(PenceTest, DefaultIsZeroAndComparesByValue) {
  EXPECT_EQ(Pence().value(), 0);
  EXPECT_EQ(Pence(1'250'000), Pence(1'250'000));
  EXPECT_NE(Pence(1'250'000), Pence(1'250'001));
  EXPECT_LT(Pence(-1), Pence(0));
  EXPECT_LE(Pence(5), Pence(5));
  EXPECT_GT(Pence(4'500'000), Pence(1'250'000));
  EXPECT_GE(Pence(7), Pence(7));
  EXPECT_FALSE(Pence(3) < Pence(3));
}

TEST(PenceTest, AddAndSubtractAreExact) {
  // £45,000.00 coaching budget plus £12,500.00 of unused mentoring funds.
  absl::StatusOr<Pence> sum = Pence(4'500'000).Add(Pence(1'250'000));
  ASSERT_TRUE(sum.ok()) << sum.status();
  EXPECT_EQ(sum->value(), 5'750'000);

  absl::StatusOr<Pence> diff = Pence(1'250'000).Subtract(Pence(1'250'001));
  ASSERT_TRUE(diff.ok()) << diff.status();
  EXPECT_EQ(diff->value(), -1);

  // 10p + 20p is exactly 30p (0.1 + 0.2 in doubles is not 0.3).
  EXPECT_EQ(Pence(10).Add(Pence(20)).value(), Pence(30));

  EXPECT_EQ(Pence(kMax - 1).Add(Pence(1)).value(), Pence(kMax));
  EXPECT_EQ(Pence(kMin + 1).Subtract(Pence(1)).value(), Pence(kMin));
  EXPECT_EQ(Pence(-1).Subtract(Pence(kMax)).value(), Pence(kMin));
  EXPECT_EQ(Pence(kMin).Add(Pence(kMax)).value(), Pence(-1));
}

TEST(PenceTest, OverflowIsOutOfRange) {
  absl::StatusOr<Pence> up = Pence(kMax).Add(Pence(1));
  EXPECT_EQ(up.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(up.status().message(), "£92,233,720,368,547,758.07 + £0.01 overflows");

  EXPECT_EQ(Pence(kMin).Add(Pence(-1)).status().code(), absl::StatusCode::kOutOfRange);

  absl::StatusOr<Pence> down = Pence(kMin).Subtract(Pence(1));
  EXPECT_EQ(down.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(down.status().message(), "-£92,233,720,368,547,758.08 - £0.01 overflows");

  EXPECT_EQ(Pence(kMax).Subtract(Pence(-1)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Pence(0).Subtract(Pence(kMin)).status().code(), absl::StatusCode::kOutOfRange);
}

TEST(ParsePoundsTest, AcceptsTheWaysBudgetsWriteAmounts) {
  const struct {
    const char* text;
    int64_t pence;
  } cases[] = {
      {"1234", 123'400},
      {"1,234.50", 123'450},
      {"£1,234.5", 123'450},
      {"£12,500", 1'250'000},
      {"£12,500.00", 1'250'000},
      {"12500.00", 1'250'000},
      {"  £45,000.00 ", 4'500'000},
      {"0", 0},
      {"0.07", 7},
      {"£0.5", 50},
      {"999", 99'900},
      {"1,000,000", 100'000'000},
      {"92233720368547758.07", kMax},
  };
  for (const auto& c : cases) {
    absl::StatusOr<Pence> parsed = ParsePounds(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status();
    EXPECT_EQ(parsed->value(), c.pence) << c.text;
  }
}

TEST(ParsePoundsTest, RejectsNegativeAmounts) {
  for (const char* text : {"-0.99", "-£12,500.00", "-0", "-", "--5"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text, "budget_line.allocated");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(), "budget_line.allocated: must not be negative") << text;
    EXPECT_EQ(FieldOf(parsed.status()), "budget_line.allocated") << text;
  }
}

TEST(ParsePoundsTest, RejectsMoreThanTwoDecimals) {
  for (const char* text : {"1.234", "£0.001", "12,500.000"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(),
              "amount: has more than two decimal places; amounts are in whole pence")
        << text;
  }
}

TEST(ParsePoundsTest, RejectsMisplacedCommas) {
  for (const char* text : {"1,2345", "12,34", "1234,567", "1,,234", "1,234,", "1,234,56.00"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(),
              "amount: has misplaced commas; group pounds in threes, like 1,234,567.50")
        << text;
  }
}

TEST(ParsePoundsTest, RejectsLeadingZeros) {
  for (const char* text : {"01", "0,500", "007.50", "00"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(), "amount: must not have leading zeros") << text;
  }
}

TEST(ParsePoundsTest, RejectsTextThatIsNotAnAmount) {
  for (const char* text : {"£", "abc", "12.5p", "1e3", "0x10", "+5", ".50", "5.", "1.5.0", "1 234",
                           "£ 12", "£-5", "12,500 GBP", "$12", ",500", "1.-5", "GBP12"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(), "amount: must be an amount in pounds like 1,234.50")
        << text;
  }
}

TEST(ParsePoundsTest, RejectsEmptyText) {
  for (const char* text : {"", "   "}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text, "amount");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message(), "amount: is required");
  }
}

TEST(ParsePoundsTest, RejectsAmountsBeyondInt64) {
  for (const char* text :
       {"92233720368547758.08", "92,233,720,368,547,759", "1000000000000000000"}) {
    absl::StatusOr<Pence> parsed = ParsePounds(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.status().message(), "amount: is too large") << text;
  }
}

TEST(ParseSignedPoundsTest, AcceptsNegativeAmounts) {
  EXPECT_EQ(ParseSignedPounds("-0.99").value(), Pence(-99));
  EXPECT_EQ(ParseSignedPounds("-£12,500.00").value(), Pence(-1'250'000));
  EXPECT_EQ(ParseSignedPounds("-1,234.5").value(), Pence(-123'450));
  EXPECT_EQ(ParseSignedPounds("-0").value(), Pence(0));
  EXPECT_EQ(ParseSignedPounds("£1,234.50").value(), Pence(123'450));
  EXPECT_EQ(ParseSignedPounds("-92,233,720,368,547,758.08").value(), Pence(kMin));
  EXPECT_EQ(ParseSignedPounds("-92,233,720,368,547,758.09").status().message(),
            "amount: is too large");
  EXPECT_EQ(ParseSignedPounds("-1.234").status().message(),
            "amount: has more than two decimal places; amounts are in whole pence");
  for (const char* text : {"-", "--1", "£-1", "- 1", "-£", "1-"}) {
    EXPECT_EQ(ParseSignedPounds(text).status().message(),
              "amount: must be an amount in pounds like 1,234.50")
        << text;
  }
}

TEST(FormatPoundsTest, WritesPoundsPenceAndThousands) {
  EXPECT_EQ(FormatPounds(Pence(123'450)), "£1,234.50");
  EXPECT_EQ(FormatPounds(Pence(1'250'000)), "£12,500.00");
  EXPECT_EQ(FormatPounds(Pence(0)), "£0.00");
  EXPECT_EQ(FormatPounds(Pence(7)), "£0.07");
  EXPECT_EQ(FormatPounds(Pence(99'999)), "£999.99");
  EXPECT_EQ(FormatPounds(Pence(100'000)), "£1,000.00");
  EXPECT_EQ(FormatPounds(Pence(100'000'000)), "£1,000,000.00");
  EXPECT_EQ(FormatPounds(Pence(-99)), "-£0.99");
  EXPECT_EQ(FormatPounds(Pence(-1'250'000)), "-£12,500.00");
  EXPECT_EQ(FormatPounds(Pence(kMax)), "£92,233,720,368,547,758.07");
  EXPECT_EQ(FormatPounds(Pence(kMin)), "-£92,233,720,368,547,758.08");
}

TEST(FormatPoundsTest, RoundTripsThroughParseSignedPounds) {
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{100},
                    int64_t{123'456'789}, int64_t{-1'250'000}, kMax, kMin}) {
    EXPECT_EQ(ParseSignedPounds(FormatPounds(Pence(v))).value(), Pence(v)) << v;
  }
}

TEST(FormatPoundsTest, StreamsAsPounds) {
  std::ostringstream out;
  out << Pence(1'250'000);
  EXPECT_EQ(out.str(), "£12,500.00");
}

}  // namespace
}  // namespace wp::governance
