// An etag-checked read-modify-write, inside the update's own write
// transaction, in the one order every update keeps:
//
//   return store::WriteValue<v1::Body>(db_, [&](store::Transaction& tx) {
//     return store::UpdateWithEtag<v1::Body>(in.etag(),
//         /*load=*/[&] { return LoadBody(tx, id); },
//         /*change=*/[&](v1::Body& next) { next.set_title(in.title()); return absl::OkStatus(); },
//         /*save=*/[&](const v1::Body& next, int64_t version) -> absl::StatusOr<v1::Body> {
//           ...write next where the version is still `version`, emit the event, reload...
//         });
//   });
//
// 1. load the current resource; 2. refuse with ABORTED when the caller sent an
// etag naming another version (etag.h); 3. apply the change to a copy (the
// change may refuse it, e.g. a rule it breaks); 4. when the copy equals the
// current resource, return the current one: nothing to record or publish;
// 5. otherwise `save` it, passing the version it was read at.
//
// Thread-safety: as the Transaction the callbacks use.
#ifndef WP_LIBS_STORE_ETAG_UPDATE_H_
#define WP_LIBS_STORE_ETAG_UPDATE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag.h"

namespace wp::store {

// `same` tells a change from none (e.g. fields the store derives differ).
template <typename T>
absl::StatusOr<T> UpdateWithEtag(const std::string& etag, const std::function<absl::StatusOr<T>()>& load,
                                 const std::function<absl::Status(T&)>& change,
                                 const std::function<absl::StatusOr<T>(const T&, int64_t)>& save,
                                 const std::function<bool(const T&, const T&)>& same) {
  WP_ASSIGN_OR_RETURN(T current, load());
  const int64_t version = VersionOf(current.etag());
  WP_RETURN_IF_ERROR(CheckEtag(etag, version, current.name()));
  T next = current;
  WP_RETURN_IF_ERROR(change(next));
  if (same(next, current)) return current;
  return save(next, version);
}

// As `same` for an update that saves on every call, changed or not (the
// record or the event it writes is the point):
//   store::UpdateWithEtag<v1::Plan>(etag, load, change, save, store::kAlwaysSave);
inline constexpr auto kAlwaysSave = [](const auto&, const auto&) { return false; };

// For a protobuf resource where every field counts.
template <typename T>
absl::StatusOr<T> UpdateWithEtag(const std::string& etag, const std::function<absl::StatusOr<T>()>& load,
                                 const std::function<absl::Status(T&)>& change,
                                 const std::function<absl::StatusOr<T>(const T&, int64_t)>& save) {
  return UpdateWithEtag<T>(etag, load, change, save, [](const T& a, const T& b) {
    return google::protobuf::util::MessageDifferencer::Equals(a, b);
  });
}

}  // namespace wp::store

#endif  // WP_LIBS_STORE_ETAG_UPDATE_H_
