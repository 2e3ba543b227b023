// Writing events: builds the one envelope (wp.common.v1.Event) for a change
// and stores it in the transactional outbox, inside the caller's transaction,
// so the change and its event commit together or not at all. The outbox relay
// (outbox_relay.h) publishes it later.
//
// Naming, in one place so publishers and consumers agree:
//   subject/type  wp.<source>.<entity>.<verb>   e.g. wp.workstreams.plan_item.created
//   stream        WP_<SOURCE>                    e.g. WP_WORKSTREAMS
//   stream filter wp.<source>.>
//
// Thread-safety: pure functions, and EmitEvent runs in the transaction of the
// thread that calls it (a Transaction never crosses threads).
#ifndef WP_LIBS_BUS_EVENT_WRITER_H_
#define WP_LIBS_BUS_EVENT_WRITER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "libs/cache/data_generation.h"
#include "libs/store/database.h"
#include "wp/common/v1/event.pb.h"

namespace wp::bus {

// What the caller knows about an event; the envelope fields (id, time,
// position) are filled in by EmitEvent. Aggregate-initialise in this order:
//   EmitEvent(tx, {"workstreams", "plan_item", "created", item.name(), created_msg,
//                  ctx.actor, ctx.trace_id});
// trace_id and traceparent, when empty, come from the thread's current trace
// (libs/trace: the gRPC call or the event being handled).
struct EventSpec {
  std::string source;                        // publishing service, e.g. "workstreams"
  std::string entity;                        // e.g. "plan_item"
  std::string verb;                          // past tense, e.g. "created"
  std::string aggregate;                     // resource name the event is about (Event.subject)
  const google::protobuf::Message& payload;  // packed into Event.payload (Any)
  std::string actor = "";
  std::string trace_id = "";
  std::string traceparent = "";
};

// The largest serialised envelope EmitEvent stores. NATS refuses messages
// above its max_payload (1 MiB by default); an event that could never be
// published must never be committed, and half the limit leaves room for
// headers and a broker configured lower.
inline constexpr size_t kMaxEventBytes = 512 * 1024;

// Builds the envelope (UUID v4 id, occurred_at now, payload in Any), reserves
// the next outbox row, sets source_sequence to its position and stores the
// serialised envelope, all in `tx`. Returns the event as stored.
// INVALID_ARGUMENT when source, entity or verb is not a plain subject token;
// FAILED_PRECONDITION when the envelope would exceed kMaxEventBytes (the
// caller's transaction then rolls back, so the change is refused whole).
absl::StatusOr<wp::common::v1::Event> EmitEvent(store::Transaction& tx, const EventSpec& spec);

// "wp.<source>.<entity>.<verb>".
std::string SubjectFor(absl::string_view source, absl::string_view entity, absl::string_view verb);
// "WP_" + upper(source), e.g. "WP_WORKSTREAMS".
std::string StreamNameFor(absl::string_view source);
// "wp.<source>.>": every subject the source publishes.
std::string StreamSubjectsFor(absl::string_view source);

// A random (version 4) UUID in canonical lower-case form, from the kernel's
// CSPRNG (getrandom), so ids are unique across processes and restarts.
std::string NewEventId();

// The data generation of a store is its last outbox position, because every
// change writes an event. Called after every commit (the runtime's commit
// listener; tests of domain classes set the same listener) so that a replica
// reads its own writes through the cache: the one way a generation advances
// on a write. A failed read leaves the generation where it was.
void AdvanceToLastEvent(store::Database& db, cache::DataGeneration& generation);

}  // namespace wp::bus

#endif  // WP_LIBS_BUS_EVENT_WRITER_H_
