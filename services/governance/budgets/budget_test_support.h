// Test-only: the rows the budget tests build on (two plans with workstreams
// and projects, a held and a scheduled Finance Sub-Group meeting with a
// decision), written with SQL as the other areas' tables would hold them,
// and small readers of what a change left behind (audit, counts).
#ifndef WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_TEST_SUPPORT_H_
#define WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "services/governance/budgets/budget_lines.h"
#include "services/governance/core/governance_test_support.h"

namespace wp::governance::budget_test {

using test_support::Exec;

inline constexpr char kPlan[] = "plans/2022-23";
inline constexpr char kOtherPlan[] = "plans/2020-23";
inline constexpr char kFinance[] = "bodies/finance-sub-group";
inline constexpr char kHeldMeeting[] = "bodies/finance-sub-group/meetings/1";
inline constexpr char kScheduledMeeting[] = "bodies/finance-sub-group/meetings/2";
inline constexpr char kDecision[] = "bodies/finance-sub-group/meetings/1/decisions/1";

// Plan 2022-23 (in `state`) with workstreams 1 Leadership, 2 Wellbeing for
// Learning, 3 Curriculum; projects executive-coaching and mentoring in 1,
// nurture in 2. Plan 2020-23 (ACTIVE) with workstream 1 and project
// executive-coaching. Meetings and a decision of the Finance Sub-Group.
inline void ArrangePlans(store::Database& db, int state = 4) {
  Exec(db,
       "INSERT INTO plans (id, title, session_span, first_session, last_session, state, version, "
       "create_us, update_us) VALUES ('2022-23', 'Regional Improvement Plan 2022-23', '2022-23', "
       "'2022-23', '2022-23', ?, 1, 0, 0)",
       {int64_t{state}});
  Exec(db,
       "INSERT INTO plans (id, title, session_span, first_session, last_session, state, version, "
       "create_us, update_us) VALUES ('2020-23', 'Regional Improvement Plan 2020-23', '2020-23', "
       "'2020-21', '2022-23', 4, 1, 0, 0)");
  Exec(
      db,
      "INSERT INTO plan_workstreams (plan_id, number, title) VALUES ('2022-23', 1, 'Leadership'), "
      "('2022-23', 2, 'Wellbeing for Learning'), ('2022-23', 3, 'Curriculum'), ('2020-23', 1, 'Leadership')");
  Exec(db,
       "INSERT INTO plan_projects (plan_id, id, title, workstream_number, status) VALUES "
       "('2022-23', 'executive-coaching', 'Executive coaching', 1, 1), "
       "('2022-23', 'mentoring', 'Mentoring', 1, 1), ('2022-23', 'nurture', 'Nurture groups', 2, 1), "
       "('2020-23', 'executive-coaching', 'Executive coaching', 1, 1)");
  Exec(db,
       "INSERT INTO meetings (body_id, number, title, meeting_day, state, version, create_us, update_us) "
       "VALUES ('finance-sub-group', 1, 'FSG, May 2022', '2022-05-10', 2, 1, 0, 0), "
       "('finance-sub-group', 2, 'FSG, August 2022', '2022-08-16', 1, 1, 0, 0), "
       "('board', 1, 'Board, June 2022', '2022-06-14', 2, 1, 0, 0)");
  Exec(db,
       "INSERT INTO decisions (body_id, meeting_number, number, text, outcome, create_us) VALUES "
       "('finance-sub-group', 1, 1, 'Move unused mentoring funds to coaching', 1, 0), "
       "('board', 1, 1, 'Approve the plan', 1, 0)");
}

// A line inserted straight into the table, for amounts the API would take
// many calls (or an overflow) to reach.
inline void InsertLine(store::Database& db, const std::string& plan_id, const std::string& id,
                       const std::string& year, int workstream, const std::string& project, int64_t allocated,
                       int64_t spent) {
  Exec(
      db,
      "INSERT INTO budget_lines (plan_id, id, financial_year, workstream_number, project_id, title, "
      "allocated_pence, spent_pence, version, create_us, update_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0)",
      {plan_id, id, year, int64_t{workstream}, project, "Line " + id, allocated, spent});
}

inline v1::CreateBudgetLineRequest LineRequest(const std::string& id, const std::string& year, int workstream,
                                               const std::string& project, int64_t allocated,
                                               const std::string& parent = kPlan) {
  v1::CreateBudgetLineRequest request;
  request.set_parent(parent);
  request.set_budget_line_id(id);
  v1::BudgetLine* line = request.mutable_budget_line();
  line->set_financial_year(year);
  line->set_workstream_number(workstream);
  line->set_project_id(project);
  line->set_title("Line " + id);
  line->set_allocated_pence(allocated);
  if (allocated > 0) request.set_approving_body(kFinance);
  return request;
}

inline int64_t CountRows(store::Database& db, const std::string& table) {
  auto n = store::ReadValue<int64_t>(db, [&](store::Transaction& tx) -> absl::StatusOr<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM " + table);
    if (!row.ok()) return row.status();
    return row->Int(0);
  });
  EXPECT_TRUE(n.ok()) << n.status();
  return n.ok() ? *n : -1;
}

// The audit summaries ("budget_line.created", ...) recorded about `resource`.
inline std::vector<std::string> AuditOf(store::Database& db, const std::string& resource) {
  std::vector<std::string> summaries;
  auto entries = store::ReadValue<std::vector<audit::StoredAuditEntry>>(
      db, [&](store::Transaction& tx) { return audit::ListAuditByResource(tx, resource, 0, 1000); });
  EXPECT_TRUE(entries.ok()) << entries.status();
  if (!entries.ok()) return summaries;
  for (const audit::StoredAuditEntry& e : *entries) summaries.push_back(e.entry.summary);
  return summaries;
}

}  // namespace wp::governance::budget_test

#endif  // WP_SERVICES_GOVERNANCE_BUDGETS_BUDGET_TEST_SUPPORT_H_
