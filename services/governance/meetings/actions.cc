#include "services/governance/meetings/actions.h"

#include <algorithm>
#include <optional>
#include <set>
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
#include "libs/store/etag.h"
#include "libs/store/etag_update.h"
#include "libs/store/request_ids.h"
#include "libs/text/blank.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/core/references.h"
#include "services/governance/meetings/action_store.h"
#include "services/governance/meetings/request_checks.h"

namespace wp::governance {
namespace {

using meetings_internal::ActionKey;
using meetings_internal::IsFullDay;
using meetings_internal::LoadAction;
using meetings_internal::ParseActionKey;
using meetings_internal::ParseBodyId;
using meetings_internal::ParseMeetingKey;

constexpr char kCreateMethod[] = "CreateAction";
const std::vector<std::string> kUpdatePaths = {"description", "owner", "due_date", "state", "completed_date", "notes"};

bool IsState(int state) { return state != v1::Action::STATE_UNSPECIFIED && v1::Action::State_IsValid(state); }

void CheckDescription(const std::string& description, FieldViolations* v) {
  if (text::IsBlank(description)) {
    v->Add("action.description", "is required");
  } else {
    CheckOptionalText(description, "action.description", v);
  }
}

void CheckOwner(const std::string& owner, FieldViolations* v) {
  if (owner.empty()) {
    v->Add("action.owner", "is required");
  } else {
    AddViolationsOf(ParseName(owner, kPersonPattern, "action.owner").status(), v);
  }
}

void CheckCompletedDate(const wp::common::v1::Date& date, FieldViolations* v) {
  CheckOptionalDay(date, "action.completed_date", v);
  if (IsFullDay(date) && DayText(date) > TodayText()) {
    v->Add("action.completed_date", "must not be in the future (UTC)");
  }
}

constexpr char kOnlyForDone[] = "is only for DONE actions";

// completed_date belongs to DONE alone: today when DONE without one,
// cleared otherwise.
void FitCompletedDate(v1::Action* action) {
  if (action->state() != v1::Action::DONE) {
    action->clear_completed_date();
  } else if (!calendar::IsSet(action->completed_date())) {
    *action->mutable_completed_date() = calendar::TodayUtc();
  }
}

std::string OwnerId(const std::string& owner) {
  auto parts = ParseName(owner, kPersonPattern, "action.owner");
  return parts.ok() ? (*parts)[0] : "";
}

}  // namespace

absl::StatusOr<v1::Action> Actions::CreateAction(const server::Caller& caller,
                                                 const v1::CreateActionRequest& request) {
  v1::Action action = request.action();
  FieldViolations v;
  auto body_id = ParseBodyId(request.parent(), "parent", /*allow_wildcard=*/false);
  AddViolationsOf(body_id.status(), &v);
  CheckDescription(action.description(), &v);
  CheckOwner(action.owner(), &v);
  if (!action.meeting().empty()) {
    auto meeting = ParseMeetingKey(action.meeting(), "action.meeting");
    AddViolationsOf(meeting.status(), &v);
    if (meeting.ok() && body_id.ok() && meeting->body_id != *body_id) {
      v.Add("action.meeting", absl::StrCat("must be a meeting of ", request.parent()));
    }
  }
  if (!action.decision().empty()) {
    if (action.meeting().empty()) v.Add("action.decision", "needs meeting: the meeting that took the decision");
    AddViolationsOf(ParseName(action.decision(), kDecisionPattern, "action.decision").status(), &v);
  }
  CheckOptionalDay(action.due_date(), "action.due_date", &v);
  if (action.state() == v1::Action::STATE_UNSPECIFIED) action.set_state(v1::Action::OPEN);
  if (!IsState(action.state())) v.Add("action.state", "must be OPEN, IN_PROGRESS, DONE or CANCELLED");
  CheckCompletedDate(action.completed_date(), &v);
  if (calendar::IsSet(action.completed_date()) && action.state() != v1::Action::DONE) {
    v.Add("action.completed_date", kOnlyForDone);
  }
  CheckOptionalText(action.notes(), "action.notes", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  FitCompletedDate(&action);

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Action>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Action> {
    return store::CreateOnce<v1::Action>(
        tx, {kCreateMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Action> {
          WP_ASSIGN_OR_RETURN(auto key, ParseActionKey(made, "request_id"));
          return LoadAction(tx, key.body_id, key.number, today);
        },
        [&]() -> absl::StatusOr<v1::Action> {
          WP_ASSIGN_OR_RETURN(auto body, ResolveBody(tx, request.parent(), "parent"));
          WP_ASSIGN_OR_RETURN(auto owner, ResolvePerson(tx, action.owner(), "action.owner"));
          meetings_internal::ActionLinks links{owner.id, std::nullopt, std::nullopt};
          if (!action.meeting().empty()) {
            WP_ASSIGN_OR_RETURN(auto meeting,
                                ResolveMeeting(tx, action.meeting(), "action.meeting", /*must_be_held=*/false));
            links.meeting_number = meeting.number;
            if (!action.decision().empty()) {
              WP_ASSIGN_OR_RETURN(auto decision,
                                  ResolveDecisionAt(tx, action.decision(), "action.decision", meeting));
              links.decision_number = decision;
            }
          }
          WP_ASSIGN_OR_RETURN(auto number, meetings_internal::NextActionNumber(tx, body.id));
          WP_RETURN_IF_ERROR(meetings_internal::InsertAction(tx, body.id, number, action, links, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadAction(tx, body.id, number, today));
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "action", "created", stored.name(), stored).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::Action> Actions::GetAction(const server::Caller& /*caller*/,
                                              const v1::GetActionRequest& request) {
  WP_ASSIGN_OR_RETURN(auto key, ParseActionKey(request.name(), "name"));
  const std::string today = TodayText();
  return store::ReadValue<v1::Action>(
      db_, [&](store::Transaction& tx) { return LoadAction(tx, key.body_id, key.number, today); });
}

absl::StatusOr<v1::ListActionsResponse> Actions::ListActions(const server::Caller& /*caller*/,
                                                             const v1::ListActionsRequest& request) {
  FieldViolations v;
  meetings_internal::ActionFilter filter;
  auto body_id = ParseBodyId(request.parent(), "parent", /*allow_wildcard=*/true);
  AddViolationsOf(body_id.status(), &v);
  if (!request.owner().empty()) {
    auto owner = ParseName(request.owner(), kPersonPattern, "owner");
    AddViolationsOf(owner.status(), &v);
    if (owner.ok()) filter.owner_id = (*owner)[0];
  }
  for (int i = 0; i < request.states_size(); ++i) {
    if (!IsState(request.states(i))) {
      v.Add(absl::StrCat("states[", i, "]"), "must be OPEN, IN_PROGRESS, DONE or CANCELLED");
    }
    filter.states.push_back(request.states(i));
  }
  CheckOptionalDay(request.overdue_as_of(), "overdue_as_of", &v);
  std::optional<meetings_internal::MeetingKey> meeting;
  if (!request.meeting().empty()) {
    auto key = ParseMeetingKey(request.meeting(), "meeting");
    AddViolationsOf(key.status(), &v);
    if (key.ok()) meeting = *key;
    if (key.ok() && body_id.ok() && !body_id->empty() && key->body_id != *body_id) {
      v.Add("meeting", absl::StrCat("must be a meeting of ", request.parent()));
    }
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 4);
  AddViolationsOf(token.status(), &v);
  std::optional<meetings_internal::ActionPosition> after;
  if (token.ok() && !token->first_page()) {
    after = meetings_internal::ActionPosition{token->Text(0) == "1", token->Text(1), token->Text(2), 0};
    if (!absl::SimpleAtoi(token->Text(3), &after->number)) v.Add("page_token", "is not a token this service returned");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  filter.body_id = *body_id;
  if (meeting.has_value()) {
    filter.body_id = meeting->body_id;
    filter.meeting_number = meeting->number;
  }
  filter.overdue_as_of = DayText(request.overdue_as_of());

  const std::string today = TodayText();
  return store::ReadValue<v1::ListActionsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListActionsResponse> {
        if (!body_id->empty()) {
          if (auto body = ResolveBody(tx, request.parent(), "parent"); !body.ok()) return body.status();
        }
        if (meeting.has_value()) {
          WP_RETURN_IF_ERROR(ResolveMeeting(tx, request.meeting(), "meeting", /*must_be_held=*/false).status());
        }
        WP_ASSIGN_OR_RETURN(auto actions,
                            meetings_internal::ListActionRows(tx, filter, after, *page_size + 1, today));
        v1::ListActionsResponse response;
        response.set_next_page_token(
            paging::FillPage(actions, *page_size, response.mutable_actions(), [](const v1::Action& last) {
              // bodies/{body}/actions/{number}
              const std::vector<std::string> parts = absl::StrSplit(last.name(), '/');
              return paging::KeyOf(calendar::IsSet(last.due_date()) ? "0" : "1", DayText(last.due_date()),
                                   parts[1], parts[3]);
            }));
        return response;
      });
}

absl::StatusOr<v1::Action> Actions::UpdateAction(const server::Caller& caller,
                                                 const v1::UpdateActionRequest& request) {
  const v1::Action& in = request.action();
  FieldViolations v;
  auto paths = MaskPaths(request.update_mask(), kUpdatePaths);
  AddViolationsOf(paths.status(), &v);
  if (!paths.ok()) paths = std::set<std::string>();
  auto key = ParseActionKey(in.name(), "action.name");
  AddViolationsOf(key.status(), &v);
  const auto touches = [&](const char* path) { return paths->count(path) > 0; };
  if (touches("description")) CheckDescription(in.description(), &v);
  if (touches("owner")) CheckOwner(in.owner(), &v);
  if (touches("due_date")) CheckOptionalDay(in.due_date(), "action.due_date", &v);
  if (touches("state") && !IsState(in.state())) {
    v.Add("action.state", "must be OPEN, IN_PROGRESS, DONE or CANCELLED");
  }
  if (touches("completed_date")) CheckCompletedDate(in.completed_date(), &v);
  if (touches("notes")) CheckOptionalText(in.notes(), "action.notes", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  // A date named in the mask for an action that will not be DONE is a
  // mistake worth reporting; sent with an empty mask it is just the old
  // value coming back, and is cleared.
  const bool completed_date_named = !request.update_mask().paths().empty() && touches("completed_date");

  const absl::Time now = absl::Now();
  const std::string today = TodayText();
  return store::WriteValue<v1::Action>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Action> {
    return store::UpdateWithEtag<v1::Action>(
        in.etag(), [&] { return LoadAction(tx, key->body_id, key->number, today); },
        [&](v1::Action& next) -> absl::Status {
          if (touches("description")) next.set_description(in.description());
          if (touches("owner")) {
            WP_RETURN_IF_ERROR(ResolvePerson(tx, in.owner(), "action.owner").status());
            next.set_owner(in.owner());
          }
          if (touches("due_date")) *next.mutable_due_date() = in.due_date();
          if (touches("state")) next.set_state(in.state());
          if (touches("completed_date")) *next.mutable_completed_date() = in.completed_date();
          if (touches("notes")) next.set_notes(in.notes());
          if (completed_date_named && calendar::IsSet(in.completed_date()) && next.state() != v1::Action::DONE) {
            return InvalidField("action.completed_date", kOnlyForDone);
          }
          FitCompletedDate(&next);
          return absl::OkStatus();
        },
        [&](const v1::Action& next, int64_t version) -> absl::StatusOr<v1::Action> {
          WP_RETURN_IF_ERROR(meetings_internal::SaveAction(tx, key->body_id, key->number, next,
                                                           OwnerId(next.owner()), version, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadAction(tx, key->body_id, key->number, today));
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "action", "updated", stored.name(), stored).status());
          return stored;
        },
        // An action update always records and publishes, even when nothing
        // changed (as before this used the helper).
        store::kAlwaysSave);
  });
}

absl::StatusOr<int> Actions::PublishOverdue(const server::Caller& caller, const std::string& today) {
  const std::optional<wp::common::v1::Date> day = calendar::FromIsoText(today);
  if (!day.has_value() || !IsFullDay(*day) || DayText(*day) != today) {
    return InvalidField("today", "must be a day written like 2022-06-14");
  }
  return store::WriteValue<int>(db_, [&](store::Transaction& tx) -> absl::StatusOr<int> {
    WP_ASSIGN_OR_RETURN(auto due, meetings_internal::UnpublishedOverdue(tx, today));
    for (const meetings_internal::OverdueAction& overdue : due) {
      WP_ASSIGN_OR_RETURN(auto action, LoadAction(tx, overdue.body_id, overdue.number, today));
      v1::ActionOverdue event;
      *event.mutable_action() = action;
      *event.mutable_overdue_since() = calendar::FromCivilDay(calendar::LastDayCovered(action.due_date()) + 1);
      WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "action", "overdue", action.name(), event).status());
      WP_RETURN_IF_ERROR(meetings_internal::MarkOverduePublished(tx, overdue));
    }
    return static_cast<int>(due.size());
  });
}

}  // namespace wp::governance
