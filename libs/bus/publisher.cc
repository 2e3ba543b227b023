#include "libs/bus/publisher.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "libs/bus/nats_status.h"

namespace wp::bus {

absl::StatusOr<PubAck> Publisher::Publish(absl::string_view subject, absl::string_view msg_id,
                                          absl::string_view bytes, absl::Duration timeout) {
  if (subject.empty()) return absl::InvalidArgumentError("publish: empty subject");
  if (msg_id.empty()) return absl::InvalidArgumentError("publish: empty msg id");
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::ResourceExhaustedError("publish: message too large");
  }
  if (timeout <= absl::ZeroDuration())
    return absl::InvalidArgumentError("publish: timeout must be positive");
  // While disconnected cnats would queue the request in its reconnect buffer
  // and flush it later; callers retry anyway, so fail fast instead.
  if (!connection_.IsConnected())
    return absl::UnavailableError(absl::StrCat("publish ", subject, ": nats not connected"));
  // A message above the server's limit can never be published: say so
  // plainly (INVALID_ARGUMENT, not retryable) instead of cnats' error.
  const int64_t max_payload = natsConnection_GetMaxPayload(connection_.raw());
  if (max_payload > 0 && static_cast<int64_t>(bytes.size()) > max_payload) {
    return absl::InvalidArgumentError(absl::StrCat("publish ", subject, ": message of ",
                                                   bytes.size(), " bytes exceeds the server's ",
                                                   "max_payload of ", max_payload, " bytes"));
  }
  // cnats wants NUL-terminated strings.
  const std::string subj(subject);
  const std::string id(msg_id);

  jsPubOptions opts;
  jsPubOptions_Init(&opts);
  opts.MsgId = id.c_str();  // sets the Nats-Msg-Id header
  opts.MaxWait = absl::ToInt64Milliseconds(timeout);
  if (opts.MaxWait == 0) opts.MaxWait = 1;

  jsPubAck* ack = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_Publish(&ack, connection_.jetstream(), subj.c_str(), bytes.data(),
                            static_cast<int>(bytes.size()), &opts, &err);
  if (s != NATS_OK) {
    jsPubAck_Destroy(ack);
    return FromNats(s, absl::StrCat("publish ", subj), err);
  }
  if (ack == nullptr)
    return absl::InternalError(absl::StrCat("publish ", subj, ": no acknowledgement"));
  PubAck out;
  out.stream = ack->Stream != nullptr ? ack->Stream : "";
  out.sequence = ack->Sequence;
  out.duplicate = ack->Duplicate;
  jsPubAck_Destroy(ack);
  return out;
}

}  // namespace wp::bus
