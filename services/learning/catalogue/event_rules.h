// The rules an event keeps, checked before it is stored, and the encoding
// of its audience lists as stored. Pure.
//
// Thread-safe: pure functions.
#ifndef WP_SERVICES_LEARNING_CATALOGUE_EVENT_RULES_H_
#define WP_SERVICES_LEARNING_CATALOGUE_EVENT_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "wp/learning/v1/programmes.pb.h"

namespace wp::learning {

inline constexpr int kMaxCapacity = 100000;
inline constexpr size_t kMaxFacilitatorBytes = 200;
inline constexpr size_t kMaxLocationBytes = 500;
inline constexpr size_t kMaxReasonBytes = 500;
inline constexpr absl::Duration kMaxEventLength = absl::Hours(24 * 14);

// A Timestamp an event may carry: set, nanos in range, a time in the
// years 2000 to 2099.
bool IsEventTime(const google::protobuf::Timestamp& t);
absl::Time TimeOf(const google::protobuf::Timestamp& t);

// Fills what the caller may leave out (the registration cut-off: the start
// time), then reports every broken rule of the caller-set fields at once,
// as INVALID_ARGUMENT on `prefix` + the field's name.
absl::Status CompleteEvent(v1::LearningEvent& event, const std::string& prefix);

// "1,3" for {PRIMARY, ASN}: sorted numbers, as stored; and back.
std::string EncodeSectors(const v1::LearningEvent& event);
std::string EncodeRoles(const v1::LearningEvent& event);
void DecodeSectors(absl::string_view stored, v1::LearningEvent& event);
void DecodeRoles(absl::string_view stored, v1::LearningEvent& event);

// Whether a change of `next` from `before` moves it in time (start, end or
// cut-off): event.rescheduled rather than event.updated.
bool MovesInTime(const v1::LearningEvent& before, const v1::LearningEvent& next);

}  // namespace wp::learning

#endif  // WP_SERVICES_LEARNING_CATALOGUE_EVENT_RULES_H_
