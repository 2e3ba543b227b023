#include "services/learning/catalogue/event_rules.h"

#include <set>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/fields/field_checks.h"
#include "libs/status/field_errors.h"
#include "services/learning/catalogue/programme_rules.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

// 2000-01-01 and 2100-01-01 UTC.
constexpr int64_t kFirstSecond = 946684800;
constexpr int64_t kEndSecond = 4102444800;

template <typename Enum>
void CheckAudience(const google::protobuf::RepeatedField<int>& values, bool (*is_valid)(int),
                   const std::string& field, FieldViolations* v) {
  std::set<int> seen;
  for (int i = 0; i < values.size(); ++i) {
    const int value = values.Get(i);
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (value == 0 || !is_valid(value)) {
      v->Add(at, absl::StrCat(value, " is not a value of ", field));
    } else if (!seen.insert(value).second) {
      v->Add(at, "repeats an earlier entry");
    }
  }
}

std::string EncodeNumbers(const google::protobuf::RepeatedField<int>& values) {
  std::set<int> sorted(values.begin(), values.end());
  return absl::StrJoin(sorted, ",");
}

std::vector<int> DecodeNumbers(absl::string_view stored) {
  std::vector<int> numbers;
  for (absl::string_view part : absl::StrSplit(stored, ',', absl::SkipEmpty())) {
    int n = 0;
    if (absl::SimpleAtoi(part, &n)) numbers.push_back(n);
  }
  return numbers;
}

void CheckTime(const google::protobuf::Timestamp& t, const std::string& field, bool required, FieldViolations* v) {
  if (!t.IsInitialized() || (t.seconds() == 0 && t.nanos() == 0)) {
    if (required) v->Add(field, "is required");
    return;
  }
  if (!IsEventTime(t)) v->Add(field, "must be a time in the years 2000 to 2099");
}

bool IsSet(const google::protobuf::Timestamp& t) { return t.seconds() != 0 || t.nanos() != 0; }

}  // namespace

bool IsEventTime(const google::protobuf::Timestamp& t) {
  return t.nanos() >= 0 && t.nanos() < 1000000000 && t.seconds() >= kFirstSecond && t.seconds() < kEndSecond;
}

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

absl::Status CompleteEvent(v1::LearningEvent& event, const std::string& prefix) {
  FieldViolations v;
  fields::CheckRequiredLine(event.title(), prefix + "title", kMaxTitleBytes, &v);
  if (!event.programme().empty()) AddViolationsOf(ProgrammeIdOf(event.programme(), prefix + "programme").status(), &v);
  if (event.format() == v1::EVENT_FORMAT_UNSPECIFIED) v.Add(prefix + "format", "is required");
  if (event.delivery() == v1::DELIVERY_UNSPECIFIED) v.Add(prefix + "delivery", "is required");
  CheckAudience<v1::Sector>(event.sectors(), v1::Sector_IsValid, prefix + "sectors", &v);
  CheckAudience<v1::PractitionerRole>(event.roles(), v1::PractitionerRole_IsValid, prefix + "roles", &v);
  CheckTime(event.start_time(), prefix + "start_time", /*required=*/true, &v);
  CheckTime(event.end_time(), prefix + "end_time", /*required=*/true, &v);
  CheckTime(event.registration_cutoff(), prefix + "registration_cutoff", /*required=*/false, &v);
  if (IsEventTime(event.start_time()) && IsEventTime(event.end_time())) {
    const absl::Duration length = TimeOf(event.end_time()) - TimeOf(event.start_time());
    if (length <= absl::ZeroDuration()) {
      v.Add(prefix + "end_time", "must be after start_time");
    } else if (length > kMaxEventLength) {
      v.Add(prefix + "end_time", "must be at most 14 days after start_time");
    }
  }
  if (!IsSet(event.registration_cutoff()) && IsEventTime(event.start_time())) {
    *event.mutable_registration_cutoff() = event.start_time();
  } else if (IsEventTime(event.registration_cutoff()) && IsEventTime(event.start_time()) &&
             TimeOf(event.registration_cutoff()) > TimeOf(event.start_time())) {
    v.Add(prefix + "registration_cutoff", "must not be after start_time");
  }
  if (event.capacity() < 1 || event.capacity() > kMaxCapacity) {
    v.Add(prefix + "capacity", absl::StrCat("must be 1 to ", kMaxCapacity));
  }
  for (int i = 0; i < event.facilitators_size(); ++i) {
    fields::CheckRequiredLine(event.facilitators(i), absl::StrCat(prefix, "facilitators[", i, "]"),
                              kMaxFacilitatorBytes, &v);
  }
  fields::CheckOptionalLine(event.location(), prefix + "location", kMaxLocationBytes, &v);
  return v.ToStatus();
}

std::string EncodeSectors(const v1::LearningEvent& event) { return EncodeNumbers(event.sectors()); }
std::string EncodeRoles(const v1::LearningEvent& event) { return EncodeNumbers(event.roles()); }

void DecodeSectors(absl::string_view stored, v1::LearningEvent& event) {
  for (int n : DecodeNumbers(stored)) event.add_sectors(static_cast<v1::Sector>(n));
}

void DecodeRoles(absl::string_view stored, v1::LearningEvent& event) {
  for (int n : DecodeNumbers(stored)) event.add_roles(static_cast<v1::PractitionerRole>(n));
}

bool MovesInTime(const v1::LearningEvent& before, const v1::LearningEvent& next) {
  using google::protobuf::util::MessageDifferencer;
  return !MessageDifferencer::Equals(before.start_time(), next.start_time()) ||
         !MessageDifferencer::Equals(before.end_time(), next.end_time()) ||
         !MessageDifferencer::Equals(before.registration_cutoff(), next.registration_cutoff());
}

}  // namespace wp::learning
