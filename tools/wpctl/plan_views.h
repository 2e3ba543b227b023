// PlansService resources as text: plans with their workstreams, projects and
// lifecycle steps, Board sponsorships, and budgets. Money is shown in pounds
// ("£1,234.50", services/governance/core/money.h), never as a floating-point
// number. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_PLAN_VIEWS_H_
#define WP_TOOLS_WPCTL_PLAN_VIEWS_H_

#include <cstdint>
#include <string>

#include "wp/governance/v1/plans.pb.h"

namespace wp::wpctl {

namespace gov = ::wp::governance::v1;

// "£1,234.50" from pence.
std::string PoundsText(int64_t pence);

std::string PlansText(const gov::ListPlansResponse& response);
std::string PlanText(const gov::Plan& plan);
// Each amendment with the project statuses it changed (before -> after).
std::string AmendmentsText(const gov::ListPlanAmendmentsResponse& response);

std::string SponsorshipsText(const gov::ListSponsorshipsResponse& response);

// One row per line and a totals row (which says "too large" rather than wrap).
std::string BudgetLinesText(const gov::ListBudgetLinesResponse& response);
std::string BudgetLineText(const gov::BudgetLine& line);
// Says so when the plan has no budget lines (for the year).
std::string BudgetSummaryText(const gov::BudgetSummary& summary);
// "moved £X from A to B" and both lines after the move.
std::string ReallocationText(const gov::ReallocateBudgetResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_PLAN_VIEWS_H_
