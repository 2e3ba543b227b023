// Meetings on either store engine: scheduling and the agenda, listing,
// updates, recording a meeting as held against memberships and the quorum
// rule, cancelling, and the events and audit records every change writes.
#include "services/governance/meetings/meetings.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "services/governance/meetings/meetings_test_support.h"

namespace wp::governance {
namespace {

using test_support::Day;
using test_support::EventsAfter;
using test_support::Exec;
using test_support::FieldsOf;
using test_support::LastSeq;

using Strings = std::vector<std::string>;

class MeetingsTest : public test_support::MeetingsAreaTest {
 protected:
  v1::Meeting Get(const std::string& name) {
    v1::GetMeetingRequest request;
    request.set_name(name);
    auto meeting = meetings_->GetMeeting(caller_, request);
    EXPECT_TRUE(meeting.ok()) << meeting.status();
    return meeting.ok() ? *meeting : v1::Meeting();
  }

  v1::Meeting Scheduled(const std::string& body, const wp::common::v1::Date& date,
                        const std::vector<v1::AgendaItem>& agenda = {}) {
    auto meeting = Schedule(body, date, agenda);
    EXPECT_TRUE(meeting.ok()) << meeting.status();
    return meeting.ok() ? *meeting : v1::Meeting();
  }

  static Strings NamesOf(const v1::ListMeetingsResponse& response) {
    Strings names;
    for (const auto& m : response.meetings()) names.push_back(m.name());
    return names;
  }

  static std::vector<int> NumbersOf(const v1::Meeting& meeting) {
    std::vector<int> numbers;
    for (const auto& item : meeting.agenda_items()) numbers.push_back(item.number());
    return numbers;
  }
};

// ---- ScheduleMeeting ----

TEST_P(MeetingsTest, ScheduleNumbersWithinTheBodyAndNamesTheMeetingAfterBodyAndMonth) {
  const v1::Meeting first = Scheduled("board", Day(2022, 6, 14));
  const v1::Meeting second = Scheduled("board", Day(2022, 8, 30));
  const v1::Meeting committee = Scheduled("regional-education-committee", Day(2022, 9, 1));
  EXPECT_EQ(first.name(), "bodies/board/meetings/1");
  EXPECT_EQ(second.name(), "bodies/board/meetings/2");
  EXPECT_EQ(committee.name(), "bodies/regional-education-committee/meetings/1");
  EXPECT_EQ(first.body(), "bodies/board");
  EXPECT_EQ(first.title(), "Board, June 2022");
  EXPECT_EQ(committee.title(), "Regional Education Committee, September 2022");
  EXPECT_EQ(first.state(), v1::Meeting::SCHEDULED);
  EXPECT_EQ(first.etag(), "1");
  EXPECT_EQ(first.decision_count(), 0);
  EXPECT_FALSE(first.has_attendance());
  EXPECT_GT(first.create_time().seconds(), 0);
  EXPECT_EQ(Get(first.name()).DebugString(), first.DebugString());
}

TEST_P(MeetingsTest, SchedulePublishesMeetingScheduledAndAudits) {
  const int64_t before = LastSeq(*db_);
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14), {Item("Minutes")});
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.meeting.scheduled");
  EXPECT_EQ(events[0].subject(), meeting.name());
  EXPECT_EQ(events[0].actor(), "clerk");
  v1::Meeting payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.DebugString(), meeting.DebugString());
  EXPECT_EQ(AuditOf(meeting.name()), Strings{"meeting.scheduled"});
}

TEST_P(MeetingsTest, ScheduleKeepsAGivenTitleAndLocation) {
  v1::ScheduleMeetingRequest request;
  request.set_parent("bodies/board");
  request.mutable_meeting()->set_title("Board development session");
  request.mutable_meeting()->set_location("Virtual");
  *request.mutable_meeting()->mutable_meeting_date() = Day(2022, 6, 14);
  auto meeting = meetings_->ScheduleMeeting(caller_, request);
  ASSERT_TRUE(meeting.ok()) << meeting.status();
  EXPECT_EQ(meeting->title(), "Board development session");
  EXPECT_EQ(meeting->location(), "Virtual");
}

