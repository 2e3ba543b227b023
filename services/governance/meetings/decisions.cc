#include "services/governance/meetings/decisions.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/request_ids.h"
#include "libs/text/blank.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"
#include "services/governance/meetings/agenda.h"
#include "services/governance/meetings/decision_store.h"
#include "services/governance/meetings/meeting_store.h"
#include "services/governance/meetings/request_checks.h"

namespace wp::governance {
namespace {

using meetings_internal::IsFullDay;
using meetings_internal::DecisionKey;
using meetings_internal::LoadDecision;
using meetings_internal::ParseDecisionKey;
using meetings_internal::ParseMeetingKey;

constexpr char kRecordMethod[] = "RecordDecision";

bool IsOutcome(int outcome) {
  return outcome != v1::Decision::OUTCOME_UNSPECIFIED && v1::Decision::Outcome_IsValid(outcome);
}

// The checks that need no store, all at once.
absl::Status CheckDecisionRequest(const v1::RecordDecisionRequest& request) {
  const v1::Decision& d = request.decision();
  FieldViolations v;
  auto meeting = ParseMeetingKey(request.parent(), "parent");
  AddViolationsOf(meeting.status(), &v);
  if (text::IsBlank(d.text())) {
    v.Add("decision.text", "is required");
  } else {
    CheckOptionalText(d.text(), "decision.text", &v);
  }
  if (d.outcome() == v1::Decision::OUTCOME_UNSPECIFIED) {
    v.Add("decision.outcome", "is required");
  } else if (!IsOutcome(d.outcome())) {
    v.Add("decision.outcome", "must be AGREED, NOTED, REJECTED or DEFERRED");
  }
  if (d.agenda_item() < 0) v.Add("decision.agenda_item", "must be 0 or the number of an item on the agenda");
  if (!d.plan().empty()) AddViolationsOf(ParseName(d.plan(), kPlanPattern, "decision.plan").status(), &v);
  meetings_internal::CheckPlanItemRefs(d.plan_item_refs(), !d.plan().empty(), "decision.plan_item_refs", &v);
  if (!d.supersedes().empty()) {
    auto superseded = ParseDecisionKey(d.supersedes(), "decision.supersedes");
    AddViolationsOf(superseded.status(), &v);
    if (superseded.ok() && meeting.ok() && superseded->body_id != meeting->body_id) {
      v.Add("decision.supersedes", absl::StrCat("must be a decision of ", BodyName(meeting->body_id)));
    }
  }
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  return v.ToStatus();
}

// agenda_item, when set, must be on the meeting's agenda.
absl::Status CheckAgendaItem(store::Transaction& tx, const MeetingRef& meeting, int32_t agenda_item) {
  if (agenda_item == 0) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(auto stored, meetings_internal::LoadMeeting(tx, meeting.body.id, meeting.number));
  for (const v1::AgendaItem& item : stored.agenda_items()) {
    if (item.number() == agenda_item) return absl::OkStatus();
  }
  return InvalidField("decision.agenda_item",
                      absl::StrCat("item ", agenda_item, " is not on the agenda of ", meeting.name));
}

// supersedes, when set, must be a decision taken no later than this meeting.
absl::Status CheckSupersedes(store::Transaction& tx, const MeetingRef& meeting, const std::string& supersedes) {
  if (supersedes.empty()) return absl::OkStatus();
  WP_ASSIGN_OR_RETURN(auto key, ParseDecisionKey(supersedes, "decision.supersedes"));
  WP_ASSIGN_OR_RETURN(auto earlier, LoadDecision(tx, key.body_id, key.meeting_number, key.number));
  if (DayText(earlier.meeting_date()) > meeting.day) {
    return InvalidField("decision.supersedes",
                        absl::StrCat(supersedes, " was taken on ", DayText(earlier.meeting_date()),
                                     ", after this meeting: only an earlier decision can be superseded"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Decision> Decisions::RecordDecision(const server::Caller& caller,
                                                       const v1::RecordDecisionRequest& request) {
  WP_RETURN_IF_ERROR(CheckDecisionRequest(request));
  const v1::Decision& decision = request.decision();
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Decision>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Decision> {
    return store::CreateOnce<v1::Decision>(
        tx, {kRecordMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Decision> {
          WP_ASSIGN_OR_RETURN(auto key, ParseDecisionKey(made, "request_id"));
          return LoadDecision(tx, key.body_id, key.meeting_number, key.number);
        },
        [&]() -> absl::StatusOr<v1::Decision> {
          WP_ASSIGN_OR_RETURN(auto meeting, ResolveMeeting(tx, request.parent(), "parent", /*must_be_held=*/true));
          WP_RETURN_IF_ERROR(CheckAgendaItem(tx, meeting, decision.agenda_item()));
          std::string plan_id;
          if (!decision.plan().empty()) {
            WP_ASSIGN_OR_RETURN(auto plan, ResolvePlan(tx, decision.plan(), "decision.plan"));
            plan_id = plan.id;
          }
          WP_RETURN_IF_ERROR(CheckSupersedes(tx, meeting, decision.supersedes()));
          WP_ASSIGN_OR_RETURN(auto number,
                              meetings_internal::NextDecisionNumber(tx, meeting.body.id, meeting.number));
          WP_RETURN_IF_ERROR(
              meetings_internal::InsertDecision(tx, meeting.body.id, meeting.number, number, decision, plan_id, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadDecision(tx, meeting.body.id, meeting.number, number));
          v1::DecisionRecorded event;
          *event.mutable_decision() = stored;
          event.set_body(BodyName(meeting.body.id));
          event.set_body_kind(meeting.body.kind);
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "decision", "recorded", stored.name(), event).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::Decision> Decisions::GetDecision(const server::Caller& /*caller*/,
                                                    const v1::GetDecisionRequest& request) {
  WP_ASSIGN_OR_RETURN(auto key, ParseDecisionKey(request.name(), "name"));
  return store::ReadValue<v1::Decision>(db_, [&](store::Transaction& tx) {
    return LoadDecision(tx, key.body_id, key.meeting_number, key.number);
  });
}

absl::StatusOr<v1::ListDecisionsResponse> Decisions::ListDecisions(const server::Caller& /*caller*/,
                                                                   const v1::ListDecisionsRequest& request) {
  FieldViolations v;
  meetings_internal::DecisionFilter filter;
  auto parent = ParseName(request.parent(), kMeetingPattern, "parent", /*allow_wildcards=*/true);
  AddViolationsOf(parent.status(), &v);
  if (parent.ok()) {
    filter.body_id = (*parent)[0] == kWildcard ? "" : (*parent)[0];
    filter.meeting_number = NumberPart((*parent)[1]);
  }
  if (!request.plan().empty()) {
    auto plan = ParseName(request.plan(), kPlanPattern, "plan");
    AddViolationsOf(plan.status(), &v);
    if (plan.ok()) filter.plan_id = (*plan)[0];
  }
  if (!request.plan_item_ref().empty()) {
    if (request.plan().empty()) v.Add("plan_item_ref", "needs plan: refs are numbered within a plan");
    if (!meetings_internal::IsPlanItemRef(request.plan_item_ref())) {
      v.Add("plan_item_ref", "must be a workstream number (1..99), a dot and a task number (1..9999), like 4.2");
    }
    filter.plan_item_ref = request.plan_item_ref();
  }
  for (int i = 0; i < request.outcomes_size(); ++i) {
    if (!IsOutcome(request.outcomes(i))) {
      v.Add(absl::StrCat("outcomes[", i, "]"), "must be AGREED, NOTED, REJECTED or DEFERRED");
    }
    filter.outcomes.push_back(request.outcomes(i));
  }
  CheckOptionalDay(request.from_date(), "from_date", &v);
  CheckOptionalDay(request.to_date(), "to_date", &v);
  if (IsFullDay(request.from_date()) && IsFullDay(request.to_date()) &&
      DayText(request.to_date()) < DayText(request.from_date())) {
    v.Add("to_date", "must not be before from_date");
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 4);
  AddViolationsOf(token.status(), &v);
  std::optional<meetings_internal::DecisionPosition> after;
  if (token.ok() && !token->first_page()) {
    after = meetings_internal::DecisionPosition{token->Text(0), token->Text(1), 0, 0};
    if (!absl::SimpleAtoi(token->Text(2), &after->meeting_number) ||
        !absl::SimpleAtoi(token->Text(3), &after->number)) {
      v.Add("page_token", "is not a token this service returned");
    }
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  filter.from_day = DayText(request.from_date());
  filter.to_day = DayText(request.to_date());

  return store::ReadValue<v1::ListDecisionsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListDecisionsResponse> {
        if (!filter.body_id.empty()) {
          if (auto body = ResolveBody(tx, BodyName(filter.body_id), "parent"); !body.ok()) return body.status();
          if (filter.meeting_number > 0) {
            if (auto m = meetings_internal::LoadMeeting(tx, filter.body_id, filter.meeting_number); !m.ok()) {
              return m.status();
            }
          }
        }
        WP_ASSIGN_OR_RETURN(auto decisions,
                            meetings_internal::ListDecisionRows(tx, filter, after, *page_size + 1));
        v1::ListDecisionsResponse response;
        response.set_next_page_token(
            paging::FillPage(decisions, *page_size, response.mutable_decisions(), [](const v1::Decision& last) {
              // bodies/{body}/meetings/{meeting}/decisions/{number}
              const std::vector<std::string> parts = absl::StrSplit(last.name(), '/');
              return paging::KeyOf(DayText(last.meeting_date()), parts[1], parts[3], parts[5]);
            }));
        return response;
      });
}

}  // namespace wp::governance
