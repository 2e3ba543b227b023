// Fuzzes the check every request passes before its handler runs
// (validation::CheckRequest), on workstreams requests decoded from the
// fuzzed bytes as gRPC decodes them. The first byte picks the request type.
// Checks that the answer does not change between two calls or after a
// re-encode, and that an accepted request holds only valid UTF-8 strings.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "libs/validation/request_check.h"
#include "tests/fuzz/fuzz_checks.h"
#include "wp/workstreams/v1/networks.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
namespace v1 = wp::workstreams::v1;

std::unique_ptr<Message> NewRequest(uint8_t pick) {
  switch (pick % 8) {
    case 0: return std::make_unique<v1::CreatePlanItemRequest>();
    case 1: return std::make_unique<v1::UpdatePlanItemRequest>();
    case 2: return std::make_unique<v1::ListPlanItemsRequest>();
    case 3: return std::make_unique<v1::AddProgressNoteRequest>();
    case 4: return std::make_unique<v1::ImportTrackerRequest>();
    case 5: return std::make_unique<v1::CreateWorkstreamRequest>();
    case 6: return std::make_unique<v1::CreateNetworkRequest>();
    default: return std::make_unique<v1::RecordMeetingRequest>();
  }
}

// Every string field, at any depth, is valid UTF-8 (bytes fields aside).
void CheckStrings(const Message& message) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const bool repeated = field->is_repeated();
    const int count = repeated ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      if (field->type() == FieldDescriptor::TYPE_STRING) {
        const std::string value = repeated ? reflection->GetRepeatedString(message, field, i)
                                           : reflection->GetString(message, field);
        FUZZ_CHECK(wp::fuzz::IsValidUtf8(value));
      } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        CheckStrings(repeated ? reflection->GetRepeatedMessage(message, field, i)
                              : reflection->GetMessage(message, field));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::unique_ptr<Message> request = NewRequest(data[0]);
  if (!request->ParseFromArray(data + 1, static_cast<int>(size - 1))) return 0;
  const absl::Status status = wp::validation::CheckRequest(*request);
  FUZZ_CHECK(wp::validation::CheckRequest(*request) == status);
  std::unique_ptr<Message> again(request->New());
  FUZZ_CHECK(again->ParseFromString(request->SerializeAsString()));
  FUZZ_CHECK(wp::validation::CheckRequest(*again).ok() == status.ok());
  if (status.ok()) CheckStrings(*request);
  return 0;
}
