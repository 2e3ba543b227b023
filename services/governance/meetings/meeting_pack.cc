#include "services/governance/meetings/meeting_pack.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/meetings/action_store.h"
#include "services/governance/meetings/decision_store.h"
#include "services/governance/meetings/meeting_store.h"
#include "services/governance/meetings/request_checks.h"
#include "wp/governance/v1/plans.pb.h"

namespace wp::governance::meetings_internal {
namespace {

// The plans waiting for a decision of a body of `kind`: DRAFT plans for the
// Board's approval, BOARD_APPROVED plans for the Committee's endorsement.
struct PlansWaiting {
  v1::Plan::State state = v1::Plan::STATE_UNSPECIFIED;
  v1::DecisionDue::Kind due_kind = v1::DecisionDue::KIND_UNSPECIFIED;
  const char* verb = "";
};

PlansWaiting PlansWaitingFor(v1::Body::Kind kind) {
  if (kind == v1::Body::BOARD) return {v1::Plan::DRAFT, v1::DecisionDue::PLAN_APPROVAL, "Approve"};
  if (kind == v1::Body::REGIONAL_EDUCATION_COMMITTEE) {
    return {v1::Plan::BOARD_APPROVED, v1::DecisionDue::PLAN_ENDORSEMENT, "Endorse"};
  }
  return {};
}

absl::Status AddDecisionsDue(store::Transaction& tx, const std::string& body_id, const v1::Meeting& meeting,
                             v1::MeetingPack* pack) {
  // A plan an agenda item already puts to the meeting is not listed twice.
  std::set<std::string> plans_on_agenda;
  for (const v1::AgendaItem& item : meeting.agenda_items()) {
    if (!item.decision_required()) continue;
    v1::DecisionDue* due = pack->add_decisions_due();
    due->set_kind(v1::DecisionDue::AGENDA_ITEM);
    due->set_agenda_item(item.number());
    due->set_plan(item.plan());
    due->set_summary(item.title());
    if (!item.plan().empty()) plans_on_agenda.insert(item.plan());
  }
  WP_ASSIGN_OR_RETURN(auto body, tx.QueryOne("SELECT kind FROM bodies WHERE id = ?", {body_id}));
  const PlansWaiting waiting = PlansWaitingFor(static_cast<v1::Body::Kind>(body.Int(0)));
  if (waiting.due_kind == v1::DecisionDue::KIND_UNSPECIFIED) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(auto plans, tx.Query("SELECT id, title FROM plans WHERE state = ? ORDER BY first_session, id",
                        {static_cast<int64_t>(waiting.state)}));
  for (const store::Row& r : plans) {
    const std::string plan = PlanName(r.Text(0));
    if (plans_on_agenda.count(plan) > 0) continue;
    v1::DecisionDue* due = pack->add_decisions_due();
    due->set_kind(waiting.due_kind);
    due->set_plan(plan);
    due->set_summary(absl::StrCat(waiting.verb, " ", r.Text(1)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::MeetingPack> BuildMeetingPack(store::Transaction& tx, const std::string& body_id,
                                                 int64_t number) {
  WP_ASSIGN_OR_RETURN(auto meeting, LoadMeeting(tx, body_id, number));
  v1::MeetingPack pack;
  *pack.mutable_meeting() = meeting;
  const std::string day = DayText(meeting.meeting_date());

  ActionFilter open;
  open.body_id = body_id;
  open.states = {v1::Action::OPEN, v1::Action::IN_PROGRESS};
  WP_ASSIGN_OR_RETURN(auto actions, ListActionRows(tx, open, std::nullopt, /*limit=*/0, /*overdue_on=*/day));
  for (v1::Action& a : actions) *pack.add_open_actions() = std::move(a);

  WP_RETURN_IF_ERROR(AddDecisionsDue(tx, body_id, meeting, &pack));

  auto previous = PreviousHeldMeeting(tx, body_id, day, number);
  if (!previous.ok()) return previous.status();
  if (previous->has_value()) {
    const v1::Meeting& held = **previous;
    pack.set_previous_meeting(held.name());
    WP_ASSIGN_OR_RETURN(auto key, ParseMeetingKey(held.name(), "previous_meeting"));
    WP_ASSIGN_OR_RETURN(auto decisions, DecisionsAt(tx, body_id, key.number));
    for (v1::Decision& d : decisions) *pack.add_previous_decisions() = std::move(d);
  }
  return pack;
}

}  // namespace wp::governance::meetings_internal