TEST_P(MeetingsTest, AgendaItemsWithoutNumbersAreNumberedInListOrderAndKeptInNumberOrder) {
  const v1::Meeting meeting =
      Scheduled("board", Day(2022, 6, 14), {Item("Welcome"), Item("Minutes"), Item("Finance", 5), Item("AOCB")});
  EXPECT_EQ(NumbersOf(meeting), (std::vector<int>{1, 2, 5, 6}));
  const v1::Meeting reordered = Scheduled("board", Day(2022, 7, 14), {Item("Later", 3), Item("First", 1)});
  EXPECT_EQ(NumbersOf(reordered), (std::vector<int>{1, 3}));
  EXPECT_EQ(reordered.agenda_items(0).title(), "First");
}

TEST_P(MeetingsTest, AgendaItemMayNameAnExistingPlanAndItsRefs) {
  AddPlan("2022-23", "Regional Improvement Plan 2022-23", 1);
  v1::AgendaItem item = Item("Plan approval", 0, true, "plans/2022-23");
  item.add_plan_item_refs("4.2");
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14), {item});
  EXPECT_EQ(meeting.agenda_items(0).plan(), "plans/2022-23");
  EXPECT_EQ(meeting.agenda_items(0).plan_item_refs(0), "4.2");
  EXPECT_TRUE(meeting.agenda_items(0).decision_required());
}

TEST_P(MeetingsTest, ScheduleNamesEveryBadField) {
  v1::ScheduleMeetingRequest request;
  request.set_parent("board");
  request.mutable_meeting()->set_title("two\nlines");
  request.mutable_meeting()->set_location(std::string(501, 'x'));
  v1::AgendaItem blank = Item(" ");
  v1::AgendaItem negative = Item("Negative", -1);
  v1::AgendaItem bad_plan = Item("Plan", 7, false, "plan/2022-23");
  v1::AgendaItem refs_without_plan = Item("Refs", 7);  // 7 again
  refs_without_plan.add_plan_item_refs("4.2");
  refs_without_plan.add_plan_item_refs("4.02");
  for (const auto& item : {blank, negative, bad_plan, refs_without_plan}) {
    *request.mutable_meeting()->add_agenda_items() = item;
  }
  request.set_request_id(std::string(101, 'r'));
  auto meeting = meetings_->ScheduleMeeting(caller_, request);
  EXPECT_EQ(meeting.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(meeting.status()),
            (Strings{"parent", "meeting.title", "meeting.meeting_date", "meeting.location",
                     "meeting.agenda_items[0].title", "meeting.agenda_items[1].number",
                     "meeting.agenda_items[2].plan", "meeting.agenda_items[3].number",
                     "meeting.agenda_items[3].plan_item_refs", "meeting.agenda_items[3].plan_item_refs[1]",
                     "request_id"}));
}

TEST_P(MeetingsTest, ScheduleRejectsADateWithoutADay) {
  v1::ScheduleMeetingRequest request;
  request.set_parent("bodies/board");
  *request.mutable_meeting()->mutable_meeting_date() = test_support::Month(2022, 6);
  auto meeting = meetings_->ScheduleMeeting(caller_, request);
  EXPECT_EQ(meeting.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(meeting.status()), Strings{"meeting.meeting_date.day"});
}

