#include "services/governance/core/budget.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::governance {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

// £30,000 for mentoring in 2022-23, of which £17,500 was spent: £12,500 unused.
BudgetLine Mentoring() {
  return {"2022-23/mentoring", "Leadership", "2022-23", Pence(3'000'000), Pence(1'750'000)};
}

// £20,000 for the coaching programme in the same year, nothing spent yet.
BudgetLine Coaching() {
  return {"2022-23/coaching", "Leadership", "2022-23", Pence(2'000'000), Pence(0)};
}

void ExpectSameLine(const BudgetLine& actual, const BudgetLine& expected) {
  EXPECT_EQ(actual.id, expected.id);
  EXPECT_EQ(actual.workstream, expected.workstream);
  EXPECT_EQ(actual.financial_year, expected.financial_year);
  EXPECT_EQ(actual.allocated, expected.allocated) << actual.id;
  EXPECT_EQ(actual.spent, expected.spent) << actual.id;
}

TEST(FinancialYearTest, AcceptsConsecutiveYearsOnly) {
  for (const char* good : {"2022-23", "2018-19", "2000-01", "2099-00"}) {
    EXPECT_TRUE(IsValidFinancialYear(good)) << good;
  }
  for (const char* bad : {"", "2022", "2022-24", "2020-23", "2022-22", "2022-2023", "2022/23",
                          "22-23", "1999-00", "+022-23", " 022-23", "2022-2a", "2022--3"}) {
    EXPECT_FALSE(IsValidFinancialYear(bad)) << bad;
  }
}

TEST(ValidateBudgetLineTest, AcceptsAValidLine) {
  EXPECT_TRUE(ValidateBudgetLine(Mentoring()).ok());
  EXPECT_TRUE(ValidateBudgetLine(Coaching()).ok());
  // Fully spent is fine; so is an empty allocation.
  EXPECT_TRUE(ValidateBudgetLine({"x", "Data", "2022-23", Pence(500), Pence(500)}).ok());
  EXPECT_TRUE(ValidateBudgetLine({"x", "Data", "2022-23", Pence(0), Pence(0)}).ok());
}

TEST(ValidateBudgetLineTest, ReportsEveryBadField) {
  absl::Status s = ValidateBudgetLine({" ", "", "2022-24", Pence(-1), Pence(-5)});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), (std::vector<std::string>{"budget_line.id", "budget_line.workstream",
                                                   "budget_line.financial_year",
                                                   "budget_line.allocated", "budget_line.spent"}));

  absl::Status over = ValidateBudgetLine(
      {"2022-23/data", std::string(201, 'w'), "2022-23", Pence(100'000), Pence(100'001)}, "line");
  EXPECT_EQ(over.message(),
            "line.workstream: must be at most 200 bytes; "
            "line.spent: must not exceed allocated (£1,000.00)");
}

