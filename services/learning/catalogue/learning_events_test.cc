#include "services/learning/catalogue/learning_events.h"

#include "gtest/gtest.h"
#include "libs/calendar/timestamps.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/event_rules.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

class LearningEventsTest : public testing::LearningFixture {};

TEST_P(LearningEventsTest, SchedulesIntoAProgrammeAndPublishes) {
  MakeProgramme("ioc");
  const int64_t before = LastSeq(*db_);
  v1::LearningEvent event = MakeEvent("ioc-1", absl::Hours(24), 30, "ioc");
  EXPECT_EQ(event.name(), "events/ioc-1");
  EXPECT_EQ(event.programme(), "programmes/ioc");
  EXPECT_EQ(event.status(), v1::SCHEDULED);
  EXPECT_EQ(TimeOf(event.registration_cutoff()), TimeOf(event.start_time()));
  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), "wp.learning.event.scheduled");

  v1::ScheduleEventRequest again;
  again.set_event_id("ioc-1");
  *again.mutable_event() = EventDraft(absl::Hours(24), 30);
  EXPECT_EQ(LearningEvents(*db_).Schedule(caller_, again, now_).status().code(), absl::StatusCode::kAlreadyExists);
  again.set_event_id("ioc-2");
  again.mutable_event()->set_programme("programmes/missing");
  EXPECT_EQ(LearningEvents(*db_).Schedule(caller_, again, now_).status().code(), absl::StatusCode::kNotFound);
  again.mutable_event()->clear_programme();
  again.mutable_event()->set_capacity(0);
  again.set_event_id("-bad");
  EXPECT_EQ(FieldsOf(LearningEvents(*db_).Schedule(caller_, again, now_).status()),
            (std::vector<std::string>{"event_id", "event.capacity"}));
}

TEST_P(LearningEventsTest, MovingTimesReschedulesOtherChangesUpdate) {
  MakeEvent("ioc-1", absl::Hours(24), 30);
  const int64_t before = LastSeq(*db_);
  v1::UpdateEventRequest retitle;
  retitle.mutable_event()->set_name("events/ioc-1");
  retitle.mutable_event()->set_title("Improving Our Classrooms: questioning");
  retitle.mutable_update_mask()->add_paths("title");
  ASSERT_TRUE(LearningEvents(*db_).Update(caller_, retitle, now_).ok());

  v1::UpdateEventRequest move;
  move.mutable_event()->set_name("events/ioc-1");
  *move.mutable_event()->mutable_start_time() = calendar::TimestampOf(now_ + absl::Hours(48));
  *move.mutable_event()->mutable_end_time() = calendar::TimestampOf(now_ + absl::Hours(50));
  move.mutable_update_mask()->add_paths("start_time");
  move.mutable_update_mask()->add_paths("end_time");
  absl::StatusOr<v1::LearningEvent> moved = LearningEvents(*db_).Update(caller_, move, now_);
  ASSERT_TRUE(moved.ok()) << moved.status();
  // The cut-off was the start, so it moved with it.
  EXPECT_EQ(TimeOf(moved->registration_cutoff()), now_ + absl::Hours(48));

  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), "wp.learning.event.updated");
  EXPECT_EQ(events[1].type(), "wp.learning.event.rescheduled");
  v1::EventRescheduled payload;
  ASSERT_TRUE(events[1].payload().UnpackTo(&payload));
  EXPECT_EQ(TimeOf(payload.previous_start_time()), now_ + absl::Hours(24));

  // An end before the start is refused; nothing changes.
  move.mutable_update_mask()->Clear();
  move.mutable_update_mask()->add_paths("end_time");
  *move.mutable_event()->mutable_end_time() = calendar::TimestampOf(now_);
  EXPECT_EQ(FieldsOf(LearningEvents(*db_).Update(caller_, move, now_).status()),
            std::vector<std::string>{"event.end_time"});
}

TEST_P(LearningEventsTest, CancelledAndHeldEventsChangeNoMore) {
  MakeEvent("ioc-1", absl::Hours(24), 30);
  v1::CancelEventRequest cancel;
  cancel.set_name("events/ioc-1");
  EXPECT_EQ(FieldsOf(LearningEvents(*db_).Cancel(caller_, cancel, now_).status()),
            std::vector<std::string>{"reason"});
  cancel.set_reason("Storm warning: schools closed");
  absl::StatusOr<v1::LearningEvent> cancelled = LearningEvents(*db_).Cancel(caller_, cancel, now_);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->status(), v1::CANCELLED);
  EXPECT_EQ(cancelled->cancel_reason(), "Storm warning: schools closed");
  EXPECT_EQ(LearningEvents(*db_).Cancel(caller_, cancel, now_).status().code(), absl::StatusCode::kFailedPrecondition);
  v1::UpdateEventRequest update;
  update.mutable_event()->set_name("events/ioc-1");
  update.mutable_event()->set_capacity(40);
  update.mutable_update_mask()->add_paths("capacity");
  EXPECT_EQ(LearningEvents(*db_).Update(caller_, update, now_).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(LearningEventsTest, ListsInStartOrderWithFilters) {
  MakeProgramme("ioc");
  MakeEvent("c-late", absl::Hours(72), 10, "ioc");
  MakeEvent("a-early", absl::Hours(24), 10, "ioc");
  MakeEvent("b-other", absl::Hours(48), 10);
  MakeEvent("d-same", absl::Hours(24), 10, "ioc");
  v1::ListEventsRequest list;
  list.set_page_size(1);
  list.set_programme("programmes/ioc");
  int pages = 0;
  std::vector<std::string> names = test_support::AllPages<std::string>(
      list, [&](const v1::ListEventsRequest& r) { return LearningEvents(*db_).List(r); },
      [](const v1::ListEventsResponse& page, std::vector<std::string>* out) {
        for (const v1::LearningEvent& e : page.events()) out->push_back(e.name());
      },
      &pages);
  EXPECT_EQ(names, (std::vector<std::string>{"events/a-early", "events/d-same", "events/c-late"}));
  v1::ListEventsRequest window;
  *window.mutable_start_from() = calendar::TimestampOf(now_ + absl::Hours(30));
  *window.mutable_start_before() = calendar::TimestampOf(now_ + absl::Hours(60));
  absl::StatusOr<v1::ListEventsResponse> in_window = LearningEvents(*db_).List(window);
  ASSERT_TRUE(in_window.ok());
  ASSERT_EQ(in_window->events_size(), 1);
  EXPECT_EQ(in_window->events(0).name(), "events/b-other");
  window.mutable_start_from()->set_seconds(5);
  EXPECT_EQ(FieldsOf(LearningEvents(*db_).List(window).status()), std::vector<std::string>{"start_from"});
}

WP_INSTANTIATE_ON_EVERY_ENGINE(LearningEventsTest);

}  // namespace
}  // namespace wp::learning
