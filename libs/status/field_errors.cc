#include "libs/status/field_errors.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"
#include "libs/status/error_limits.h"
#include "libs/text/bounded_text.h"

namespace wp {

absl::Status InvalidField(absl::string_view field, absl::string_view description) {
  FieldViolations violations;
  violations.Add(field, description);
  return violations.ToStatus();
}

// Parts are cut when added, so a huge input is not kept; how many
// violations are sent is decided in ToStatus (error_limits.h).
void FieldViolations::Add(absl::string_view field, absl::string_view description) {
  violations_.push_back({text::Bounded(field, kMaxViolationPartBytes),
                         text::Bounded(description, kMaxViolationPartBytes)});
}

absl::Status FieldViolations::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  google::rpc::BadRequest bad_request;
  std::vector<std::string> parts;
  size_t bytes = 0;
  size_t dropped = 0;
  for (const FieldViolation& v : violations_) {
    bytes += v.field.size() + v.description.size();
    if (static_cast<size_t>(bad_request.field_violations_size()) >= kMaxViolations ||
        bytes > kMaxViolationBytes) {
      ++dropped;
      continue;
    }
    auto* out = bad_request.add_field_violations();
    out->set_field(v.field);
    out->set_description(v.description);
    parts.push_back(absl::StrCat(v.field, ": ", v.description));
  }
  // The count of violations left out survives the cut of the message.
  const std::string more = dropped > 0 ? absl::StrCat("; and ", dropped, " more") : "";
  absl::Status status = absl::InvalidArgumentError(
      absl::StrCat(text::Bounded(absl::StrJoin(parts, "; "), kMaxMessageBytes - more.size()), more));
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> result;
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return result;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return result;
  for (const auto& v : bad_request.field_violations()) {
    result.push_back({v.field(), v.description()});
  }
  return result;
}

void AddViolationsOf(const absl::Status& status, FieldViolations* v, absl::string_view field_if_none) {
  if (status.ok()) return;
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.empty()) v->Add(field_if_none, status.message());
  for (const FieldViolation& f : violations) v->Add(f.field, f.description);
}

}  // namespace wp
