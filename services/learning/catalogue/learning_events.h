// Events of professional learning: scheduled, read, listed, updated
// (field mask, etag), cancelled and marked held. Every change writes its
// row and its event (event.scheduled, .updated, .rescheduled, .cancelled,
// .held) in one transaction; a raised capacity promotes the waiting list in
// the same transaction, and cancelling cancels every registration with it.
//
// Thread-safety: thread-safe (the store serialises writes).
#ifndef WP_SERVICES_LEARNING_CATALOGUE_LEARNING_EVENTS_H_
#define WP_SERVICES_LEARNING_CATALOGUE_LEARNING_EVENTS_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning {

class LearningEvents {
 public:
  explicit LearningEvents(store::Database& db) : db_(db) {}

  // ALREADY_EXISTS for an id in use; NOT_FOUND for a programme that does
  // not exist. Past times are allowed (recording an event after the fact).
  absl::StatusOr<v1::LearningEvent> Schedule(const server::Caller& caller, const v1::ScheduleEventRequest& request,
                                             absl::Time now);
  absl::StatusOr<v1::LearningEvent> Get(const v1::GetEventRequest& request);
  absl::StatusOr<v1::ListEventsResponse> List(const v1::ListEventsRequest& request);
  // FAILED_PRECONDITION unless SCHEDULED, or for a capacity below the
  // places taken.
  absl::StatusOr<v1::LearningEvent> Update(const server::Caller& caller, const v1::UpdateEventRequest& request,
                                           absl::Time now);
  // FAILED_PRECONDITION unless SCHEDULED.
  absl::StatusOr<v1::LearningEvent> Cancel(const server::Caller& caller, const v1::CancelEventRequest& request,
                                           absl::Time now);
  // FAILED_PRECONDITION unless SCHEDULED and started by `now`.
  absl::StatusOr<v1::LearningEvent> MarkHeld(const server::Caller& caller, const v1::MarkEventHeldRequest& request,
                                             absl::Time now);

 private:
  store::Database& db_;
};

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CATALOGUE_LEARNING_EVENTS_H_
