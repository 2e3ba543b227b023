// Create-once by request id, inside the create's own write transaction:
//
//   return store::WriteValue<v1::Person>(db_, [&](store::Transaction& tx) {
//     return store::CreateOnce<v1::Person>(tx, {kCreateMethod, request.request_id(), now},
//         /*replay=*/[&](const std::string& made) { return LoadPersonNamed(tx, made); },
//         /*create=*/[&]() -> absl::StatusOr<v1::Person> { ...insert, emit event...; });
//   });
//
// A retry (same method and request id) answers with what the first call made
// (`replay` of the recorded resource name) and changes nothing; otherwise
// `create` runs and the name of what it made is recorded in the same
// transaction, so a retry after a crash or a lost answer either finds the
// record or finds nothing made. See request_ids.h for the table, and
// replay_watch.h for how the client learns that its call was a retry.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_LIBS_STORE_CREATE_ONCE_H_
#define WP_LIBS_STORE_CREATE_ONCE_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/status/status_macros.h"
#include "libs/store/database.h"
#include "libs/store/replay_watch.h"
#include "libs/store/request_ids.h"

namespace wp::store {

// Which request a create answers: the RPC method, the client's request id
// (empty: the client sent none, so nothing is recorded) and the time.
struct RequestKey {
  std::string method;
  std::string request_id;
  absl::Time now;
};

// As below, recording `recorded_name(made)`: for a create whose retry must
// find something other than the resource it returns (a budget movement, say).
template <typename T>
absl::StatusOr<T> CreateOnce(Transaction& tx, const RequestKey& key,
                             const std::function<absl::StatusOr<T>(const std::string&)>& replay,
                             const std::function<absl::StatusOr<T>()>& create,
                             const std::function<std::string(const T&)>& recorded_name) {
  WP_ASSIGN_OR_RETURN(std::optional<std::string> earlier, FindRequest(tx, key.method, key.request_id));
  if (earlier.has_value()) {
    NoteReplay(*earlier);  // the client hears of it (replay_watch.h)
    return replay(*earlier);
  }
  WP_ASSIGN_OR_RETURN(T made, create());
  WP_RETURN_IF_ERROR(RecordRequest(tx, key.method, key.request_id, recorded_name(made), key.now));
  return made;
}

// Records `made.name()`: the resource the create returns.
template <typename T>
absl::StatusOr<T> CreateOnce(Transaction& tx, const RequestKey& key,
                             const std::function<absl::StatusOr<T>(const std::string&)>& replay,
                             const std::function<absl::StatusOr<T>()>& create) {
  return CreateOnce<T>(tx, key, replay, create, [](const T& made) { return made.name(); });
}

}  // namespace wp::store

#endif  // WP_LIBS_STORE_CREATE_ONCE_H_