TEST(AvailableTest, IsAllocatedLessSpent) {
  EXPECT_EQ(Available(Mentoring()).value(), Pence(1'250'000));
  EXPECT_EQ(Available(Coaching()).value(), Pence(2'000'000));
  EXPECT_EQ(Available({"x", "Data", "2022-23", Pence(kMax), Pence(0)}).value(), Pence(kMax));
  EXPECT_EQ(Available({"x", "Data", "2022-23", Pence(10), Pence(11)}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ReallocateTest, MovesUnusedMentoringFundsToCoaching) {
  BudgetLine mentoring = Mentoring();
  BudgetLine coaching = Coaching();
  absl::Status s = Reallocate(mentoring, coaching, Pence(1'250'000),
                              "Mentoring under-spent; funds the coaching programme's second cohort",
                              "Finance Sub-Group");
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(mentoring.allocated, Pence(1'750'000));
  EXPECT_EQ(mentoring.spent, Pence(1'750'000));
  EXPECT_EQ(Available(mentoring).value(), Pence(0));
  EXPECT_EQ(coaching.allocated, Pence(3'250'000));
  EXPECT_EQ(coaching.spent, Pence(0));
}

TEST(ReallocateTest, MovesPartOfTheUnusedFunds) {
  BudgetLine mentoring = Mentoring();
  BudgetLine coaching = Coaching();
  ASSERT_TRUE(Reallocate(mentoring, coaching, Pence(250'050), "Coaching venue hire", "Board").ok());
  EXPECT_EQ(mentoring.allocated, Pence(2'749'950));
  EXPECT_EQ(coaching.allocated, Pence(2'250'050));
}

TEST(ReallocateTest, CannotMoveMoreThanIsAvailable) {
  BudgetLine mentoring = Mentoring();
  BudgetLine coaching = Coaching();
  absl::Status s =
      Reallocate(mentoring, coaching, Pence(1'250'001), "Coaching programme", "Finance Sub-Group");
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "line 2022-23/mentoring has £12,500.00 available, cannot move £12,500.01");
  ExpectSameLine(mentoring, Mentoring());
  ExpectSameLine(coaching, Coaching());

  // Spent money cannot be moved even though it is still within the allocation.
  BudgetLine spent_out{"2022-23/mentoring", "Leadership", "2022-23", Pence(3'000'000),
                       Pence(3'000'000)};
  EXPECT_EQ(Reallocate(spent_out, coaching, Pence(1), "Coaching", "Finance Sub-Group").message(),
            "line 2022-23/mentoring has £0.00 available, cannot move £0.01");
}

TEST(ReallocateTest, ReportsEveryBadArgument) {
  BudgetLine mentoring = Mentoring();
  BudgetLine coaching = Coaching();
  absl::Status s = Reallocate(mentoring, coaching, Pence(0), "  ", "");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), (std::vector<std::string>{"amount", "reason", "approving_body"}));
  EXPECT_EQ(s.message(),
            "amount: must be more than £0.00; reason: is required; approving_body: is required");
  ExpectSameLine(mentoring, Mentoring());
  ExpectSameLine(coaching, Coaching());

  EXPECT_EQ(Reallocate(mentoring, coaching, Pence(-1'250'000), "Coaching", "Board").message(),
            "amount: must be more than £0.00");
  EXPECT_EQ(
      Reallocate(mentoring, coaching, Pence(100), std::string(4001, 'r'), std::string(201, 'b'))
          .message(),
      "reason: must be at most 4000 bytes; approving_body: must be at most 200 bytes");
  ExpectSameLine(mentoring, Mentoring());
  ExpectSameLine(coaching, Coaching());
}

TEST(ReallocateTest, OnlyWithinOneFinancialYear) {
  BudgetLine mentoring = Mentoring();
  BudgetLine next_year{"2023-24/coaching", "Leadership", "2023-24", Pence(2'000'000), Pence(0)};
  absl::Status s =
      Reallocate(mentoring, next_year, Pence(1'250'000), "Carry forward", "Finance Sub-Group");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s), std::vector<std::string>{"to.financial_year"});
  EXPECT_EQ(s.message(),
            "to.financial_year: must match from.financial_year (2022-23); money moves only "
            "within one financial year");
  ExpectSameLine(mentoring, Mentoring());
  EXPECT_EQ(next_year.allocated, Pence(2'000'000));
}

TEST(ReallocateTest, NotToTheSameLine) {
  BudgetLine mentoring = Mentoring();
  BudgetLine copy = Mentoring();
  absl::Status s = Reallocate(mentoring, copy, Pence(100), "Tidy up", "Board");
  EXPECT_EQ(s.message(), "to.id: must be a different line from from.id");
  // Passing one object as both lines is the same mistake, and changes nothing.
  EXPECT_EQ(Reallocate(mentoring, mentoring, Pence(100), "Tidy up", "Board").code(),
            absl::StatusCode::kInvalidArgument);
  ExpectSameLine(mentoring, Mentoring());
}

TEST(ReallocateTest, RejectsInvalidLines) {
  BudgetLine broken{"", "Leadership", "2022", Pence(100), Pence(200)};
  BudgetLine coaching = Coaching();
  absl::Status s = Reallocate(broken, coaching, Pence(50), "Coaching", "Board");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(s),
            (std::vector<std::string>{"from.id", "from.financial_year", "from.spent"}));
  ExpectSameLine(coaching, Coaching());

  BudgetLine mentoring = Mentoring();
  BudgetLine negative{"2022-23/coaching", "Leadership", "2022-23", Pence(-100), Pence(0)};
  EXPECT_EQ(FieldsOf(Reallocate(mentoring, negative, Pence(50), "Coaching", "Board")),
            std::vector<std::string>{"to.allocated"});
  ExpectSameLine(mentoring, Mentoring());
}

TEST(ReallocateTest, OverflowOnTheReceivingLineChangesNothing) {
  BudgetLine mentoring = Mentoring();
  BudgetLine huge{"2022-23/huge", "Leadership", "2022-23", Pence(kMax - 10), Pence(0)};
  absl::Status s = Reallocate(mentoring, huge, Pence(11), "Coaching", "Board");
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  ExpectSameLine(mentoring, Mentoring());
  EXPECT_EQ(huge.allocated, Pence(kMax - 10));

  ASSERT_TRUE(Reallocate(mentoring, huge, Pence(10), "Coaching", "Board").ok());
  EXPECT_EQ(huge.allocated, Pence(kMax));
}

