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
  const bool by_resource = !request.resource().empty();
  const bool by_subject = !request.subject().empty();
  if (!by_resource && !by_subject) {
    violations.Add("resource", "either resource or subject is required");
    violations.Add("subject", "either resource or subject is required");
  } else if (by_resource && by_subject) {
    violations.Add("subject", "must be empty when resource is set (set exactly one)");
  }
  absl::StatusOr<int> page_size =
      paging::PageSize(request.page_size(), kDefaultAuditPageSize, kMaxAuditPageSize);
  if (!page_size.ok()) AddViolations(page_size.status(), "page_size", &violations);

  // The token holds the query it belongs to (the key escaped, so any text
  // fits) and the last id returned: a token of one query cannot be replayed
  // against another.
  const absl::string_view kind = by_resource ? kByResource : kBySubject;
  const std::string& key = by_resource ? request.resource() : request.subject();
  const std::string token_key = absl::WebSafeBase64Escape(key);
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
            return by_resource ? ListAuditByResource(tx, key, after_id, *page_size + 1)
                               : ListAuditBySubject(tx, key, after_id, *page_size + 1);
          });
  if (!entries.ok()) return entries.status();

  v1::ListAuditRecordsResponse response;
  const size_t shown = std::min(entries->size(), static_cast<size_t>(*page_size));
  for (size_t i = 0; i < shown; ++i) {
    const StoredAuditEntry& e = (*entries)[i];
    v1::AuditRecord* r = response.add_records();
    r->set_id(e.id);
    *r->mutable_time() = calendar::TimestampOf(e.entry.at);
    r->set_subject(e.entry.subject);
    r->set_role(e.entry.role);
    r->set_method(e.entry.method);
    r->set_resource(e.entry.resource);
    r->set_summary(e.entry.summary);
    r->set_trace_id(e.entry.trace_id);
  }
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
