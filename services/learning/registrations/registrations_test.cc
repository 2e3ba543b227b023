#include "services/learning/registrations/registrations.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "libs/testing/domain_test_support.h"
#include "services/learning/catalogue/learning_events.h"
#include "services/learning/testing/learning_fixture.h"

namespace wp::learning {
namespace {

using test_support::EventsAfter;
using test_support::FieldsOf;
using test_support::LastSeq;

class RegistrationsTest : public testing::LearningFixture {
 protected:
  absl::StatusOr<v1::Registration> Register(const std::string& event_id, const std::string& practitioner_id,
                                            absl::Time at, bool after_cutoff = false) {
    v1::RegisterRequest request;
    request.set_event("events/" + event_id);
    request.set_practitioner("practitioners/" + practitioner_id);
    request.set_after_cutoff(after_cutoff);
    return Registrations(*db_).Register(caller_, request, at);
  }

  absl::StatusOr<v1::Registration> Cancel(const std::string& event_id, const std::string& practitioner_id,
                                          absl::Time at) {
    v1::CancelRegistrationRequest request;
    request.set_name("events/" + event_id + "/registrations/" + practitioner_id);
    return Registrations(*db_).Cancel(caller_, request, at);
  }

  v1::LearningEvent Event(const std::string& id) {
    v1::GetEventRequest request;
    request.set_name("events/" + id);
    absl::StatusOr<v1::LearningEvent> event = LearningEvents(*db_).Get(request);
    EXPECT_TRUE(event.ok()) << event.status();
    return event.ok() ? *event : v1::LearningEvent();
  }

  // The practitioner ids of the event's registrations in a state, in the
  // order List gives them, following pages of `page_size`.
  std::vector<std::string> Listed(const std::string& event_id, v1::RegistrationState state, int page_size = 100) {
    v1::ListRegistrationsRequest request;
    request.set_event("events/" + event_id);
    request.set_state(state);
    request.set_page_size(page_size);
    std::vector<std::string> ids;
    int pages = 0;
    return test_support::AllPages<std::string>(
        request, [&](const v1::ListRegistrationsRequest& r) { return Registrations(*db_).List(r); },
        [](const v1::ListRegistrationsResponse& page, std::vector<std::string>* out) {
          for (const v1::Registration& r : page.registrations()) out->push_back(r.practitioner());
        },
        &pages);
  }
};

TEST_P(RegistrationsTest, PlacesUntilFullThenQueuesInOrder) {
  MakeEvent("ioc-1", absl::Hours(48), 2);
  for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
  const int64_t before = LastSeq(*db_);
  EXPECT_EQ(Register("ioc-1", "P-1", now_)->state(), v1::PLACED);
  EXPECT_EQ(Register("ioc-1", "P-2", now_)->state(), v1::PLACED);
  absl::StatusOr<v1::Registration> third = Register("ioc-1", "P-3", now_);
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->state(), v1::WAITING);
  EXPECT_EQ(third->waiting_position(), 1);
  EXPECT_EQ(Register("ioc-1", "P-4", now_)->waiting_position(), 2);

  v1::LearningEvent event = Event("ioc-1");
  EXPECT_EQ(event.registered(), 2);
  EXPECT_EQ(event.waiting(), 2);
  EXPECT_EQ(Listed("ioc-1", v1::WAITING, 1), (std::vector<std::string>{"practitioners/P-3", "practitioners/P-4"}));

  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 4u);
  for (const auto& e : events) EXPECT_EQ(e.type(), "wp.learning.registration.created");
}

TEST_P(RegistrationsTest, RegisteringAgainIsSafeToRetry) {
  MakeEvent("ioc-1", absl::Hours(48), 5);
  MakePractitioner("P-1");
  absl::StatusOr<v1::Registration> first = Register("ioc-1", "P-1", now_);
  ASSERT_TRUE(first.ok()) << first.status();
  const int64_t before = LastSeq(*db_);
  absl::StatusOr<v1::Registration> again = Register("ioc-1", "P-1", now_ + absl::Minutes(5));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->SerializeAsString(), first->SerializeAsString());
  EXPECT_TRUE(EventsAfter(*db_, before).empty());
  EXPECT_EQ(Event("ioc-1").registered(), 1);
}

