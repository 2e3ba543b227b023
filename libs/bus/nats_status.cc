#include "libs/bus/nats_status.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace wp::bus {
namespace {

absl::StatusCode CodeFor(natsStatus s, int js_error) {
  switch (js_error) {
    case 0:
      break;
    case JSStreamNotFoundErr:
    case JSConsumerNotFoundErr:
    case JSNoMessageFoundErr:
      return absl::StatusCode::kNotFound;
    case JSStreamNameExistErr:
    case JSConsumerNameExistErr:
    case JSConsumerExistingActiveErr:
      return absl::StatusCode::kAlreadyExists;
    case JSClusterNotAvailErr:
    case JSNotEnabledErr:
    case JSNotEnabledForAccountErr:
      // JetStream is still starting (e.g. right after a server restart).
      return absl::StatusCode::kUnavailable;
    case JSInsufficientResourcesErr:
    case JSStreamLimitsErr:
    case JSStreamMessageExceedsMaximumErr:
    case JSStreamStoreFailedErr:
      return absl::StatusCode::kResourceExhausted;
    default:
      return absl::StatusCode::kInternal;
  }
  switch (s) {
    case NATS_OK:
      return absl::StatusCode::kOk;
    case NATS_TIMEOUT:
    case NATS_NO_RESPONDERS:
    case NATS_NOT_YET_CONNECTED:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_CONNECTION_CLOSED:
    case NATS_IO_ERROR:
    case NATS_NO_SERVER:
    case NATS_STALE_CONNECTION:
    case NATS_DRAINING:
    case NATS_SLOW_CONSUMER:
    case NATS_MISSED_HEARTBEAT:
      return absl::StatusCode::kUnavailable;
    case NATS_NOT_FOUND:
      return absl::StatusCode::kNotFound;
    case NATS_INVALID_ARG:
    case NATS_INVALID_SUBJECT:
    case NATS_INVALID_TIMEOUT:
    case NATS_INVALID_QUEUE_NAME:
    case NATS_ADDRESS_MISSING:
      return absl::StatusCode::kInvalidArgument;
    case NATS_CONNECTION_AUTH_FAILED:
    case NATS_NOT_PERMITTED:
      return absl::StatusCode::kPermissionDenied;
    case NATS_MAX_PAYLOAD:
      return absl::StatusCode::kResourceExhausted;
    default:
      return absl::StatusCode::kInternal;
  }
}

}  // namespace

absl::Status FromNats(natsStatus s, absl::string_view what, jsErrCode js_error) {
  if (s == NATS_OK) return absl::OkStatus();
  natsStatus ignored = NATS_OK;
  // The last error text of this thread is more specific than the status text
  // (it carries the JetStream error description).
  const char* detail = nats_GetLastError(&ignored);
  std::string message = absl::StrCat(what, ": ", natsStatus_GetText(s));
  if (detail != nullptr && *detail != '\0') absl::StrAppend(&message, " (", detail, ")");
  if (js_error != 0)
    absl::StrAppend(&message, " [jetstream error ", static_cast<int>(js_error), "]");
  return absl::Status(CodeFor(s, static_cast<int>(js_error)), message);
}

}  // namespace wp::bus
