// Instants as the API carries them (google.protobuf.Timestamp) and as the
// store keeps them (microseconds since the Unix epoch, an INTEGER column).
//
// Conversions floor towards the past, so instants before 1970 still give a
// valid Timestamp (nanos in [0, 1e9)).
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_CALENDAR_TIMESTAMPS_H_
#define WP_LIBS_CALENDAR_TIMESTAMPS_H_

#include <cstdint>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace wp::calendar {

// `t` as a stored column: whole microseconds since the epoch.
int64_t Micros(absl::Time t);

// Sets `out` to the instant `micros` (a stored column) names.
void SetTimestamp(int64_t micros, google::protobuf::Timestamp* out);

// `t` as a Timestamp, to microsecond precision (what the store keeps).
google::protobuf::Timestamp TimestampOf(absl::Time t);

}  // namespace wp::calendar

#endif  // WP_LIBS_CALENDAR_TIMESTAMPS_H_
