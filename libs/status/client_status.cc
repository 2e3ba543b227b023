#include "libs/status/client_status.h"

#include <cstdint>
#include <string>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/log/log.h"
#include "libs/status/error_limits.h"
#include "libs/status/field_errors.h"
#include "libs/text/bounded_text.h"

namespace wp {
namespace {

std::string NewReference() {
  thread_local absl::BitGen gen;
  return absl::StrFormat("%016x", absl::Uniform<uint64_t>(gen));
}

absl::string_view GenericMessage(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kUnavailable:
      return "service temporarily unavailable; retry later";
    case absl::StatusCode::kDataLoss:
      return "stored data could not be read";
    default:
      return "internal error";
  }
}

}  // namespace

bool IsServerFault(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
      return true;
    default:
      return false;
  }
}

absl::Status ForClient(const absl::Status& status) {
  if (status.ok()) return status;
  if (IsServerFault(status.code())) {
    const std::string ref = NewReference();
    // UNAVAILABLE is expected now and then (a busy database, Redis down);
    // the others are bugs or damage.
    log::Write(status.code() == absl::StatusCode::kUnavailable ? log::Level::kWarn : log::Level::kError,
               "server fault hidden from the client",
               {{"ref", ref},
                {"code", absl::StatusCodeToString(status.code())},
                {"error", std::string(status.message())}});
    return absl::Status(status.code(), absl::StrCat(GenericMessage(status.code()), " (ref ", ref, ")"));
  }
  absl::Status bounded(status.code(), text::Bounded(status.message(), kMaxMessageBytes));
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (!violations.empty()) {
    // Rebuilt through FieldViolations, so a payload made elsewhere is bounded too.
    FieldViolations v;
    for (const FieldViolation& f : violations) v.Add(f.field, f.description);
    bounded.SetPayload(kBadRequestTypeUrl, *v.ToStatus().GetPayload(kBadRequestTypeUrl));
  }
  return bounded;
}

}  // namespace wp