TEST_P(MeetingsTest, ScheduleForAMissingBodyOrPlanIsNotFoundAndWritesNothing) {
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(Schedule("working-group", Day(2022, 6, 14)).status().code(), absl::StatusCode::kNotFound);
  auto missing_plan = Schedule("board", Day(2022, 6, 14), {Item("Plan", 0, true, "plans/2030-31")});
  EXPECT_EQ(missing_plan.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
  EXPECT_EQ(Scheduled("board", Day(2022, 6, 14)).name(), "bodies/board/meetings/1");
}

TEST_P(MeetingsTest, ScheduleRetriedWithTheSameRequestIdReturnsTheFirstMeeting) {
  v1::ScheduleMeetingRequest request;
  request.set_parent("bodies/board");
  *request.mutable_meeting()->mutable_meeting_date() = Day(2022, 6, 14);
  request.set_request_id("schedule-june");
  const int64_t before = LastSeq(*db_);
  auto first = meetings_->ScheduleMeeting(caller_, request);
  auto again = meetings_->ScheduleMeeting(caller_, request);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(EventsAfter(*db_, before).size(), 1u);
  request.set_request_id("schedule-june-2");
  auto other = meetings_->ScheduleMeeting(caller_, request);
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_EQ(other->name(), "bodies/board/meetings/2");
}

// ---- GetMeeting ----

TEST_P(MeetingsTest, GetMalformedIsInvalidAndMissingIsNotFound) {
  v1::GetMeetingRequest request;
  request.set_name("bodies/board/meetings/0");
  auto bad = meetings_->GetMeeting(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), Strings{"name"});
  request.set_name("bodies/board/meetings/9");
  EXPECT_EQ(meetings_->GetMeeting(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

// ---- ListMeetings ----

class ListMeetingsTest : public MeetingsTest {
 protected:
  void SetUp() override {
    MeetingsTest::SetUp();
    SeatBoard();
    Scheduled("board", Day(2022, 8, 30));                          // board/1
    Scheduled("implementation-group", Day(2022, 6, 14));           // implementation-group/1
    Scheduled("board", Day(2022, 6, 14));                          // board/2
    Scheduled("regional-education-committee", Day(2022, 9, 20));  // regional-education-committee/1
    Scheduled("board", Day(2022, 10, 4));                          // board/3
    ASSERT_TRUE(Hold("bodies/board/meetings/2", {"chair", "d1", "d2", "d3", "d4"}).ok());
    v1::CancelMeetingRequest cancel;
    cancel.set_name("bodies/board/meetings/3");
    cancel.set_reason("No quorum available");
    ASSERT_TRUE(meetings_->CancelMeeting(caller_, cancel).ok());
  }

  v1::ListMeetingsResponse List(v1::ListMeetingsRequest request) {
    auto response = meetings_->ListMeetings(caller_, request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : v1::ListMeetingsResponse();
  }
};

TEST_P(ListMeetingsTest, EveryBodyByMeetingDateThenName) {
  v1::ListMeetingsRequest request;
  request.set_parent("bodies/-");
  EXPECT_EQ(NamesOf(List(request)),
            (Strings{"bodies/board/meetings/2", "bodies/implementation-group/meetings/1", "bodies/board/meetings/1",
                     "bodies/regional-education-committee/meetings/1", "bodies/board/meetings/3"}));
}

TEST_P(ListMeetingsTest, FiltersByBodyStatesAndDates) {
  v1::ListMeetingsRequest request;
  request.set_parent("bodies/board");
  EXPECT_EQ(NamesOf(List(request)),
            (Strings{"bodies/board/meetings/2", "bodies/board/meetings/1", "bodies/board/meetings/3"}));
  request.add_states(v1::Meeting::SCHEDULED);
  request.add_states(v1::Meeting::CANCELLED);
  EXPECT_EQ(NamesOf(List(request)), (Strings{"bodies/board/meetings/1", "bodies/board/meetings/3"}));
  request.clear_states();
  request.set_parent("bodies/-");
  *request.mutable_from_date() = Day(2022, 8, 30);
  *request.mutable_to_date() = Day(2022, 9, 20);
  EXPECT_EQ(NamesOf(List(request)),
            (Strings{"bodies/board/meetings/1", "bodies/regional-education-committee/meetings/1"}));
}

TEST_P(ListMeetingsTest, PagesFollowOneAnotherWithTheFilterKept) {
  v1::ListMeetingsRequest request;
  request.set_parent("bodies/-");
  request.add_states(v1::Meeting::SCHEDULED);
  request.set_page_size(1);
  Strings seen;
  for (int page = 0; page < 10; ++page) {
    const v1::ListMeetingsResponse response = List(request);
    ASSERT_LE(response.meetings_size(), 1);
    for (const auto& m : response.meetings()) seen.push_back(m.name());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  EXPECT_EQ(seen, (Strings{"bodies/implementation-group/meetings/1", "bodies/board/meetings/1",
                           "bodies/regional-education-committee/meetings/1"}));
}

TEST_P(ListMeetingsTest, BadFiltersAreNamedAndAMissingBodyIsNotFound) {
  v1::ListMeetingsRequest request;
  request.set_parent("boards/-");
  request.add_states(static_cast<v1::Meeting::State>(0));
  request.add_states(v1::Meeting::HELD);
  request.add_states(static_cast<v1::Meeting::State>(9));
  *request.mutable_from_date() = Day(2022, 9, 1);
  *request.mutable_to_date() = Day(2022, 8, 1);
  request.set_page_size(-1);
  request.set_page_token("not-a-token");
  auto bad = meetings_->ListMeetings(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"parent", "states[0]", "states[2]", "to_date", "page_size", "page_token"}));

  v1::ListMeetingsRequest invalid_day;
  invalid_day.set_parent("bodies/-");
  *invalid_day.mutable_from_date() = Day(2022, 2, 30);
  EXPECT_EQ(FieldsOf(meetings_->ListMeetings(caller_, invalid_day).status()), Strings{"from_date.day"});

  v1::ListMeetingsRequest missing;
  missing.set_parent("bodies/working-group");
  EXPECT_EQ(meetings_->ListMeetings(caller_, missing).status().code(), absl::StatusCode::kNotFound);
}

// ---- UpdateMeeting ----

TEST_P(MeetingsTest, UpdateChangesTheMaskedFieldsAndPublishesMeetingUpdated) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14), {Item("Minutes")});
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  request.mutable_meeting()->set_etag(meeting.etag());
  request.mutable_meeting()->set_location("Glasgow City Chambers");
  request.mutable_meeting()->set_title("ignored: not in the mask");
  *request.mutable_meeting()->add_agenda_items() = Item("Welcome");
  *request.mutable_meeting()->add_agenda_items() = Item("Finance report", 0, true);
  request.mutable_update_mask()->add_paths("location");
  request.mutable_update_mask()->add_paths("agenda_items");
  const int64_t before = LastSeq(*db_);
  auto updated = meetings_->UpdateMeeting(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->location(), "Glasgow City Chambers");
  EXPECT_EQ(updated->title(), "Board, June 2022");
  ASSERT_EQ(updated->agenda_items_size(), 2);
  EXPECT_EQ(updated->agenda_items(1).number(), 2);
  EXPECT_EQ(updated->etag(), "2");
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.meeting.updated");
  EXPECT_EQ(events[0].subject(), meeting.name());
  v1::Meeting payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.location(), "Glasgow City Chambers");
  EXPECT_EQ(AuditOf(meeting.name()), (Strings{"meeting.scheduled", "meeting.updated"}));
}

