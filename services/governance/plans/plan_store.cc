#include "services/governance/plans/plan_store.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/calendar/timestamps.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/plans/plan_content.h"

namespace wp::governance {
namespace {

using store::Row;

constexpr char kPlanColumns[] =
    "id, title, session_span, theme, vision, priorities, state, revision, version, create_us, update_us";

absl::StatusOr<v1::Plan> PlanFromRow(store::Transaction& tx, const Row& r) {
  v1::Plan plan;
  const std::string id = r.Text(0);
  plan.set_name(PlanName(id));
  plan.set_title(r.Text(1));
  plan.set_session_span(r.Text(2));
  plan.set_theme(r.Text(3));
  plan.set_vision(r.Text(4));
  for (std::string& p : SplitLines(r.Text(5))) plan.add_priorities(std::move(p));
  plan.set_state(static_cast<v1::Plan::State>(r.Int(6)));
  plan.set_revision(static_cast<int32_t>(r.Int(7)));
  plan.set_etag(store::EtagOf(r.Int(8)));
  calendar::SetTimestamp(r.Int(9), plan.mutable_create_time());
  calendar::SetTimestamp(r.Int(10), plan.mutable_update_time());

  WP_ASSIGN_OR_RETURN(auto workstreams,
      tx.Query("SELECT number, title FROM plan_workstreams WHERE plan_id = ? ORDER BY number", {id}));
  for (const Row& w : workstreams) {
    v1::PlanWorkstream* ws = plan.add_workstreams();
    ws->set_number(static_cast<int32_t>(w.Int(0)));
    ws->set_title(w.Text(1));
  }
  WP_ASSIGN_OR_RETURN(auto projects, tx.Query(
      "SELECT id, title, workstream_number, description, status FROM plan_projects "
      "WHERE plan_id = ? ORDER BY workstream_number, id",
      {id}));
  for (const Row& p : projects) {
    v1::PlanProject* project = plan.add_projects();
    project->set_id(p.Text(0));
    project->set_title(p.Text(1));
    project->set_workstream_number(static_cast<int32_t>(p.Int(2)));
    project->set_description(p.Text(3));
    project->set_status(static_cast<v1::PlanProject::Status>(p.Int(4)));
  }
  WP_ASSIGN_OR_RETURN(auto steps, tx.Query(
      "SELECT to_state, by_text, step_us, meeting, decision, recorded_by FROM plan_steps "
      "WHERE plan_id = ? ORDER BY seq",
      {id}));
  for (const Row& s : steps) {
    v1::PlanStep* step = plan.add_steps();
    step->set_to_state(static_cast<v1::Plan::State>(s.Int(0)));
    step->set_by(s.Text(1));
    calendar::SetTimestamp(s.Int(2), step->mutable_step_time());
    step->set_meeting(s.Text(3));
    step->set_decision(s.Text(4));
    step->set_recorded_by(s.Text(5));
  }
  NormalizeContent(plan.session_span(), &plan);
  return plan;
}

int64_t MicrosOf(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1000000 + t.nanos() / 1000;
}

// Replaces the plan's workstreams, projects and steps with `plan`'s.
absl::Status WriteChildren(store::Transaction& tx, const std::string& id, const v1::Plan& plan) {
  for (const char* table : {"plan_workstreams", "plan_projects", "plan_steps"}) {
    if (auto n = tx.Execute(absl::StrCat("DELETE FROM ", table, " WHERE plan_id = ?"), {id}); !n.ok()) {
      return n.status();
    }
  }
  for (const v1::PlanWorkstream& ws : plan.workstreams()) {
    WP_RETURN_IF_ERROR(tx.Execute("INSERT INTO plan_workstreams (plan_id, number, title) VALUES (?, ?, ?)",
                        {id, static_cast<int64_t>(ws.number()), ws.title()}).status());
  }
  for (const v1::PlanProject& p : plan.projects()) {
    WP_RETURN_IF_ERROR(tx.Execute(
        "INSERT INTO plan_projects (plan_id, id, title, workstream_number, description, status) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {id, p.id(), p.title(), static_cast<int64_t>(p.workstream_number()), p.description(),
         static_cast<int64_t>(p.status())}).status());
  }
  for (int i = 0; i < plan.steps_size(); ++i) {
    const v1::PlanStep& s = plan.steps(i);
    WP_RETURN_IF_ERROR(tx.Execute(
        "INSERT INTO plan_steps (plan_id, seq, to_state, by_text, step_us, meeting, decision, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {id, static_cast<int64_t>(i + 1), static_cast<int64_t>(s.to_state()), s.by(),
         MicrosOf(s.step_time()), s.meeting(), s.decision(), s.recorded_by()}).status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Plan> LoadPlan(store::Transaction& tx, const std::string& id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(absl::StrCat("SELECT ", kPlanColumns, " FROM plans WHERE id = ?"), {id}));
  if (rows.empty()) return absl::NotFoundError(absl::StrCat(PlanName(id), " does not exist"));
  return PlanFromRow(tx, rows.front());
}

absl::Status InsertPlan(store::Transaction& tx, const std::string& id, const v1::Plan& plan,
                        absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto taken, tx.Query("SELECT 1 FROM plans WHERE id = ?", {id}));
  if (!taken.empty()) return absl::AlreadyExistsError(absl::StrCat(PlanName(id), " already exists"));
  WP_ASSIGN_OR_RETURN(auto span,
                      tx.Query("SELECT id FROM plans WHERE session_span = ?", {plan.session_span()}));
  if (!span.empty()) {
    return absl::AlreadyExistsError(absl::StrCat("plan.session_span: ", PlanName(span.front().Text(0)),
                                                 " already covers ", plan.session_span()));
  }
  WP_RETURN_IF_ERROR(tx.Execute(
      "INSERT INTO plans (id, title, session_span, first_session, last_session, theme, vision, "
      "priorities, state, revision, version, create_us, update_us) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)",
      {id, plan.title(), plan.session_span(), FirstSessionOf(plan.session_span()),
       LastSessionOf(plan.session_span()), plan.theme(), plan.vision(),
       JoinLines({plan.priorities().begin(), plan.priorities().end()}),
       static_cast<int64_t>(v1::Plan::DRAFT), calendar::Micros(now), calendar::Micros(now)}).status());
  return WriteChildren(tx, id, plan);
}

absl::Status SavePlan(store::Transaction& tx, const std::string& id, const v1::Plan& plan,
                      int64_t expected_version, absl::Time now) {
  WP_ASSIGN_OR_RETURN(auto n, tx.Execute(
      "UPDATE plans SET title = ?, theme = ?, vision = ?, priorities = ?, state = ?, revision = ?, "
      "version = version + 1, update_us = ? WHERE id = ? AND version = ?",
      {plan.title(), plan.theme(), plan.vision(),
       JoinLines({plan.priorities().begin(), plan.priorities().end()}),
       static_cast<int64_t>(plan.state()), static_cast<int64_t>(plan.revision()), calendar::Micros(now), id,
       expected_version}));
  if (n == 0) return absl::AbortedError(absl::StrCat(PlanName(id), " changed meanwhile; read it again"));
  return WriteChildren(tx, id, plan);
}

std::string PlanIdOf(const v1::Plan& plan) {
  constexpr absl::string_view kPrefix = "plans/";
  return absl::StartsWith(plan.name(), kPrefix) ? plan.name().substr(kPrefix.size()) : plan.name();
}

absl::StatusOr<std::vector<v1::Plan>> ListPlans(store::Transaction& tx, const PlanListQuery& query) {
  std::string sql = absl::StrCat("SELECT ", kPlanColumns, " FROM plans WHERE 1 = 1");
  std::vector<store::Value> params;
  if (!query.states.empty()) {
    std::vector<std::string> marks(query.states.size(), "?");
    absl::StrAppend(&sql, " AND state IN (", absl::StrJoin(marks, ", "), ")");
    for (v1::Plan::State s : query.states) params.emplace_back(static_cast<int64_t>(s));
  }
  if (!query.session.empty()) {
    absl::StrAppend(&sql, " AND first_session <= ? AND last_session >= ?");
    params.emplace_back(query.session);
    params.emplace_back(query.session);
  }
  if (!query.after_first_session.empty()) {
    absl::StrAppend(&sql, " AND (first_session < ? OR (first_session = ? AND last_session < ?))");
    params.emplace_back(query.after_first_session);
    params.emplace_back(query.after_first_session);
    params.emplace_back(query.after_last_session);
  }
  absl::StrAppend(&sql, " ORDER BY first_session DESC, last_session DESC LIMIT ?");
  params.emplace_back(static_cast<int64_t>(query.limit));
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<v1::Plan> plans;
  for (const Row& r : rows) {
    WP_ASSIGN_OR_RETURN(auto plan, PlanFromRow(tx, r));
    plans.push_back(std::move(plan));
  }
  return plans;
}

}  // namespace wp::governance
