#include "libs/audit/audit_service.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "libs/audit/audit_log.h"
#include "libs/calendar/timestamps.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/validation/request_check.h"

namespace wp::audit {
namespace {

namespace v1 = wp::common::v1;

constexpr absl::string_view kByResource = "resource";
constexpr absl::string_view kBySubject = "subject";
constexpr absl::string_view kByTime = "time";

// The query's keys, escaped: the resource (or else the subject) as before,
// then the other filters when set.
std::string QueryKey(const v1::ListAuditRecordsRequest& request) {
  std::string key = absl::WebSafeBase64Escape(!request.resource().empty() ? request.resource()
                                                                           : request.subject());
  if (!request.resource().empty() && !request.subject().empty()) {
    absl::StrAppend(&key, ".s", absl::WebSafeBase64Escape(request.subject()));
  }
  if (request.has_from_time()) {
    absl::StrAppend(&key, ".f", request.from_time().seconds(), "_", request.from_time().nanos());
  }
  if (request.has_to_time()) {
    absl::StrAppend(&key, ".t", request.to_time().seconds(), "_", request.to_time().nanos());
  }
  return key;
}

// A time the store can hold (microseconds since 1970 fit an int64 for any
// Timestamp proto allows); INVALID_ARGUMENT for an out-of-range one.
absl::StatusOr<absl::Time> TimeOf(const google::protobuf::Timestamp& t) {
  // Timestamp's own range: 0001-01-01 to 9999-12-31.
  if (t.seconds() < -62135596800 || t.seconds() > 253402300799 || t.nanos() < 0 || t.nanos() > 999999999) {
    return absl::InvalidArgumentError("is not a valid time (years 1 to 9999, nanos 0 to 999999999)");
  }
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

void ToRecord(const StoredAuditEntry& e, v1::AuditRecord* r) {
  r->set_id(e.id);
  *r->mutable_time() = calendar::TimestampOf(e.entry.at);
  r->set_subject(e.entry.subject);
  r->set_role(e.entry.role);
  r->set_method(e.entry.method);
  r->set_resource(e.entry.resource);
  r->set_summary(e.entry.summary);
  r->set_trace_id(e.entry.trace_id);
  for (const FieldChange& c : e.entry.changes) {
    v1::FieldChange* out = r->add_changes();
    out->set_field(c.field);
    out->set_before(c.before);
    out->set_after(c.after);
  }
  for (const std::string& related : e.entry.related_resources) r->add_related_resources(related);
}

// Adds the field violations `status` carries (or, for a status without any,
// one on `field`) to `violations`.
void AddViolations(const absl::Status& status, absl::string_view field, FieldViolations* violations) {
  std::vector<FieldViolation> found = FieldViolationsOf(status);
  if (found.empty()) violations->Add(field, status.message());
  for (const FieldViolation& v : found) violations->Add(v.field, v.description);
}

}  // namespace

absl::StatusOr<v1::ListAuditRecordsResponse> ListAuditRecords(
    store::Database& db, const v1::ListAuditRecordsRequest& request) {
  FieldViolations violations;
  AuditQuery query;
  query.resource = request.resource();
  query.subject = request.subject();
  const bool has_range = request.has_from_time() || request.has_to_time();
  if (query.resource.empty() && query.subject.empty() && !has_range) {
    violations.Add("resource", "either resource, subject or a time range (from_time, to_time) is required");
    violations.Add("subject", "either resource, subject or a time range (from_time, to_time) is required");
  }
  if (request.has_from_time()) {
    absl::StatusOr<absl::Time> from = TimeOf(request.from_time());
    if (!from.ok()) violations.Add("from_time", from.status().message());
    else query.from = *from;
  }
  if (request.has_to_time()) {
    absl::StatusOr<absl::Time> to = TimeOf(request.to_time());
    if (!to.ok()) violations.Add("to_time", to.status().message());
    else query.to = *to;
  }
  if (request.has_from_time() && request.has_to_time() && query.to <= query.from) {
    violations.Add("to_time", "must be after from_time");
  }
  absl::StatusOr<int> page_size =
      paging::PageSize(request.page_size(), kDefaultAuditPageSize, kMaxAuditPageSize);
  if (!page_size.ok()) AddViolations(page_size.status(), "page_size", &violations);

  // The token holds the query it belongs to (the keys escaped, so any text
  // fits) and the last id returned: a token of one query cannot be replayed
  // against another.
  const absl::string_view kind = !query.resource.empty() ? kByResource
                                 : !query.subject.empty() ? kBySubject
                                                          : kByTime;
  const std::string token_key = QueryKey(request);
  int64_t after_id = 0;
  absl::StatusOr<std::vector<std::string>> token = paging::DecodePageToken(request.page_token(), 3);
  if (!token.ok()) {
    AddViolations(token.status(), "page_token", &violations);
  } else if (!token->empty()) {
    if (!absl::SimpleAtoi((*token)[2], &after_id) || after_id < 0) {
      violations.Add("page_token", "is not a token this service returned");
    } else if ((*token)[0] != kind || (*token)[1] != token_key) {
      violations.Add("page_token", "belongs to a different query");
    }
  }
  if (absl::Status s = violations.ToStatus(); !s.ok()) return s;

  absl::StatusOr<std::vector<StoredAuditEntry>> entries =
      store::ReadValue<std::vector<StoredAuditEntry>>(
          db, [&](store::Transaction& tx) -> absl::StatusOr<std::vector<StoredAuditEntry>> {
            // One more than a page tells whether another page follows.
            return ListAudit(tx, query, after_id, *page_size + 1);
          });
  if (!entries.ok()) return entries.status();

  v1::ListAuditRecordsResponse response;
  const size_t shown = std::min(entries->size(), static_cast<size_t>(*page_size));
  for (size_t i = 0; i < shown; ++i) ToRecord((*entries)[i], response.add_records());
  if (entries->size() > shown) {
    response.set_next_page_token(paging::EncodePageToken(
        {std::string(kind), token_key, absl::StrCat((*entries)[shown - 1].id)}));
  }
  return response;
}

AuditGrpc::AuditGrpc(store::Database& db, AuthorizeAuditFn authorize)
    : db_(db), authorize_(std::move(authorize)) {}

grpc::Status AuditGrpc::ListAuditRecords(grpc::ServerContext* context,
                                         const v1::ListAuditRecordsRequest* request,
                                         v1::ListAuditRecordsResponse* response) {
  if (authorize_) {
    if (absl::Status s = authorize_(*context); !s.ok()) return ToGrpcStatus(s);
  }
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  absl::StatusOr<v1::ListAuditRecordsResponse> result = audit::ListAuditRecords(db_, *request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::audit
