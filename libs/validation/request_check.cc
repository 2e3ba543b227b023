#include "libs/validation/request_check.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "libs/status/field_errors.h"
#include "libs/text/utf8.h"
#include "wp/common/v1/field_limits.pb.h"

namespace wp::validation {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

struct Limits {
  int64_t max_bytes = kDefaultMaxBytes;
  int max_items = kDefaultMaxItems;
  bool required = false;
  bool items_checked_by_handler = false;
};

Limits LimitsOf(const FieldDescriptor& field) {
  Limits limits;
  if (!field.options().HasExtension(wp::common::v1::limits)) return limits;
  const wp::common::v1::FieldLimits& declared = field.options().GetExtension(wp::common::v1::limits);
  if (declared.max_bytes() > 0) limits.max_bytes = declared.max_bytes();
  if (declared.max_items() > 0) limits.max_items = declared.max_items();
  limits.required = declared.required();
  limits.items_checked_by_handler = declared.items_checked_by_handler();
  return limits;
}

class Checker {
 public:
  void CheckMessage(const Message& m, const std::string& prefix) {
    const Reflection& r = *m.GetReflection();
    // Required fields that are unset are not listed by ListFields.
    const google::protobuf::Descriptor& d = *m.GetDescriptor();
    for (int i = 0; i < d.field_count(); ++i) {
      const FieldDescriptor& f = *d.field(i);
      if (!LimitsOf(f).required) continue;
      const bool set = f.is_repeated() ? r.FieldSize(m, &f) > 0
                       : f.cpp_type() == FieldDescriptor::CPPTYPE_STRING
                           ? !r.GetStringReference(m, &f, &scratch_).empty()
                           : r.HasField(m, &f);
      if (!set) Add(prefix + f.name(), "is required");
    }
    std::vector<const FieldDescriptor*> fields;
    r.ListFields(m, &fields);
    for (const FieldDescriptor* f : fields) CheckField(m, r, *f, prefix + f->name());
  }

  absl::Status ToStatus() const {
    if (dropped_ == 0) return violations_.ToStatus();
    FieldViolations all = violations_;
    all.Add("request", absl::StrCat("and ", dropped_, " more violations"));
    return all.ToStatus();
  }

 private:
  void Add(const std::string& field, const std::string& why) {
    if (reported_ >= kMaxReportedViolations) {
      ++dropped_;
      return;
    }
    ++reported_;
    violations_.Add(field, why);
  }

  void CheckText(absl::string_view text, const FieldDescriptor& f, const Limits& limits,
                 const std::string& path) {
    if (static_cast<int64_t>(text.size()) > limits.max_bytes) {
      Add(path, absl::StrCat("must be at most ", limits.max_bytes, " bytes"));
      return;
    }
    if (f.type() == FieldDescriptor::TYPE_STRING && !text::IsValidUtf8(text)) {
      Add(path, absl::StrCat("is not valid UTF-8 (byte ", text::FirstInvalidUtf8(text), ")"));
    }
  }

  void CheckEnum(int number, const FieldDescriptor& f, const std::string& path) {
    if (f.enum_type()->FindValueByNumber(number) == nullptr) {
      Add(path, absl::StrCat("has no value ", number, " (", f.enum_type()->full_name(), ")"));
    }
  }

  void CheckField(const Message& m, const Reflection& r, const FieldDescriptor& f,
                  const std::string& path) {
    const Limits limits = LimitsOf(f);
    if (!f.is_repeated()) {
      switch (f.cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
          CheckText(r.GetStringReference(m, &f, &scratch_), f, limits, path);
          break;
        case FieldDescriptor::CPPTYPE_ENUM:
          CheckEnum(r.GetEnumValue(m, &f), f, path);
          break;
        case FieldDescriptor::CPPTYPE_MESSAGE:
          CheckMessage(r.GetMessage(m, &f), path + ".");
          break;
        default:
          break;
      }
      return;
    }
    const int size = r.FieldSize(m, &f);
    if (size > limits.max_items) {
      Add(path, absl::StrCat("must have at most ", limits.max_items, " entries (has ", size, ")"));
      return;  // its elements are not worth checking one by one
    }
    // A batch whose handler answers for each element: a bad one must not
    // refuse the rest.
    if (limits.items_checked_by_handler) return;
    for (int i = 0; i < size; ++i) {
      const std::string at = absl::StrCat(path, "[", i, "]");
      switch (f.cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
          CheckText(r.GetRepeatedStringReference(m, &f, i, &scratch_), f, limits, at);
          break;
        case FieldDescriptor::CPPTYPE_ENUM:
          CheckEnum(r.GetRepeatedEnumValue(m, &f, i), f, at);
          break;
        case FieldDescriptor::CPPTYPE_MESSAGE:
          CheckMessage(r.GetRepeatedMessage(m, &f, i), at + ".");
          break;
        default:
          break;
      }
    }
  }

  FieldViolations violations_;
  int reported_ = 0;
  int dropped_ = 0;
  std::string scratch_;
};

}  // namespace

absl::Status CheckRequest(const Message& request) {
  Checker checker;
  checker.CheckMessage(request, "");
  return checker.ToStatus();
}

}  // namespace wp::validation
