#include "services/governance/meetings/meetings.h"

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
#include "services/governance/core/quorum.h"
#include "services/governance/meetings/agenda.h"
#include "services/governance/meetings/meeting_pack.h"
#include "services/governance/meetings/meeting_store.h"
#include "services/governance/meetings/request_checks.h"

namespace wp::governance {
namespace {

using meetings_internal::IsFullDay;
using meetings_internal::DefaultMeetingTitle;
using meetings_internal::LoadMeeting;
using meetings_internal::MeetingKey;
using meetings_internal::ParseBodyId;
using meetings_internal::ParseMeetingKey;

constexpr char kScheduleMethod[] = "ScheduleMeeting";
const std::vector<std::string> kUpdatePaths = {"title", "meeting_date", "location", "agenda_items"};

// Every plan the agenda names must exist (NOT_FOUND naming the item otherwise).
absl::Status CheckAgendaPlans(store::Transaction& tx,
                              const google::protobuf::RepeatedPtrField<v1::AgendaItem>& items,
                              const std::string& field) {
  for (int i = 0; i < items.size(); ++i) {
    if (items[i].plan().empty()) continue;
    WP_RETURN_IF_ERROR(ResolvePlan(tx, items[i].plan(), absl::StrCat(field, "[", i, "].plan")).status());
  }
  return absl::OkStatus();
}

// The quorum rule of the body as it stands now.
absl::StatusOr<QuorumRule> BodyQuorumRule(store::Transaction& tx, const std::string& body_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT quorum_minimum, chair_required FROM bodies WHERE id = ?", {body_id}));
  return QuorumRule{static_cast<int>(row.Int(0)), row.Int(1) != 0};
}

// How the members present count towards quorum on `day`, or INVALID_ARGUMENT
// naming every attendance.present[i] who held no membership of the body then.
absl::StatusOr<v1::QuorumCheck> CountPresent(store::Transaction& tx, const BodyRef& body,
                                             const v1::Attendance& attendance, const std::string& day) {
  v1::QuorumCheck check;
  FieldViolations v;
  for (int i = 0; i < attendance.present_size(); ++i) {
    const std::string field = absl::StrCat("attendance.present[", i, "]");
    WP_ASSIGN_OR_RETURN(auto person, ParseName(attendance.present(i), kPersonPattern, field));
    auto membership = MembershipOn(tx, body.id, person[0], day);
    if (!membership.ok()) return membership.status();
    if (!membership->has_value()) {
      v.Add(field, absl::StrCat(attendance.present(i), " held no membership of ", BodyName(body.id), " on ", day));
      continue;
    }
    if (!(*membership)->advisory) check.set_members_present(check.members_present() + 1);
    if ((*membership)->role == v1::Membership::CHAIR) check.set_chair_present(true);
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  return check;
}

// A title still the default follows the meeting date; a blank one becomes
// the default.
void FitTitle(const BodyRef& body, bool title_was_default, v1::Meeting* meeting) {
  if (title_was_default || text::IsBlank(meeting->title())) {
    meeting->set_title(DefaultMeetingTitle(body.title, meeting->meeting_date()));
  }
}

}  // namespace

absl::StatusOr<v1::Meeting> Meetings::Change(const server::Caller& caller, const std::string& name,
                                             const std::string& name_field, const std::string& etag,
                                             const std::string& verb, const MeetingChange& change) {
  WP_ASSIGN_OR_RETURN(auto key, ParseMeetingKey(name, name_field));
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Meeting>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Meeting> {
    BodyRef body;
    return store::UpdateWithEtag<v1::Meeting>(
        etag,
        [&]() -> absl::StatusOr<v1::Meeting> {
          WP_ASSIGN_OR_RETURN(auto meeting, LoadMeeting(tx, key.body_id, key.number));
          WP_ASSIGN_OR_RETURN(body, ResolveBody(tx, meeting.body(), name_field));
          return meeting;
        },
        [&](v1::Meeting& meeting) -> absl::Status {
          if (meeting.state() != v1::Meeting::SCHEDULED) {
            return absl::FailedPreconditionError(absl::StrCat(meeting.name(), " is ",
                                                              v1::Meeting::State_Name(meeting.state()),
                                                              "; only a SCHEDULED meeting can be ", verb));
          }
          return change(tx, body, meeting);
        },
        [&](const v1::Meeting& meeting, int64_t version) -> absl::StatusOr<v1::Meeting> {
          WP_RETURN_IF_ERROR(meetings_internal::SaveMeeting(tx, key.body_id, key.number, meeting, version, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadMeeting(tx, key.body_id, key.number));
          absl::StatusOr<int64_t> seq;
          if (verb == "held") {
            v1::MeetingHeld event;
            *event.mutable_meeting() = stored;
            event.set_body_kind(body.kind);
            seq = EmitEvent(tx, caller, "meeting", verb, stored.name(), event);
          } else {
            seq = EmitEvent(tx, caller, "meeting", verb, stored.name(), stored);
          }
          if (!seq.ok()) return seq.status();
          return stored;
        },
        // A meeting change always records and publishes, even when nothing
        // changed (as before this used the helper).
        store::kAlwaysSave);
  });
}

absl::StatusOr<v1::Meeting> Meetings::ScheduleMeeting(const server::Caller& caller,
                                                      const v1::ScheduleMeetingRequest& request) {
  v1::Meeting meeting = request.meeting();
  FieldViolations v;
  AddViolationsOf(ParseBodyId(request.parent(), "parent", /*allow_wildcard=*/false).status(), &v);
  CheckOptionalLine(meeting.title(), "meeting.title", &v);
  CheckRequiredDay(meeting.meeting_date(), "meeting.meeting_date", &v);
  CheckOptionalLine(meeting.location(), "meeting.location", &v);
  meetings_internal::NormalizeAgenda(meeting.mutable_agenda_items(), "meeting.agenda_items", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Meeting>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Meeting> {
    return store::CreateOnce<v1::Meeting>(
        tx, {kScheduleMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Meeting> {
          WP_ASSIGN_OR_RETURN(auto key, ParseMeetingKey(made, "request_id"));
          return LoadMeeting(tx, key.body_id, key.number);
        },
        [&]() -> absl::StatusOr<v1::Meeting> {
          WP_ASSIGN_OR_RETURN(auto body, ResolveBody(tx, request.parent(), "parent"));
          WP_RETURN_IF_ERROR(CheckAgendaPlans(tx, meeting.agenda_items(), "meeting.agenda_items"));
          WP_ASSIGN_OR_RETURN(auto number, meetings_internal::NextMeetingNumber(tx, body.id));
          FitTitle(body, /*title_was_default=*/false, &meeting);
          WP_RETURN_IF_ERROR(meetings_internal::InsertMeeting(tx, body.id, number, meeting, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadMeeting(tx, body.id, number));
          WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "meeting", "scheduled", stored.name(), stored).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::Meeting> Meetings::GetMeeting(const server::Caller& /*caller*/,
                                                 const v1::GetMeetingRequest& request) {
  WP_ASSIGN_OR_RETURN(auto key, ParseMeetingKey(request.name(), "name"));
  return store::ReadValue<v1::Meeting>(
      db_, [&](store::Transaction& tx) { return LoadMeeting(tx, key.body_id, key.number); });
}

absl::StatusOr<v1::ListMeetingsResponse> Meetings::ListMeetings(const server::Caller& /*caller*/,
                                                                const v1::ListMeetingsRequest& request) {
  FieldViolations v;
  auto body_id = ParseBodyId(request.parent(), "parent", /*allow_wildcard=*/true);
  AddViolationsOf(body_id.status(), &v);
  meetings_internal::MeetingFilter filter;
  for (int i = 0; i < request.states_size(); ++i) {
    const int state = request.states(i);
    if (state == v1::Meeting::STATE_UNSPECIFIED || !v1::Meeting::State_IsValid(state)) {
      v.Add(absl::StrCat("states[", i, "]"), "must be SCHEDULED, HELD or CANCELLED");
    }
    filter.states.push_back(state);
  }
  CheckOptionalDay(request.from_date(), "from_date", &v);
  CheckOptionalDay(request.to_date(), "to_date", &v);
  if (IsFullDay(request.from_date()) && IsFullDay(request.to_date()) &&
      DayText(request.to_date()) < DayText(request.from_date())) {
    v.Add("to_date", "must not be before from_date");
  }
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 3);
  AddViolationsOf(token.status(), &v);
  std::optional<meetings_internal::MeetingPosition> after;
  if (token.ok() && !token->first_page()) {
    after = meetings_internal::MeetingPosition{token->Text(0), token->Text(1), 0};
    if (!absl::SimpleAtoi(token->Text(2), &after->number)) v.Add("page_token", "is not a token this service returned");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());
  filter.body_id = *body_id;
  filter.from_day = DayText(request.from_date());
  filter.to_day = DayText(request.to_date());

  return store::ReadValue<v1::ListMeetingsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListMeetingsResponse> {
        if (!filter.body_id.empty()) {
          if (auto body = ResolveBody(tx, request.parent(), "parent"); !body.ok()) return body.status();
        }
        WP_ASSIGN_OR_RETURN(auto meetings, meetings_internal::ListMeetingRows(tx, filter, after, *page_size + 1));
        v1::ListMeetingsResponse response;
        response.set_next_page_token(
            paging::FillPage(meetings, *page_size, response.mutable_meetings(), [](const v1::Meeting& last) {
              // bodies/{body}/meetings/{number}
              const std::vector<std::string> parts = absl::StrSplit(last.name(), '/');
              return paging::KeyOf(DayText(last.meeting_date()), parts[1], parts[3]);
            }));
        return response;
      });
}

absl::StatusOr<v1::Meeting> Meetings::UpdateMeeting(const server::Caller& caller,
                                                    const v1::UpdateMeetingRequest& request) {
  const v1::Meeting& in = request.meeting();
  FieldViolations v;
  auto paths = MaskPaths(request.update_mask(), kUpdatePaths);
  AddViolationsOf(paths.status(), &v);
  if (!paths.ok()) paths = std::set<std::string>();
  AddViolationsOf(ParseMeetingKey(in.name(), "meeting.name").status(), &v);
  google::protobuf::RepeatedPtrField<v1::AgendaItem> agenda = in.agenda_items();
  if (paths->count("title") > 0) CheckOptionalLine(in.title(), "meeting.title", &v);
  if (paths->count("meeting_date") > 0) CheckRequiredDay(in.meeting_date(), "meeting.meeting_date", &v);
  if (paths->count("location") > 0) CheckOptionalLine(in.location(), "meeting.location", &v);
  if (paths->count("agenda_items") > 0) meetings_internal::NormalizeAgenda(&agenda, "meeting.agenda_items", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  return Change(caller, in.name(), "meeting.name", in.etag(), "updated",
                [&](store::Transaction& tx, const BodyRef& body, v1::Meeting& meeting) -> absl::Status {
                  const bool title_was_default =
                      paths->count("title") == 0 &&
                      meeting.title() == DefaultMeetingTitle(body.title, meeting.meeting_date());
                  if (paths->count("agenda_items") > 0) {
                    WP_RETURN_IF_ERROR(CheckAgendaPlans(tx, agenda, "meeting.agenda_items"));
                    *meeting.mutable_agenda_items() = agenda;
                  }
                  if (paths->count("title") > 0) meeting.set_title(in.title());
                  if (paths->count("meeting_date") > 0) *meeting.mutable_meeting_date() = in.meeting_date();
                  if (paths->count("location") > 0) meeting.set_location(in.location());
                  FitTitle(body, title_was_default, &meeting);
                  return absl::OkStatus();
                });
}

absl::StatusOr<v1::Meeting> Meetings::RecordMeetingHeld(const server::Caller& caller,
                                                        const v1::RecordMeetingHeldRequest& request) {
  const v1::Attendance& attendance = request.attendance();
  FieldViolations v;
  AddViolationsOf(ParseMeetingKey(request.name(), "name").status(), &v);
  if (attendance.present().empty()) v.Add("attendance.present", "is required: at least one member was present");
  std::set<std::string> present;
  for (int i = 0; i < attendance.present_size(); ++i) {
    const std::string field = absl::StrCat("attendance.present[", i, "]");
    absl::Status parsed = ParseName(attendance.present(i), kPersonPattern, field).status();
    AddViolationsOf(parsed, &v);
    if (parsed.ok() && !present.insert(attendance.present(i)).second) v.Add(field, "is listed twice");
  }
  std::set<std::string> apologies;
  for (int i = 0; i < attendance.apologies_size(); ++i) {
    const std::string field = absl::StrCat("attendance.apologies[", i, "]");
    absl::Status parsed = ParseName(attendance.apologies(i), kPersonPattern, field).status();
    AddViolationsOf(parsed, &v);
    if (!parsed.ok()) continue;
    if (!apologies.insert(attendance.apologies(i)).second) {
      v.Add(field, "is listed twice");
    } else if (present.count(attendance.apologies(i)) > 0) {
      v.Add(field, "is also listed as present");
    }
  }
  for (int i = 0; i < attendance.others_present_size(); ++i) {
    CheckRequiredLine(attendance.others_present(i), absl::StrCat("attendance.others_present[", i, "]"), &v);
  }
  const bool held_date_given = calendar::IsSet(request.held_date());
  CheckOptionalDay(request.held_date(), "held_date", &v);
  if (IsFullDay(request.held_date()) && DayText(request.held_date()) > TodayText()) {
    v.Add("held_date", "must not be in the future (UTC)");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());

  return Change(
      caller, request.name(), "name", request.etag(), "held",
      [&](store::Transaction& tx, const BodyRef& body, v1::Meeting& meeting) -> absl::Status {
        const wp::common::v1::Date held = held_date_given ? request.held_date() : meeting.meeting_date();
        const std::string day = DayText(held);
        if (!held_date_given && day > TodayText()) {
          return absl::FailedPreconditionError(absl::StrCat(meeting.name(), " is scheduled for ", day,
                                                            ", which is still to come; give held_date"));
        }
        WP_ASSIGN_OR_RETURN(auto check, CountPresent(tx, body, attendance, day));
        for (int i = 0; i < attendance.apologies_size(); ++i) {
          WP_RETURN_IF_ERROR(
              ResolvePerson(tx, attendance.apologies(i), absl::StrCat("attendance.apologies[", i, "]")).status());
        }
        WP_ASSIGN_OR_RETURN(auto rule, BodyQuorumRule(tx, body.id));
        // quorum.h counts the chair among the members present; an advisory
        // chair alone counts as nobody, and nobody cannot be quorate anyway.
        WP_RETURN_IF_ERROR(
            CheckQuorum(rule, check.members_present(), check.chair_present() && check.members_present() > 0));
        check.mutable_rule()->set_minimum_members(rule.minimum_members);
        check.mutable_rule()->set_chair_required(rule.chair_required);
        const bool title_was_default = meeting.title() == DefaultMeetingTitle(body.title, meeting.meeting_date());
        *meeting.mutable_meeting_date() = held;
        FitTitle(body, title_was_default, &meeting);
        meeting.set_state(v1::Meeting::HELD);
        *meeting.mutable_attendance() = attendance;
        *meeting.mutable_quorum() = check;
        return absl::OkStatus();
      });
}

absl::StatusOr<v1::Meeting> Meetings::CancelMeeting(const server::Caller& caller,
                                                    const v1::CancelMeetingRequest& request) {
  FieldViolations v;
  AddViolationsOf(ParseMeetingKey(request.name(), "name").status(), &v);
  CheckRequiredLine(request.reason(), "reason", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return Change(caller, request.name(), "name", request.etag(), "cancelled",
                [&](store::Transaction&, const BodyRef&, v1::Meeting& meeting) -> absl::Status {
                  meeting.set_state(v1::Meeting::CANCELLED);
                  meeting.set_cancel_reason(request.reason());
                  return absl::OkStatus();
                });
}

absl::StatusOr<v1::MeetingPack> Meetings::GetMeetingPack(const server::Caller& /*caller*/,
                                                         const v1::GetMeetingPackRequest& request) {
  WP_ASSIGN_OR_RETURN(auto key, ParseMeetingKey(request.name(), "name"));
  return store::ReadValue<v1::MeetingPack>(db_, [&](store::Transaction& tx) {
    return meetings_internal::BuildMeetingPack(tx, key.body_id, key.number);
  });
}

}  // namespace wp::governance
