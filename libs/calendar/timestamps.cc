#include "libs/calendar/timestamps.h"

namespace wp::calendar {

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }

void SetTimestamp(int64_t micros, google::protobuf::Timestamp* out) {
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {  // C++ division truncates; nanos must not be negative
    rest += 1000000;
    seconds -= 1;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rest * 1000));
}

google::protobuf::Timestamp TimestampOf(absl::Time t) {
  google::protobuf::Timestamp ts;
  SetTimestamp(Micros(t), &ts);
  return ts;
}

}  // namespace wp::calendar