TEST(RecordSpendTest, SpendsUpToTheAllocation) {
  BudgetLine coaching = Coaching();
  ASSERT_TRUE(RecordSpend(coaching, Pence(1'234'550)).ok());
  EXPECT_EQ(coaching.spent, Pence(1'234'550));
  ASSERT_TRUE(RecordSpend(coaching, Pence(765'450)).ok());
  EXPECT_EQ(coaching.spent, Pence(2'000'000));
  EXPECT_EQ(coaching.allocated, Pence(2'000'000));
  EXPECT_EQ(Available(coaching).value(), Pence(0));
}

TEST(RecordSpendTest, NeverBeyondTheAllocation) {
  BudgetLine mentoring = Mentoring();
  absl::Status s = RecordSpend(mentoring, Pence(1'250'001));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "line 2022-23/mentoring has £12,500.00 available, cannot spend £12,500.01");
  ExpectSameLine(mentoring, Mentoring());
}

TEST(RecordSpendTest, RejectsBadAmountsAndLines) {
  BudgetLine mentoring = Mentoring();
  for (int64_t pence : {int64_t{0}, int64_t{-500}}) {
    absl::Status s = RecordSpend(mentoring, Pence(pence));
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << pence;
    EXPECT_EQ(s.message(), "amount: must be more than £0.00") << pence;
  }
  ExpectSameLine(mentoring, Mentoring());

  BudgetLine broken{"2022-23/x", "", "2022-23", Pence(100), Pence(0)};
  EXPECT_EQ(FieldsOf(RecordSpend(broken, Pence(10))),
            std::vector<std::string>{"budget_line.workstream"});
  EXPECT_EQ(broken.spent, Pence(0));
}

TEST(TotalsTest, SumsByWorkstreamAndYear) {
  std::vector<BudgetLine> lines = {
      Mentoring(),
      Coaching(),
      {"2023-24/mentoring", "Leadership", "2023-24", Pence(2'500'000), Pence(400'000)},
      {"2022-23/moderation", "Assessment", "2022-23", Pence(1'500'050), Pence(1'000'025)},
  };
  auto allocated = TotalsByWorkstreamAndYear(lines);
  ASSERT_TRUE(allocated.ok()) << allocated.status();
  const std::map<std::pair<std::string, std::string>, Pence> want_allocated = {
      {{"Assessment", "2022-23"}, Pence(1'500'050)},
      {{"Leadership", "2022-23"}, Pence(5'000'000)},
      {{"Leadership", "2023-24"}, Pence(2'500'000)},
  };
  EXPECT_EQ(*allocated, want_allocated);

  auto spent = TotalsByWorkstreamAndYear(lines, BudgetAmount::kSpent);
  ASSERT_TRUE(spent.ok()) << spent.status();
  const std::map<std::pair<std::string, std::string>, Pence> want_spent = {
      {{"Assessment", "2022-23"}, Pence(1'000'025)},
      {{"Leadership", "2022-23"}, Pence(1'750'000)},
      {{"Leadership", "2023-24"}, Pence(400'000)},
  };
  EXPECT_EQ(*spent, want_spent);
}

TEST(TotalsTest, ReallocationKeepsTheWorkstreamTotal) {
  std::vector<BudgetLine> lines = {Mentoring(), Coaching()};
  ASSERT_TRUE(
      Reallocate(lines[0], lines[1], Pence(1'250'000), "Coaching", "Finance Sub-Group").ok());
  auto totals = TotalsByWorkstreamAndYear(lines);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->at({"Leadership", "2022-23"}), Pence(5'000'000));
}

TEST(TotalsTest, EmptyInputGivesNoTotals) {
  auto totals = TotalsByWorkstreamAndYear({});
  ASSERT_TRUE(totals.ok());
  EXPECT_TRUE(totals->empty());
}

TEST(TotalsTest, OverflowIsReportedNotWrapped) {
  std::vector<BudgetLine> lines = {
      {"a", "Leadership", "2022-23", Pence(kMax), Pence(0)},
      {"b", "Assessment", "2022-23", Pence(kMax), Pence(0)},  // other key: fine
      {"c", "Leadership", "2022-23", Pence(1), Pence(0)},
  };
  auto totals = TotalsByWorkstreamAndYear(lines);
  EXPECT_EQ(totals.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(totals.status().message(),
            "total for workstream Leadership in 2022-23 overflows: "
            "£92,233,720,368,547,758.07 + £0.01 overflows");
}

}  // namespace
}  // namespace wp::governance
