#include "libs/bus/publisher.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "libs/bus/nats_status.h"

namespace wp::bus {

namespace {

bool IsHeaderText(absl::string_view text) {
  return text.find_first_of(absl::string_view("\r\n\0", 3)) == absl::string_view::npos;
}

}  // namespace

absl::StatusOr<PubAck> Publisher::Publish(absl::string_view subject, absl::string_view msg_id,
                                          absl::string_view bytes, absl::Duration timeout,
                                          const MessageHeaders& headers) {
  if (subject.empty()) return absl::InvalidArgumentError("publish: empty subject");
  if (msg_id.empty()) return absl::InvalidArgumentError("publish: empty msg id");
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::ResourceExhaustedError("publish: message too large");
  }
  if (timeout <= absl::ZeroDuration())
    return absl::InvalidArgumentError("publish: timeout must be positive");
  for (const auto& [key, value] : headers) {
    if (key.empty() || !IsHeaderText(key) || !IsHeaderText(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "publish ", subject, ": header \"", key, "\" has an empty name or a CR, LF or NUL"));
    }
  }
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

  natsMsg* msg = nullptr;
  natsStatus s = natsMsg_Create(&msg, subj.c_str(), nullptr, bytes.data(), static_cast<int>(bytes.size()));
  for (size_t i = 0; s == NATS_OK && i < headers.size(); ++i) {
    s = natsMsgHeader_Set(msg, headers[i].first.c_str(), headers[i].second.c_str());
  }
  if (s != NATS_OK) {
    natsMsg_Destroy(msg);
    return FromNats(s, absl::StrCat("publish ", subj, ": build message"));
  }
  jsPubAck* ack = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  s = js_PublishMsg(&ack, connection_.jetstream(), msg, &opts, &err);
  natsMsg_Destroy(msg);
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