TEST_P(RegistrationsTest, ACancelledPlaceGoesToTheLongestWaiting) {
  MakeEvent("ioc-1", absl::Hours(48), 1);
  for (const char* id : {"P-1", "P-2", "P-3"}) MakePractitioner(id);
  ASSERT_TRUE(Register("ioc-1", "P-1", now_).ok());
  ASSERT_TRUE(Register("ioc-1", "P-2", now_).ok());
  ASSERT_TRUE(Register("ioc-1", "P-3", now_).ok());
  const int64_t before = LastSeq(*db_);

  absl::StatusOr<v1::Registration> cancelled = Cancel("ioc-1", "P-1", now_ + absl::Hours(1));
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->state(), v1::REGISTRATION_CANCELLED);
  EXPECT_FALSE(cancelled->late_cancellation());

  v1::GetRegistrationRequest get;
  get.set_name("events/ioc-1/registrations/P-2");
  absl::StatusOr<v1::Registration> promoted = Registrations(*db_).Get(get);
  ASSERT_TRUE(promoted.ok());
  EXPECT_EQ(promoted->state(), v1::PLACED);
  EXPECT_TRUE(promoted->promoted());
  get.set_name("events/ioc-1/registrations/P-3");
  EXPECT_EQ(Registrations(*db_).Get(get)->waiting_position(), 1);

  std::vector<wp::common::v1::Event> events = EventsAfter(*db_, before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), "wp.learning.registration.cancelled");
  EXPECT_EQ(events[1].type(), "wp.learning.registration.promoted");
  EXPECT_EQ(events[1].subject(), "events/ioc-1/registrations/P-2");
  v1::LearningEvent event = Event("ioc-1");
  EXPECT_EQ(event.registered(), 1);
  EXPECT_EQ(event.waiting(), 1);

  // Cancelling again changes nothing.
  const int64_t after = LastSeq(*db_);
  EXPECT_EQ(Cancel("ioc-1", "P-1", now_ + absl::Hours(2))->state(), v1::REGISTRATION_CANCELLED);
  EXPECT_TRUE(EventsAfter(*db_, after).empty());
}

