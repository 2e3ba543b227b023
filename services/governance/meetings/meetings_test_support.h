// Test-only: the fixture the meetings area's tests share. It opens a fresh
// store and arranges, with plain SQL, the rows other areas own (people,
// memberships, plans), and reads back events and audit records.
#ifndef WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_TEST_SUPPORT_H_
#define WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "services/governance/core/governance_test_support.h"
#include "services/governance/meetings/actions.h"
#include "services/governance/meetings/decisions.h"
#include "services/governance/meetings/meetings.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance::test_support {

class MeetingsAreaTest : public ::testing::TestWithParam<wp::testing::Engine> {
 protected:
  void SetUp() override {
    db_ = OpenTestStore(GetParam());
    ASSERT_NE(db_, nullptr);
    meetings_ = std::make_unique<Meetings>(*db_);
    decisions_ = std::make_unique<Decisions>(*db_);
    actions_ = std::make_unique<Actions>(*db_);
  }

  void AddPerson(const std::string& id, const std::string& display_name) {
    Exec(*db_, "INSERT INTO people (id, display_name, version, create_us, update_us) VALUES (?, ?, 1, 0, 0)",
         {id, display_name});
  }

  // Seats `person` (created when missing) on `body` from `start` to `end`
  // ("" while current).
  void Seat(const std::string& body, const std::string& person, v1::Membership::Role role,
            const std::string& start = "2020-08-01", const std::string& end = "", bool advisory = false) {
    Exec(*db_, "INSERT INTO people (id, display_name, version, create_us, update_us) "
               "VALUES (?, ?, 1, 0, 0) ON CONFLICT DO NOTHING",
         {person, "Member " + person});
    Exec(*db_,
         "INSERT INTO memberships (body_id, number, person_id, role, advisory, start_day, end_day, version, "
         "create_us, update_us) VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM memberships "
         "WHERE body_id = ?), ?, ?, ?, ?, ?, 1, 0, 0)",
         {body, body, person, static_cast<int64_t>(role), static_cast<int64_t>(advisory ? 1 : 0), start,
          end.empty() ? store::Value() : store::Value(end)});
  }

  // The Board (quorum 5, chair not required): a chair and five directors,
  // with an advisory Senior Partnership Officer.
  void SeatBoard() {
    Seat("board", "chair", v1::Membership::CHAIR);
    for (const char* d : {"d1", "d2", "d3", "d4", "d5"}) Seat("board", d, v1::Membership::DIRECTOR);
    Seat("board", "spo", v1::Membership::SENIOR_PARTNERSHIP_OFFICER, "2020-08-01", "", /*advisory=*/true);
  }

  // state: 1 DRAFT, 2 BOARD_APPROVED, ...
  void AddPlan(const std::string& id, const std::string& title, int state) {
    Exec(*db_,
         "INSERT INTO plans (id, title, session_span, first_session, last_session, state, version, create_us, "
         "update_us) VALUES (?, ?, ?, ?, ?, ?, 1, 0, 0)",
         {id, title, id, id, id, static_cast<int64_t>(state)});
  }

  absl::StatusOr<v1::Meeting> Schedule(const std::string& body, const wp::common::v1::Date& date,
                                       const std::vector<v1::AgendaItem>& agenda = {}) {
    v1::ScheduleMeetingRequest request;
    request.set_parent("bodies/" + body);
    *request.mutable_meeting()->mutable_meeting_date() = date;
    for (const v1::AgendaItem& item : agenda) *request.mutable_meeting()->add_agenda_items() = item;
    return meetings_->ScheduleMeeting(caller_, request);
  }

  absl::StatusOr<v1::Meeting> Hold(const std::string& name, const std::vector<std::string>& present,
                                   const wp::common::v1::Date& held_date = {}) {
    v1::RecordMeetingHeldRequest request;
    request.set_name(name);
    for (const std::string& p : present) request.mutable_attendance()->add_present("people/" + p);
    if (held_date.year() != 0) *request.mutable_held_date() = held_date;
    return meetings_->RecordMeetingHeld(caller_, request);
  }

  // A Board meeting on `date`, held with a quorum; the Board must be seated.
  v1::Meeting HeldBoardMeeting(const wp::common::v1::Date& date, const std::vector<v1::AgendaItem>& agenda = {}) {
    auto scheduled = Schedule("board", date, agenda);
    EXPECT_TRUE(scheduled.ok()) << scheduled.status();
    if (!scheduled.ok()) return v1::Meeting();
    auto held = Hold(scheduled->name(), {"chair", "d1", "d2", "d3", "d4"});
    EXPECT_TRUE(held.ok()) << held.status();
    return held.ok() ? *held : v1::Meeting();
  }

  absl::StatusOr<v1::Decision> Decide(const std::string& meeting, const std::string& text,
                                      v1::Decision::Outcome outcome = v1::Decision::AGREED) {
    v1::RecordDecisionRequest request;
    request.set_parent(meeting);
    request.mutable_decision()->set_text(text);
    request.mutable_decision()->set_outcome(outcome);
    return decisions_->RecordDecision(caller_, request);
  }

  // The audit summaries ("meeting.scheduled", ...) recorded about `resource`.
  std::vector<std::string> AuditOf(const std::string& resource) {
    std::vector<std::string> summaries;
    absl::Status s = db_->Read([&](store::Transaction& tx) -> absl::Status {
      auto entries = audit::ListAuditByResource(tx, resource, 0, 1000);
      if (!entries.ok()) return entries.status();
      for (const audit::StoredAuditEntry& e : *entries) summaries.push_back(e.entry.summary);
      return absl::OkStatus();
    });
    EXPECT_TRUE(s.ok()) << s;
    return summaries;
  }

  static v1::AgendaItem Item(const std::string& title, int number = 0, bool decision_required = false,
                             const std::string& plan = "") {
    v1::AgendaItem item;
    item.set_title(title);
    item.set_number(number);
    item.set_decision_required(decision_required);
    item.set_plan(plan);
    return item;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Meetings> meetings_;
  std::unique_ptr<Decisions> decisions_;
  std::unique_ptr<Actions> actions_;
  server::Caller caller_ = OfficerCaller("clerk", "trace-meetings");
};

}  // namespace wp::governance::test_support

#endif  // WP_SERVICES_GOVERNANCE_MEETINGS_MEETINGS_TEST_SUPPORT_H_
