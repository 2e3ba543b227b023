#include "libs/bus/event_writer.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/store/outbox.h"
#include "libs/trace/trace_context.h"

namespace wp::bus {
namespace {

// A subject token must not split (.) or widen (*, >) the subject.
bool IsPlainToken(absl::string_view token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (c == '.' || c == '*' || c == '>' || absl::ascii_isspace(static_cast<unsigned char>(c)) ||
        !absl::ascii_isprint(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

void FillRandom(unsigned char* out, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t got = ::getrandom(out + done, n - done, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      // getrandom exists since Linux 3.17; failing here means the process
      // cannot make safe ids at all, which is not recoverable.
      std::abort();
    }
    done += static_cast<size_t>(got);
  }
}

}  // namespace

std::string NewEventId() {
  unsigned char b[16];
  FillRandom(b, sizeof(b));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

std::string SubjectFor(absl::string_view source, absl::string_view entity, absl::string_view verb) {
  return absl::StrCat("wp.", source, ".", entity, ".", verb);
}

std::string StreamNameFor(absl::string_view source) {
  return absl::StrCat("WP_", absl::AsciiStrToUpper(source));
}

std::string StreamSubjectsFor(absl::string_view source) {
  return absl::StrCat("wp.", source, ".>");
}

absl::StatusOr<wp::common::v1::Event> EmitEvent(store::Transaction& tx, const EventSpec& spec) {
  if (!IsPlainToken(spec.source))
    return absl::InvalidArgumentError("event source: not a subject token");
  if (!IsPlainToken(spec.entity))
    return absl::InvalidArgumentError("event entity: not a subject token");
  if (!IsPlainToken(spec.verb))
    return absl::InvalidArgumentError("event verb: not a subject token");

  wp::common::v1::Event event;
  event.set_id(NewEventId());
  event.set_type(SubjectFor(spec.source, spec.entity, spec.verb));
  event.set_source(spec.source);
  const int64_t nanos = absl::ToUnixNanos(absl::Now());
  event.mutable_occurred_at()->set_seconds(nanos / 1000000000);
  event.mutable_occurred_at()->set_nanos(static_cast<int32_t>(nanos % 1000000000));
  event.set_subject(spec.aggregate);
  const trace::TraceContext& current = trace::Current();
  event.set_trace_id(!spec.trace_id.empty() ? spec.trace_id : current.trace_id);
  event.set_traceparent(!spec.traceparent.empty() ? spec.traceparent : current.traceparent);
  event.set_actor(spec.actor);
  if (!event.mutable_payload()->PackFrom(spec.payload)) {
    return absl::InternalError(
        absl::StrCat("event payload ", spec.payload.GetTypeName(), ": could not be packed"));
  }

  // Checked before the row is reserved; the position adds at most a few bytes.
  const size_t size = event.ByteSizeLong() + 16;
  if (size > kMaxEventBytes) {
    return absl::FailedPreconditionError(absl::StrCat(
        "this change would publish a ", size, "-byte ", event.type(), " event; events carry at ",
        "most ", kMaxEventBytes, " bytes, so the change was not made"));
  }

  // The position is only known once the row exists, and the envelope carries
  // it, hence reserve first and store the bytes second (same transaction).
  absl::StatusOr<int64_t> seq = store::ReserveOutboxRow(tx, event.id(), event.type());
  if (!seq.ok()) return seq.status();
  event.set_source_sequence(*seq);

  std::string bytes;
  if (!event.SerializeToString(&bytes))
    return absl::InternalError("event: could not be serialised");
  if (absl::Status s = store::SetOutboxPayload(tx, *seq, bytes); !s.ok()) return s;
  return event;
}

void AdvanceToLastEvent(store::Database& db, cache::DataGeneration& generation) {
  if (absl::StatusOr<int64_t> seq = store::LastOutboxSeq(db); seq.ok()) generation.AdvanceTo(*seq);
}

}  // namespace wp::bus
