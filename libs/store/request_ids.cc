#include "libs/store/request_ids.h"

#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"

namespace wp::store {

absl::Status ValidateRequestId(const std::string& request_id) {
  if (request_id.size() <= kMaxRequestIdBytes) return absl::OkStatus();
  return InvalidField("request_id", absl::StrCat("must be at most ", kMaxRequestIdBytes, " bytes"));
}

absl::StatusOr<std::optional<std::string>> FindRequest(Transaction& tx, const std::string& method,
                                                       const std::string& request_id) {
  if (request_id.empty()) return std::optional<std::string>();
  absl::StatusOr<std::vector<Row>> rows = tx.Query(
      "SELECT resource FROM request_ids WHERE request_id = ?", {absl::StrCat(method, ":", request_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

absl::Status RecordRequest(Transaction& tx, const std::string& method,
                           const std::string& request_id, const std::string& resource,
                           absl::Time now) {
  if (request_id.empty()) return absl::OkStatus();
  return tx
      .Execute("INSERT INTO request_ids (request_id, resource, create_us) VALUES (?, ?, ?)",
               {absl::StrCat(method, ":", request_id), resource, absl::ToUnixMicros(now)})
      .status();
}

}  // namespace wp::store