TEST_P(MeetingsTest, ADefaultTitleFollowsTheDateAndAGivenOneStays) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  *request.mutable_meeting()->mutable_meeting_date() = Day(2022, 7, 5);
  request.mutable_update_mask()->add_paths("meeting_date");
  auto moved = meetings_->UpdateMeeting(caller_, request);
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(moved->title(), "Board, July 2022");

  request.mutable_meeting()->set_title("Special meeting");
  request.mutable_update_mask()->add_paths("title");
  ASSERT_TRUE(meetings_->UpdateMeeting(caller_, request).ok());
  request.mutable_update_mask()->Clear();
  request.mutable_update_mask()->add_paths("meeting_date");
  *request.mutable_meeting()->mutable_meeting_date() = Day(2022, 9, 5);
  auto kept = meetings_->UpdateMeeting(caller_, request);
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->title(), "Special meeting");
}

TEST_P(MeetingsTest, UpdateWithAnEmptyMaskReplacesEveryField) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14), {Item("Minutes")});
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  *request.mutable_meeting()->mutable_meeting_date() = Day(2022, 6, 21);
  auto updated = meetings_->UpdateMeeting(caller_, request);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->agenda_items_size(), 0);
  EXPECT_EQ(updated->title(), "Board, June 2022");
  EXPECT_EQ(updated->location(), "");
}

TEST_P(MeetingsTest, UpdateNamesBadFieldsAndUnknownPaths) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  request.mutable_update_mask()->add_paths("state");
  auto unknown = meetings_->UpdateMeeting(caller_, request);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(unknown.status()), Strings{"update_mask"});

  request.mutable_update_mask()->Clear();
  request.mutable_meeting()->set_name("bodies/board/meeting/1");
  request.mutable_meeting()->set_location("a\nb");
  *request.mutable_meeting()->add_agenda_items() = Item("");
  auto bad = meetings_->UpdateMeeting(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (Strings{"meeting.name", "meeting.meeting_date", "meeting.location",
                                             "meeting.agenda_items[0].title"}));
}

