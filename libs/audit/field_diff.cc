#include "libs/audit/field_diff.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/text_format.h"

namespace wp::audit {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Fields naming a person wherever they appear.
const std::set<std::string>& PersonalNames() {
  static const auto* names = new std::set<std::string>{
      "email", "author", "lead", "lead_officer", "person", "practitioner_id", "user_id"};
  return *names;
}

// Messages that describe a person: their `display_name` is the person's name.
const std::set<std::string>& PersonMessages() {
  static const auto* names = new std::set<std::string>{"Person", "Coordinator", "BoardSponsor", "Member",
                                                       "Practitioner"};
  return *names;
}

// Changes on every write, so says nothing about what the caller changed.
bool IsBookkeeping(const FieldDescriptor& field) {
  return field.name() == "etag" || field.name() == "update_time";
}

// Within AuditRecord's limits (audit.proto): a value is cut at a character
// boundary with a mark, and a record keeps at most kMaxChanges changes.
constexpr size_t kMaxValueBytes = 2000;
constexpr size_t kMaxChanges = 200;

std::string Capped(std::string value) {
  if (value.size() <= kMaxValueBytes) return value;
  size_t cut = kMaxValueBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 continuation
  value.resize(cut);
  return value + "... (cut)";
}

bool IsWholeValue(const Descriptor& type) {
  return type.full_name() == "google.protobuf.Timestamp" || type.full_name() == "wp.common.v1.Date";
}

bool LeafIsPersonal(const FieldDescriptor& field) {
  const std::string& name = field.name();
  if (PersonalNames().count(name) > 0) return true;
  if (absl::EndsWith(name, "_email") || absl::EndsWith(name, "_display_name")) return true;
  return name == "display_name" && PersonMessages().count(field.containing_type()->name()) > 0;
}

bool TypeHoldsPersonal(const Descriptor& type, std::set<const Descriptor*>& seen) {
  if (!seen.insert(&type).second) return false;
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor& f = *type.field(i);
    if (LeafIsPersonal(f)) return true;
    if (f.message_type() != nullptr && TypeHoldsPersonal(*f.message_type(), seen)) return true;
  }
  return false;
}

std::string RenderMessage(const Message& m) {
  const Descriptor& type = *m.GetDescriptor();
  const Reflection& r = *m.GetReflection();
  if (type.full_name() == "google.protobuf.Timestamp") {
    const absl::Time t = absl::FromUnixSeconds(r.GetInt64(m, type.FindFieldByName("seconds"))) +
                         absl::Nanoseconds(r.GetInt32(m, type.FindFieldByName("nanos")));
    return absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", t, absl::UTCTimeZone());
  }
  if (type.full_name() == "wp.common.v1.Date") {
    const int year = r.GetInt32(m, type.FindFieldByName("year"));
    const int month = r.GetInt32(m, type.FindFieldByName("month"));
    const int day = r.GetInt32(m, type.FindFieldByName("day"));
    if (day == 0) return absl::StrFormat("%04d-%02d", year, month);
    return absl::StrFormat("%04d-%02d-%02d", year, month, day);
  }
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  std::string out;
  printer.PrintToString(m, &out);
  return std::string(absl::StripTrailingAsciiWhitespace(out));
}

std::string RenderOne(const Message& m, const FieldDescriptor& f, int index) {
  const Reflection& r = *m.GetReflection();
  const bool rep = f.is_repeated();
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: return absl::StrCat(rep ? r.GetRepeatedInt32(m, &f, index) : r.GetInt32(m, &f));
    case FieldDescriptor::CPPTYPE_INT64: return absl::StrCat(rep ? r.GetRepeatedInt64(m, &f, index) : r.GetInt64(m, &f));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(rep ? r.GetRepeatedUInt32(m, &f, index) : r.GetUInt32(m, &f));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(rep ? r.GetRepeatedUInt64(m, &f, index) : r.GetUInt64(m, &f));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrCat(rep ? r.GetRepeatedDouble(m, &f, index) : r.GetDouble(m, &f));
    case FieldDescriptor::CPPTYPE_FLOAT: return absl::StrCat(rep ? r.GetRepeatedFloat(m, &f, index) : r.GetFloat(m, &f));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (rep ? r.GetRepeatedBool(m, &f, index) : r.GetBool(m, &f)) ? "true" : "false";
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int value = rep ? r.GetRepeatedEnumValue(m, &f, index) : r.GetEnumValue(m, &f);
      const auto* named = f.enum_type()->FindValueByNumber(value);
      return named != nullptr ? named->name() : absl::StrCat(value);
    }
    case FieldDescriptor::CPPTYPE_STRING: return rep ? r.GetRepeatedString(m, &f, index) : r.GetString(m, &f);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return RenderMessage(rep ? r.GetRepeatedMessage(m, &f, index) : r.GetMessage(m, &f));
  }
  return "";
}

void Diff(const Message& before, const Message& after, const std::string& prefix, bool masked,
          std::vector<FieldChange>& out) {
  const Descriptor& type = *after.GetDescriptor();
  const Reflection& rb = *before.GetReflection();
  const Reflection& ra = *after.GetReflection();
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor& f = *type.field(i);
    if (IsBookkeeping(f)) continue;
    const std::string path = prefix.empty() ? f.name() : absl::StrCat(prefix, ".", f.name());
    const bool personal = masked || IsPersonalField(f);
    if (!f.is_repeated() && f.message_type() != nullptr && !IsWholeValue(*f.message_type()) &&
        rb.HasField(before, &f) && ra.HasField(after, &f)) {
      // Only the inner fields that differ; a personal inner field stays masked.
      Diff(rb.GetMessage(before, &f), ra.GetMessage(after, &f), path, masked || LeafIsPersonal(f), out);
      continue;
    }
    std::string was = RenderField(before, f);
    std::string now = RenderField(after, f);
    if (was == now) continue;
    if (personal) {
      if (!was.empty()) was = kPersonalData;
      if (!now.empty()) now = kPersonalData;
    }
    if (out.size() < kMaxChanges) out.push_back(FieldChange{path, Capped(std::move(was)), Capped(std::move(now))});
  }
}

}  // namespace

bool IsPersonalField(const FieldDescriptor& field) {
  if (LeafIsPersonal(field)) return true;
  std::set<const Descriptor*> seen;
  return field.message_type() != nullptr && TypeHoldsPersonal(*field.message_type(), seen);
}

std::string RenderField(const Message& message, const FieldDescriptor& field) {
  const Reflection& r = *message.GetReflection();
  if (field.is_repeated()) {
    const int n = r.FieldSize(message, &field);
    if (n == 0) return "";
    std::vector<std::string> items;
    items.reserve(n);
    for (int i = 0; i < n; ++i) items.push_back(RenderOne(message, field, i));
    return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
  }
  if (field.message_type() != nullptr && !r.HasField(message, &field)) return "";
  return RenderOne(message, field, 0);
}

std::vector<FieldChange> DiffMessages(const Message& before, const Message& after) {
  std::vector<FieldChange> out;
  if (before.GetDescriptor() != after.GetDescriptor()) return out;
  Diff(before, after, "", false, out);
  return out;
}

}  // namespace wp::audit
