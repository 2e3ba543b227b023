#include "tools/demo/usage_csv_export.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"

namespace wp::demo {
namespace {

namespace v1 = wp::westos::v1;

const char* RoleWord(v1::UserRole role) {
  switch (role) {
    case v1::LEARNER: return "learner";
    case v1::TEACHER: return "teacher";
    default: return "other";
  }
}

const char* SectorWord(v1::Sector sector) {
  switch (sector) {
    case v1::EARLY_YEARS: return "early_years";
    case v1::PRIMARY: return "primary";
    case v1::SECONDARY: return "secondary";
    case v1::ASN: return "asn";
    default: return "";
  }
}

const char* ActionWord(v1::UsageAction action) {
  switch (action) {
    case v1::VIEW: return "view";
    case v1::PLAY: return "play";
    case v1::COMPLETE: return "complete";
    case v1::RATE: return "rate";
    default: return "";
  }
}

void AppendCell(const std::string& text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(text);
    return;
  }
  absl::StrAppend(out, "\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}

}  // namespace

const std::string& UsageCsvHeader() {
  static const auto* header = new std::string(
      "event_id,occurred_at,user_id,role,authority,establishment,sector,simd,content_id,action,seconds,rating\n");
  return *header;
}

void AppendUsageCsvRow(const v1::UsageEvent& e, std::string* out) {
  const absl::Time at = absl::FromUnixSeconds(e.occurred_at().seconds());
  AppendCell(e.event_id(), out);
  absl::StrAppend(out, ",", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", at, absl::UTCTimeZone()), ",");
  AppendCell(e.user_id(), out);
  absl::StrAppend(out, ",", RoleWord(e.role()), ",");
  AppendCell(e.authority(), out);
  out->push_back(',');
  AppendCell(e.establishment(), out);
  absl::StrAppend(out, ",", SectorWord(e.sector()), ",", e.simd() > 0 ? absl::StrCat(e.simd()) : "", ",");
  AppendCell(e.content_id(), out);
  absl::StrAppend(out, ",", ActionWord(e.action()), ",", e.seconds(), ",",
                  e.rating() > 0 ? absl::StrCat(e.rating()) : "", "\n");
}

}  // namespace wp::demo