TEST_P(MeetingsTest, UpdateWithAStaleEtagIsAbortedAndAMissingPlanNotFound) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  request.mutable_meeting()->set_location("Virtual");
  request.mutable_update_mask()->add_paths("location");
  ASSERT_TRUE(meetings_->UpdateMeeting(caller_, request).ok());
  request.mutable_meeting()->set_etag("1");
  EXPECT_EQ(meetings_->UpdateMeeting(caller_, request).status().code(), absl::StatusCode::kAborted);

  request.mutable_meeting()->clear_etag();
  request.mutable_update_mask()->add_paths("agenda_items");
  *request.mutable_meeting()->add_agenda_items() = Item("Plan", 0, true, "plans/2030-31");
  EXPECT_EQ(meetings_->UpdateMeeting(caller_, request).status().code(), absl::StatusCode::kNotFound);
  request.mutable_meeting()->set_name("bodies/board/meetings/8");
  request.mutable_meeting()->clear_agenda_items();
  EXPECT_EQ(meetings_->UpdateMeeting(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(MeetingsTest, OnlyAScheduledMeetingCanBeUpdated) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::CancelMeetingRequest cancel;
  cancel.set_name(meeting.name());
  cancel.set_reason("Clashes with recess");
  ASSERT_TRUE(meetings_->CancelMeeting(caller_, cancel).ok());
  v1::UpdateMeetingRequest request;
  request.mutable_meeting()->set_name(meeting.name());
  request.mutable_meeting()->set_location("Virtual");
  request.mutable_update_mask()->add_paths("location");
  EXPECT_EQ(meetings_->UpdateMeeting(caller_, request).status().code(), absl::StatusCode::kFailedPrecondition);
}

// ---- RecordMeetingHeld ----

TEST_P(MeetingsTest, HeldRecordsAttendanceAndTheQuorumCheckAndPublishesMeetingHeld) {
  SeatBoard();
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::RecordMeetingHeldRequest request;
  request.set_name(meeting.name());
  request.set_etag("1");
  for (const char* p : {"people/chair", "people/d1", "people/d2", "people/d3", "people/d4", "people/spo"}) {
    request.mutable_attendance()->add_present(p);
  }
  request.mutable_attendance()->add_apologies("people/d5");
  request.mutable_attendance()->add_others_present("Workstream Lead Officer, Wellbeing for Learning");
  const int64_t before = LastSeq(*db_);
  auto held = meetings_->RecordMeetingHeld(caller_, request);
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_EQ(held->state(), v1::Meeting::HELD);
  EXPECT_EQ(held->etag(), "2");
  EXPECT_EQ(held->attendance().present_size(), 6);
  EXPECT_EQ(held->attendance().apologies(0), "people/d5");
  EXPECT_EQ(held->quorum().rule().minimum_members(), 5);
  EXPECT_FALSE(held->quorum().rule().chair_required());
  EXPECT_EQ(held->quorum().members_present(), 5);  // the advisory officer does not count
  EXPECT_TRUE(held->quorum().chair_present());
  EXPECT_EQ(Get(meeting.name()).DebugString(), held->DebugString());

  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.meeting.held");
  EXPECT_EQ(events[0].subject(), meeting.name());
  v1::MeetingHeld payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.body_kind(), v1::Body::BOARD);
  EXPECT_EQ(payload.meeting().DebugString(), held->DebugString());
  EXPECT_EQ(AuditOf(meeting.name()), (Strings{"meeting.scheduled", "meeting.held"}));
}

TEST_P(MeetingsTest, WithoutQuorumTheMeetingStaysScheduledAndNothingIsPublished) {
  SeatBoard();
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  const int64_t before = LastSeq(*db_);
  auto held = Hold(meeting.name(), {"chair", "d1", "d2", "d3", "spo"});
  EXPECT_EQ(held.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(held.status().message(), "quorum not met: 4 of 5")) << held.status();
  EXPECT_EQ(Get(meeting.name()).state(), v1::Meeting::SCHEDULED);
  EXPECT_EQ(Get(meeting.name()).etag(), "1");
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
}

