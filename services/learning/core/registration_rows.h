// Registration rows, shared by the areas that change them: registrations
// (register, cancel, attend), the catalogue (an event's capacity raised or
// the event cancelled) and evaluations (who may answer). Also the waiting
// list's promotion, which both a cancellation and a raised capacity start.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_LEARNING_CORE_REGISTRATION_ROWS_H_
#define WP_SERVICES_LEARNING_CORE_REGISTRATION_ROWS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/learning/v1/registrations.pb.h"

namespace wp::learning {

// Registrations matching `where` (SQL over the alias r of registrations,
// with `params`), then `order_and_limit` ("ORDER BY r.practitioner_id
// LIMIT ?", its parameters last in `params`), waiting positions computed.
absl::StatusOr<std::vector<v1::Registration>> SelectRegistrations(store::Transaction& tx, const std::string& where,
                                                                  const std::vector<store::Value>& params,
                                                                  const std::string& order_and_limit);

// The registration of the practitioner on the event, if any (its waiting
// position computed).
absl::StatusOr<std::optional<v1::Registration>> FindRegistration(store::Transaction& tx, const std::string& event_id,
                                                                 const std::string& practitioner_id);
// As FindRegistration; NOT_FOUND naming it when there is none.
absl::StatusOr<v1::Registration> LoadRegistration(store::Transaction& tx, const std::string& event_id,
                                                  const std::string& practitioner_id);

// Moves the longest waiting into free places of the event (places left:
// capacity - placed), in waiting order, each with its registration.promoted
// event. Returns how many were promoted.
absl::StatusOr<int> PromoteWaiting(store::Transaction& tx, const server::Caller& caller, const std::string& event_id,
                                   absl::Time now);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CORE_REGISTRATION_ROWS_H_
