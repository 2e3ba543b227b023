// Test-only helpers of the plans area's tests (plans, amendments,
// sponsorships): the meetings, decisions and people other areas would have
// recorded, arranged with SQL; a plan request built in one line; the audit
// trail of a resource.
#ifndef WP_SERVICES_GOVERNANCE_PLANS_PLANS_TEST_SUPPORT_H_
#define WP_SERVICES_GOVERNANCE_PLANS_PLANS_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "services/governance/core/governance_test_support.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance::plans_test {

// Meetings every plans test may point at:
//   bodies/board/meetings/1                       HELD 2022-06-14, decisions 1 and 2
//   bodies/board/meetings/2                       SCHEDULED 2022-08-30
//   bodies/regional-education-committee/meetings/1  HELD 2022-09-20, decision 1
//   bodies/implementation-group/meetings/1        HELD 2022-10-04, decision 1
inline void ArrangeMeetings(store::Database& db) {
  using test_support::Exec;
  const std::string meeting =
      "INSERT INTO meetings (body_id, number, title, meeting_day, state, version, create_us, update_us) "
      "VALUES (?, ?, ?, ?, ?, 1, 0, 0)";
  Exec(db, meeting, {"board", int64_t{1}, "Board, June 2022", "2022-06-14", int64_t{2}});
  Exec(db, meeting, {"board", int64_t{2}, "Board, August 2022", "2022-08-30", int64_t{1}});
  Exec(db, meeting, {"regional-education-committee", int64_t{1}, "REC, September 2022", "2022-09-20", int64_t{2}});
  Exec(db, meeting, {"implementation-group", int64_t{1}, "IG, October 2022", "2022-10-04", int64_t{2}});
  const std::string decision =
      "INSERT INTO decisions (body_id, meeting_number, number, text, outcome, create_us) "
      "VALUES (?, ?, ?, ?, 1, 0)";
  Exec(db, decision, {"board", int64_t{1}, int64_t{1}, "Approve the plan"});
  Exec(db, decision, {"board", int64_t{1}, int64_t{2}, "Agree sponsors"});
  Exec(db, decision, {"regional-education-committee", int64_t{1}, int64_t{1}, "Endorse the plan"});
  Exec(db, decision, {"implementation-group", int64_t{1}, int64_t{1}, "Start delivery"});
}

inline constexpr char kBoardMeeting[] = "bodies/board/meetings/1";
inline constexpr char kBoardDecision[] = "bodies/board/meetings/1/decisions/1";
inline constexpr char kScheduledBoardMeeting[] = "bodies/board/meetings/2";
inline constexpr char kRecMeeting[] = "bodies/regional-education-committee/meetings/1";
inline constexpr char kRecDecision[] = "bodies/regional-education-committee/meetings/1/decisions/1";
inline constexpr char kIgMeeting[] = "bodies/implementation-group/meetings/1";
inline constexpr char kIgDecision[] = "bodies/implementation-group/meetings/1/decisions/1";

// A person, and optionally a Board membership from `start_day` (open-ended
// when `end_day` is empty).
inline void ArrangePerson(store::Database& db, const std::string& id, const std::string& display_name) {
  test_support::Exec(db,
                     "INSERT INTO people (id, display_name, version, create_us, update_us) VALUES (?, ?, 1, 0, 0)",
                     {id, display_name});
}
inline void ArrangeMembership(store::Database& db, const std::string& body, int64_t number,
                              const std::string& person, bool advisory, const std::string& start_day,
                              const std::string& end_day = "") {
  test_support::Exec(
      db,
      "INSERT INTO memberships (body_id, number, person_id, role, advisory, start_day, end_day, version, "
      "create_us, update_us) VALUES (?, ?, ?, 4, ?, ?, ?, 1, 0, 0)",
      {body, number, person, int64_t{advisory ? 1 : 0}, start_day,
       end_day.empty() ? store::Value() : store::Value(end_day)});
}

inline v1::PlanWorkstream Workstream(int32_t number, const std::string& title) {
  v1::PlanWorkstream ws;
  ws.set_number(number);
  ws.set_title(title);
  return ws;
}

inline v1::PlanProject Project(const std::string& id, const std::string& title, int32_t workstream,
                               v1::PlanProject::Status status = v1::PlanProject::STATUS_UNSPECIFIED) {
  v1::PlanProject p;
  p.set_id(id);
  p.set_title(title);
  p.set_workstream_number(workstream);
  p.set_status(status);
  return p;
}

// A plan with three workstreams and three projects (two in workstream 2,
// given out of order).
inline v1::CreatePlanRequest PlanRequest(const std::string& id, const std::string& span) {
  v1::CreatePlanRequest request;
  request.set_plan_id(id);
  v1::Plan* plan = request.mutable_plan();
  plan->set_title("Regional Improvement Plan " + span);
  plan->set_session_span(span);
  plan->set_theme("recovery and renewal");
  plan->set_vision("Every learner achieves their potential.");
  plan->add_priorities("Close the poverty-related attainment gap");
  plan->add_priorities("Improve health and wellbeing");
  *plan->add_workstreams() = Workstream(2, "Leadership");
  *plan->add_workstreams() = Workstream(1, "Wellbeing for Learning");
  *plan->add_workstreams() = Workstream(3, "Digital learning");
  *plan->add_projects() = Project("leadership-pathways", "Leadership pathways", 2);
  *plan->add_projects() = Project("executive-coaching", "Executive coaching", 2);
  *plan->add_projects() = Project("wellbeing-toolkit", "Wellbeing toolkit", 1);
  return request;
}

// The summaries ("plan.created", ...) of the audit records about
// `resource`, oldest first, each checked to name `actor`.
inline std::vector<std::string> AuditSummaries(store::Database& db, const std::string& resource,
                                               const std::string& actor) {
  std::vector<std::string> summaries;
  absl::Status s = db.Read([&](store::Transaction& tx) -> absl::Status {
    auto entries = audit::ListAuditByResource(tx, resource, 0, 1000);
    if (!entries.ok()) return entries.status();
    for (const audit::StoredAuditEntry& e : *entries) {
      EXPECT_EQ(e.entry.subject, actor) << resource;
      summaries.push_back(e.entry.summary);
    }
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return summaries;
}

inline google::protobuf::FieldMask PathsMask(const std::vector<std::string>& paths) {
  google::protobuf::FieldMask mask;
  for (const std::string& p : paths) mask.add_paths(p);
  return mask;
}

// One value of a query, for checking stored columns.
inline std::string QueryText(store::Database& db, const std::string& sql,
                             const std::vector<store::Value>& params = {}) {
  std::string text;
  absl::Status s = db.Read([&](store::Transaction& tx) -> absl::Status {
    auto row = tx.QueryOne(sql, params);
    if (!row.ok()) return row.status();
    text = row->Text(0);
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s << " in " << sql;
  return text;
}

}  // namespace wp::governance::plans_test

#endif  // WP_SERVICES_GOVERNANCE_PLANS_PLANS_TEST_SUPPORT_H_