TEST_P(MeetingsTest, ABodyThatNeedsItsChairCannotMeetWithoutOne) {
  // The Implementation Group: quorum 3, chair required.
  Seat("implementation-group", "lead", v1::Membership::CHAIR);
  for (const char* p : {"o1", "o2", "o3"}) Seat("implementation-group", p, v1::Membership::WORKSTREAM_LEAD_OFFICER);
  const v1::Meeting meeting = Scheduled("implementation-group", Day(2022, 6, 14));
  auto without_chair = Hold(meeting.name(), {"o1", "o2", "o3"});
  EXPECT_EQ(without_chair.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(without_chair.status().message(), "the chair must be present"));
  auto with_chair = Hold(meeting.name(), {"lead", "o1", "o2"});
  ASSERT_TRUE(with_chair.ok()) << with_chair.status();
  EXPECT_TRUE(with_chair->quorum().chair_present());
  EXPECT_TRUE(with_chair->quorum().rule().chair_required());
}

TEST_P(MeetingsTest, HeldNamesEveryBadAttendanceField) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::RecordMeetingHeldRequest request;
  request.set_name(meeting.name());
  auto empty = meetings_->RecordMeetingHeld(caller_, request);
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(empty.status()), Strings{"attendance.present"});

  request.set_name("meetings/1");
  for (const char* p : {"people/d1", "d2", "people/d1"}) request.mutable_attendance()->add_present(p);
  for (const char* p : {"people/d3", "people/d3", "people/d1", "people/X"}) {
    request.mutable_attendance()->add_apologies(p);
  }
  request.mutable_attendance()->add_others_present("Guest");
  request.mutable_attendance()->add_others_present("");
  *request.mutable_held_date() = Day(2090, 1, 1);
  auto bad = meetings_->RecordMeetingHeld(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()),
            (Strings{"name", "attendance.present[1]", "attendance.present[2]", "attendance.apologies[1]",
                     "attendance.apologies[2]", "attendance.apologies[3]", "attendance.others_present[1]",
                     "held_date"}));

  v1::RecordMeetingHeldRequest bad_day;
  bad_day.set_name(meeting.name());
  bad_day.mutable_attendance()->add_present("people/d1");
  *bad_day.mutable_held_date() = Day(2022, 13, 1);
  EXPECT_EQ(FieldsOf(meetings_->RecordMeetingHeld(caller_, bad_day).status()), Strings{"held_date.month"});
}

TEST_P(MeetingsTest, EveryoneMarkedPresentMustHoldAMembershipOnTheDay) {
  SeatBoard();
  Seat("board", "gone", v1::Membership::DIRECTOR, "2019-08-01", "2022-06-13");
  Seat("board", "new", v1::Membership::DIRECTOR, "2022-06-15");
  AddPerson("visitor", "A Visitor");
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  auto held = Hold(meeting.name(), {"chair", "gone", "d1", "new", "visitor", "nobody", "d2"});
  EXPECT_EQ(held.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(held.status()), (Strings{"attendance.present[1]", "attendance.present[3]",
                                              "attendance.present[4]", "attendance.present[5]"}));
  EXPECT_EQ(Get(meeting.name()).state(), v1::Meeting::SCHEDULED);
}

TEST_P(MeetingsTest, ApologiesMustNameExistingPeople) {
  SeatBoard();
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::RecordMeetingHeldRequest request;
  request.set_name(meeting.name());
  for (const char* p : {"people/chair", "people/d1", "people/d2", "people/d3", "people/d4"}) {
    request.mutable_attendance()->add_present(p);
  }
  request.mutable_attendance()->add_apologies("people/nobody");
  EXPECT_EQ(meetings_->RecordMeetingHeld(caller_, request).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Get(meeting.name()).state(), v1::Meeting::SCHEDULED);
}

TEST_P(MeetingsTest, AHeldDateMovesTheMeetingAndMembershipsAreJudgedOnIt) {
  SeatBoard();
  Seat("board", "new", v1::Membership::DIRECTOR, "2022-06-20");
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  auto held = Hold(meeting.name(), {"chair", "d1", "d2", "d3", "new"}, Day(2022, 7, 1));
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_EQ(held->meeting_date().month(), 7);
  EXPECT_EQ(held->meeting_date().day(), 1);
  EXPECT_EQ(held->title(), "Board, July 2022");
}

