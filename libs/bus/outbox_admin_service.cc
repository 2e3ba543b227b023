#include "libs/bus/outbox_admin_service.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/audit/audit_log.h"
#include "libs/calendar/timestamps.h"
#include "libs/log/log.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/store/dead_letters.h"
#include "libs/trace/trace_context.h"
#include "libs/validation/request_check.h"

namespace wp::bus {
namespace {

namespace v1 = wp::common::v1;

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;
constexpr int kMaxSeqsPerRedrive = 1000;

// Stored as RFC 3339 text by libs/store; an unreadable value is left unset.
void SetTime(const std::string& text, google::protobuf::Timestamp* out) {
  absl::Time t;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &t, &error)) *out = calendar::TimestampOf(t);
}

absl::StatusOr<std::vector<int64_t>> AllDeadLetterSeqs(store::Transaction& tx) {
  absl::StatusOr<std::vector<store::Row>> rows =
      tx.Query("SELECT seq FROM outbox_dead_letters ORDER BY seq");
  if (!rows.ok()) return rows.status();
  std::vector<int64_t> seqs;
  for (const store::Row& r : *rows) seqs.push_back(r.Int(0));
  return seqs;
}

}  // namespace

absl::StatusOr<v1::ListDeadLettersResponse> ListDeadLetters(
    store::Database& db, const v1::ListDeadLettersRequest& request) {
  FieldViolations violations;
  absl::StatusOr<int> page_size = paging::PageSize(request.page_size(), kDefaultPageSize, kMaxPageSize);
  if (!page_size.ok()) AddViolationsOf(page_size.status(), &violations, "page_size");
  int64_t after_seq = 0;
  absl::StatusOr<std::vector<std::string>> token = paging::DecodePageToken(request.page_token(), 1);
  if (!token.ok()) {
    AddViolationsOf(token.status(), &violations, "page_token");
  } else if (!token->empty() && (!absl::SimpleAtoi((*token)[0], &after_seq) || after_seq < 0)) {
    violations.Add("page_token", "is not a token this service returned");
  }
  if (absl::Status s = violations.ToStatus(); !s.ok()) return s;

  // One more than a page tells whether another page follows.
  absl::StatusOr<std::vector<store::DeadLetter>> letters =
      store::ListDeadLetters(db, after_seq, *page_size + 1);
  if (!letters.ok()) return letters.status();
  absl::StatusOr<int64_t> total = store::CountDeadLetters(db);
  if (!total.ok()) return total.status();

  v1::ListDeadLettersResponse response;
  const size_t shown = std::min(letters->size(), static_cast<size_t>(*page_size));
  for (size_t i = 0; i < shown; ++i) {
    const store::DeadLetter& d = (*letters)[i];
    v1::DeadLetter* out = response.add_dead_letters();
    out->set_seq(d.seq);
    out->set_event_id(d.event_id);
    out->set_subject(d.subject);
    out->set_payload_bytes(d.payload_bytes);
    SetTime(d.created_at, out->mutable_create_time());
    SetTime(d.failed_at, out->mutable_fail_time());
    out->set_reason(d.reason);
    out->set_attempts(d.attempts);
  }
  if (letters->size() > shown) {
    response.set_next_page_token(paging::EncodePageToken({absl::StrCat((*letters)[shown - 1].seq)}));
  }
  response.set_total(*total);
  return response;
}

absl::StatusOr<v1::RedriveDeadLettersResponse> RedriveDeadLetters(
    store::Database& db, const server::Caller& caller, const v1::RedriveDeadLettersRequest& request) {
  if (request.all() == !request.seqs().empty()) {
    return InvalidField("seqs", "name the dead letters to re-drive, or set all (exactly one)");
  }
  if (request.seqs_size() > kMaxSeqsPerRedrive) {
    return InvalidField("seqs", absl::StrCat("at most ", kMaxSeqsPerRedrive, " per call"));
  }
  v1::RedriveDeadLettersResponse response;
  absl::Status s = db.Write([&](store::Transaction& tx) -> absl::Status {
    std::vector<int64_t> seqs(request.seqs().begin(), request.seqs().end());
    if (request.all()) {
      absl::StatusOr<std::vector<int64_t>> all = AllDeadLetterSeqs(tx);
      if (!all.ok()) return all.status();
      seqs = *std::move(all);
    }
    for (int64_t seq : seqs) {
      absl::StatusOr<int64_t> new_seq = store::RedriveDeadLetter(tx, seq);
      if (!new_seq.ok()) return new_seq.status();
      audit::AuditEntry entry;
      entry.subject = caller.actor;
      entry.role = caller.role;
      entry.method = caller.method;
      entry.resource = absl::StrCat("outbox/deadLetters/", seq);
      entry.summary = absl::StrCat("re-driven as outbox position ", *new_seq);
      entry.trace_id = caller.trace_id;
      entry.at = absl::Now();
      if (absl::Status a = audit::RecordAudit(tx, entry); !a.ok()) return a;
    }
    response.set_redriven(static_cast<int32_t>(seqs.size()));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  wp::log::Info("outbox dead letters re-driven",
                {{"count", absl::StrCat(response.redriven())}, {"actor", caller.actor}});
  return response;
}

OutboxAdminGrpc::OutboxAdminGrpc(store::Database& db, AuthorizeAdminFn authorize)
    : db_(db), authorize_(std::move(authorize)) {}

grpc::Status OutboxAdminGrpc::ListDeadLetters(grpc::ServerContext* context,
                                              const v1::ListDeadLettersRequest* request,
                                              v1::ListDeadLettersResponse* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace({caller->trace_id, caller->traceparent});  // log lines carry it
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  absl::StatusOr<v1::ListDeadLettersResponse> result = bus::ListDeadLetters(db_, *request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status OutboxAdminGrpc::RedriveDeadLetters(grpc::ServerContext* context,
                                                 const v1::RedriveDeadLettersRequest* request,
                                                 v1::RedriveDeadLettersResponse* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace({caller->trace_id, caller->traceparent});  // log lines carry it
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  absl::StatusOr<v1::RedriveDeadLettersResponse> result =
      bus::RedriveDeadLetters(db_, *caller, *request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::bus