TEST_P(RegistrationsTest, RaisingCapacityPromotesInOrder) {
  MakeEvent("ioc-1", absl::Hours(48), 1);
  for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) MakePractitioner(id);
  for (const char* id : {"P-1", "P-2", "P-3", "P-4"}) ASSERT_TRUE(Register("ioc-1", id, now_).ok());
  v1::UpdateEventRequest update;
  update.mutable_event()->set_name("events/ioc-1");
  update.mutable_event()->set_capacity(3);
  update.mutable_update_mask()->add_paths("capacity");
  absl::StatusOr<v1::LearningEvent> raised = LearningEvents(*db_).Update(caller_, update, now_);
  ASSERT_TRUE(raised.ok()) << raised.status();
  EXPECT_EQ(raised->registered(), 3);
  EXPECT_EQ(raised->waiting(), 1);
  EXPECT_EQ(Listed("ioc-1", v1::WAITING), std::vector<std::string>{"practitioners/P-4"});

  // Lowering below the places taken is refused.
  update.mutable_event()->set_capacity(2);
  EXPECT_EQ(LearningEvents(*db_).Update(caller_, update, now_).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_P(RegistrationsTest, TheCutoffClosesRegistrationAndMakesCancellationsLate) {
  MakeEvent("ioc-1", absl::Hours(48), 5);
  MakePractitioner("P-1");
  MakePractitioner("P-2");
  ASSERT_TRUE(Register("ioc-1", "P-1", now_).ok());
  const absl::Time after_start = now_ + absl::Hours(49);
  EXPECT_EQ(Register("ioc-1", "P-2", after_start).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Register("ioc-1", "P-2", after_start, /*after_cutoff=*/true)->state(), v1::PLACED);
  absl::StatusOr<v1::Registration> late = Cancel("ioc-1", "P-1", after_start);
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_TRUE(late->late_cancellation());
}

TEST_P(RegistrationsTest, ClosedEventsAndUnknownsAreRefusedClearly) {
  MakeEvent("ioc-1", absl::Hours(48), 5);
  MakePractitioner("P-1");
  MakePractitioner("P-2");
  ASSERT_TRUE(Register("ioc-1", "P-1", now_).ok());
  EXPECT_EQ(Register("nope", "P-1", now_).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Register("ioc-1", "P-404", now_).status().code(), absl::StatusCode::kNotFound);

  v1::RegisterRequest malformed;
  malformed.set_event("ioc-1");
  malformed.set_practitioner("people/P-1");
  EXPECT_EQ(FieldsOf(Registrations(*db_).Register(caller_, malformed, now_).status()),
            (std::vector<std::string>{"event", "practitioner"}));

  v1::CancelEventRequest cancel;
  cancel.set_name("events/ioc-1");
  cancel.set_reason("Venue unavailable");
  absl::StatusOr<v1::LearningEvent> cancelled = LearningEvents(*db_).Cancel(caller_, cancel, now_);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->registered(), 0);
  EXPECT_EQ(Register("ioc-1", "P-2", now_).status().code(), absl::StatusCode::kFailedPrecondition);
  v1::GetRegistrationRequest get;
  get.set_name("events/ioc-1/registrations/P-1");
  EXPECT_EQ(Registrations(*db_).Get(get)->state(), v1::REGISTRATION_CANCELLED);

  v1::ListRegistrationsRequest both;
  both.set_event("events/ioc-1");
  both.set_practitioner("practitioners/P-1");
  EXPECT_EQ(Registrations(*db_).List(both).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(RegistrationsTest, AfterACancellationRegisteringStartsAfresh) {
  MakeEvent("ioc-1", absl::Hours(48), 1);
  MakePractitioner("P-1");
  MakePractitioner("P-2");
  ASSERT_TRUE(Register("ioc-1", "P-1", now_).ok());
  ASSERT_TRUE(Cancel("ioc-1", "P-1", now_).ok());
  ASSERT_TRUE(Register("ioc-1", "P-2", now_).ok());
  absl::StatusOr<v1::Registration> back = Register("ioc-1", "P-1", now_);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->state(), v1::WAITING);
  EXPECT_EQ(back->waiting_position(), 1);
}

// Capacity holds when many register at once: exactly `capacity` places, the
// rest waiting in distinct positions 1..n.
TEST_P(RegistrationsTest, CapacityHoldsUnderConcurrentRegistrations) {
  constexpr int kCapacity = 5;
  constexpr int kClients = 8;
  constexpr int kEach = 4;
  MakeEvent("ioc-1", absl::Hours(48), kCapacity);
  for (int c = 0; c < kClients; ++c) {
    for (int i = 0; i < kEach; ++i) MakePractitioner(absl::StrCat("P-", c, "-", i));
  }
  std::vector<std::thread> clients;
  std::atomic<int> failures{0};
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kEach; ++i) {
        if (!Register("ioc-1", absl::StrCat("P-", c, "-", i), now_).ok()) ++failures;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  v1::LearningEvent event = Event("ioc-1");
  EXPECT_EQ(event.registered(), kCapacity);
  EXPECT_EQ(event.waiting(), kClients * kEach - kCapacity);
  EXPECT_EQ(Listed("ioc-1", v1::PLACED).size(), static_cast<size_t>(kCapacity));
  std::vector<std::string> waiting = Listed("ioc-1", v1::WAITING, 7);
  ASSERT_EQ(waiting.size(), static_cast<size_t>(kClients * kEach - kCapacity));
  // Positions are 1..n in list order.
  v1::ListRegistrationsRequest request;
  request.set_event("events/ioc-1");
  request.set_state(v1::WAITING);
  request.set_page_size(1000);
  absl::StatusOr<v1::ListRegistrationsResponse> all = Registrations(*db_).List(request);
  ASSERT_TRUE(all.ok());
  for (int i = 0; i < all->registrations_size(); ++i) EXPECT_EQ(all->registrations(i).waiting_position(), i + 1);
}

WP_INSTANTIATE_ON_EVERY_ENGINE(RegistrationsTest);

}  // namespace
}  // namespace wp::learning