TEST_P(MeetingsTest, AMeetingScheduledInTheFutureNeedsAHeldDate) {
  SeatBoard();
  const v1::Meeting meeting = Scheduled("board", Day(2090, 6, 14));
  auto held = Hold(meeting.name(), {"chair", "d1", "d2", "d3", "d4"});
  EXPECT_EQ(held.status().code(), absl::StatusCode::kFailedPrecondition);
  auto earlier = Hold(meeting.name(), {"chair", "d1", "d2", "d3", "d4"}, Day(2022, 6, 14));
  ASSERT_TRUE(earlier.ok()) << earlier.status();
  EXPECT_EQ(earlier->meeting_date().year(), 2022);
}

TEST_P(MeetingsTest, HeldNeedsAScheduledMeetingAndACurrentEtag) {
  SeatBoard();
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::RecordMeetingHeldRequest request;
  request.set_name(meeting.name());
  request.set_etag("7");
  for (const char* p : {"people/chair", "people/d1", "people/d2", "people/d3", "people/d4"}) {
    request.mutable_attendance()->add_present(p);
  }
  EXPECT_EQ(meetings_->RecordMeetingHeld(caller_, request).status().code(), absl::StatusCode::kAborted);
  request.clear_etag();
  ASSERT_TRUE(meetings_->RecordMeetingHeld(caller_, request).ok());
  EXPECT_EQ(meetings_->RecordMeetingHeld(caller_, request).status().code(), absl::StatusCode::kFailedPrecondition);
  request.set_name("bodies/board/meetings/5");
  EXPECT_EQ(meetings_->RecordMeetingHeld(caller_, request).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(MeetingsTest, TheQuorumCheckKeepsTheRuleOfTheDayItWasRecorded) {
  SeatBoard();
  const v1::Meeting held = HeldBoardMeeting(Day(2022, 6, 14));
  Exec(*db_, "UPDATE bodies SET quorum_minimum = 6, chair_required = 1 WHERE id = 'board'");
  const v1::Meeting later = Get(held.name());
  EXPECT_EQ(later.quorum().rule().minimum_members(), 5);
  EXPECT_FALSE(later.quorum().rule().chair_required());
}

// ---- CancelMeeting ----

TEST_P(MeetingsTest, CancelRecordsTheReasonAndPublishesMeetingCancelled) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::CancelMeetingRequest request;
  request.set_name(meeting.name());
  request.set_reason("Not enough business");
  request.set_etag("1");
  const int64_t before = LastSeq(*db_);
  auto cancelled = meetings_->CancelMeeting(caller_, request);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->state(), v1::Meeting::CANCELLED);
  EXPECT_EQ(cancelled->cancel_reason(), "Not enough business");
  const auto events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.governance.meeting.cancelled");
  EXPECT_EQ(events[0].subject(), meeting.name());
  v1::Meeting payload;
  ASSERT_TRUE(events[0].payload().UnpackTo(&payload));
  EXPECT_EQ(payload.state(), v1::Meeting::CANCELLED);
  EXPECT_EQ(AuditOf(meeting.name()), (Strings{"meeting.scheduled", "meeting.cancelled"}));

  request.clear_etag();
  EXPECT_EQ(meetings_->CancelMeeting(caller_, request).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(MeetingsTest, CancelNeedsAReasonAValidNameAndACurrentEtag) {
  const v1::Meeting meeting = Scheduled("board", Day(2022, 6, 14));
  v1::CancelMeetingRequest request;
  request.set_name("bodies/board");
  request.set_reason("  ");
  auto bad = meetings_->CancelMeeting(caller_, request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldsOf(bad.status()), (Strings{"name", "reason"}));
  request.set_name(meeting.name());
  request.set_reason("Clash");
  request.set_etag("2");
  EXPECT_EQ(meetings_->CancelMeeting(caller_, request).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Get(meeting.name()).state(), v1::Meeting::SCHEDULED);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(MeetingsTest);
WP_INSTANTIATE_ON_EVERY_ENGINE(ListMeetingsTest);

}  // namespace
}  // namespace wp::governance
