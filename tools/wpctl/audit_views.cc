#include "tools/wpctl/audit_views.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

std::string TimeText(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", TimeOf(t), absl::UTCTimeZone());
}

// "/wp.governance.v1.PlansService/ReallocateBudget" -> "ReallocateBudget".
std::string ChangeText(const common::AuditRecord& r) {
  if (r.method().empty()) return r.summary();
  const size_t slash = r.method().rfind('/');
  return slash == std::string::npos ? r.method() : r.method().substr(slash + 1);
}

std::string Shown(const std::string& value) { return value.empty() ? "(unset)" : value; }

std::string ChangeLine(const common::FieldChange& c) {
  return absl::StrCat(c.field(), ": ", Shown(c.before()), " -> ", Shown(c.after()));
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  return absl::StrCat("\"", absl::StrReplaceAll(value, {{"\"", "\"\""}}), "\"");
}

}  // namespace

std::vector<ServiceAuditRecord> MergeAuditRecords(
    const std::map<std::string, std::vector<common::AuditRecord>>& by_service) {
  std::vector<ServiceAuditRecord> all;
  for (const auto& [service, records] : by_service) {
    for (const common::AuditRecord& r : records) all.push_back({service, r});
  }
  std::stable_sort(all.begin(), all.end(), [](const ServiceAuditRecord& a, const ServiceAuditRecord& b) {
    return std::make_tuple(a.record.time().seconds(), a.record.time().nanos(), a.service, a.record.id()) <
           std::make_tuple(b.record.time().seconds(), b.record.time().nanos(), b.service, b.record.id());
  });
  return all;
}

absl::Status CheckAuditResource(absl::string_view resource) {
  const std::vector<absl::string_view> parts = absl::StrSplit(resource, '/');
  bool full = !resource.empty();
  for (size_t i = 0; full && i < parts.size(); ++i) {
    if (parts[i].empty()) full = false;
    if (i % 2 == 0 && !std::all_of(parts[i].begin(), parts[i].end(), [](char c) { return absl::ascii_isalpha(c); })) {
      full = false;
    }
  }
  if (full) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "--resource \"", resource,
      "\" is not a full resource name; the services match it exactly, so give collection/id pairs, "
      "e.g. plans/2026-27/budgetLines/2026-27-coaching or planPeriods/2026-27/planItems/1.3"));
}

std::string AuditText(const std::vector<ServiceAuditRecord>& records) {
  if (records.empty()) return "No audit records match.\n";
  std::string out = absl::StrFormat("%-19s  %-11s  %-20s  %-28s  %s\n", "TIME (UTC)", "SERVICE", "ACTOR",
                                    "CHANGE", "RESOURCE");
  for (const ServiceAuditRecord& s : records) {
    const common::AuditRecord& r = s.record;
    absl::StrAppendFormat(&out, "%-19s  %-11s  %-20s  %-28s  %s\n", TimeText(r.time()), s.service, r.subject(),
                          ChangeText(r), r.resource());
    for (const common::FieldChange& c : r.changes()) absl::StrAppend(&out, "    ", ChangeLine(c), "\n");
    for (const std::string& related : r.related_resources()) absl::StrAppend(&out, "    also: ", related, "\n");
  }
  absl::StrAppend(&out, records.size(), records.size() == 1 ? " record\n" : " records\n");
  return out;
}

std::string AuditCsv(const std::vector<ServiceAuditRecord>& records) {
  std::string out = "time,service,actor,role,method,summary,resource,related_resources,changes\n";
  for (const ServiceAuditRecord& s : records) {
    const common::AuditRecord& r = s.record;
    std::vector<std::string> changes;
    for (const common::FieldChange& c : r.changes()) changes.push_back(ChangeLine(c));
    const std::vector<std::string> fields = {
        absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", TimeOf(r.time()), absl::UTCTimeZone()),
        s.service,
        r.subject(),
        r.role(),
        r.method(),
        r.summary(),
        r.resource(),
        absl::StrJoin(r.related_resources(), "; "),
        absl::StrJoin(changes, "; ")};
    std::vector<std::string> quoted;
    for (const std::string& f : fields) quoted.push_back(CsvField(f));
    absl::StrAppend(&out, absl::StrJoin(quoted, ","), "\n");
  }
  return out;
}

absl::StatusOr<google::protobuf::Timestamp> ParseAuditTime(absl::string_view text, absl::string_view option,
                                                           bool end_of_day) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, std::string(text), &t, &error)) {
    // A day in any form the other date options take ("yesterday", "-4w", ...).
    auto day = ParseDate(text, /*allow_month_only=*/false);
    if (!day.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--", option, " \"", text, "\" is not a date (",
                                                     DateForms(false), ") or a time (e.g. 2026-03-01T14:30:00Z)"));
    }
    t = absl::FromCivil(absl::CivilDay(day->year(), day->month(), day->day()), absl::UTCTimeZone());
    if (end_of_day) t += absl::Hours(24);
  }
  if (t < absl::FromCivil(absl::CivilSecond(1, 1, 1, 0, 0, 0), absl::UTCTimeZone()) ||
      t > absl::FromCivil(absl::CivilSecond(9999, 12, 31, 23, 59, 59), absl::UTCTimeZone())) {
    return absl::InvalidArgumentError(absl::StrCat("--", option, " \"", text, "\" is out of range"));
  }
  google::protobuf::Timestamp out;
  const int64_t micros = absl::ToUnixMicros(t);
  out.set_seconds(micros / 1000000 - (micros % 1000000 < 0 ? 1 : 0));
  out.set_nanos(static_cast<int32_t>(((micros % 1000000) + 1000000) % 1000000) * 1000);
  return out;
}

}  // namespace wp::wpctl
