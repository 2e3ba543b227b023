#include "examples/notices/notice_rules.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/status/field_errors.h"
#include "libs/text/blank.h"

namespace wp::examples::notices {
namespace {

constexpr char kPrefix[] = "notices/";

}  // namespace

// [START rules]
absl::Status ValidateNewNotice(const v1::Notice& notice) {
  FieldViolations v;
  if (text::IsBlank(notice.title())) v.Add("notice.title", "must not be empty");
  if (!notice.name().empty()) v.Add("notice.name", "is chosen by the service; leave it empty");
  if (!notice.posted_by().empty()) v.Add("notice.posted_by", "is the caller; leave it empty");
  return v.ToStatus();  // every violation at once
}
// [END rules]

std::string NoticeName(const std::string& id) { return absl::StrCat(kPrefix, id); }

absl::StatusOr<std::string> NoticeIdOf(const std::string& name, const std::string& field) {
  if (!absl::StartsWith(name, kPrefix) || name.size() == sizeof(kPrefix) - 1 ||
      name.find('/', sizeof(kPrefix) - 1) != std::string::npos) {
    return InvalidField(field, "must look like notices/{id}");
  }
  return name.substr(sizeof(kPrefix) - 1);
}

}  // namespace wp::examples::notices
