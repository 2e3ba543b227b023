// Every field a client can send is bounded: walks every request message of
// every service (and every message reachable from one) and fails when a
// string, bytes, repeated or map field declares no wp.common.v1.limits.
//
// A new service adds a message of each of its proto files to kServiceFiles (and links its proto
// library in tests/CMakeLists.txt).
#include <set>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "wp/common/v1/audit.pb.h"
#include "wp/common/v1/changes.pb.h"
#include "wp/common/v1/field_limits.pb.h"
#include "wp/common/v1/logging.pb.h"
#include "wp/common/v1/outbox.pb.h"
#include "wp/examples/v1/notices.pb.h"
#include "wp/common/v1/status.pb.h"
#include "wp/common/v1/store_admin.pb.h"
#include "wp/governance/v1/governance.pb.h"
#include "wp/governance/v1/plans.pb.h"
#include "wp/learning/v1/evaluations.pb.h"
#include "wp/learning/v1/practitioners.pb.h"
#include "wp/learning/v1/programmes.pb.h"
#include "wp/learning/v1/registrations.pb.h"
#include "wp/learning/v1/statistics.pb.h"
#include "wp/workstreams/v1/networks.pb.h"
#include "wp/westos/v1/content.pb.h"
#include "wp/westos/v1/targets.pb.h"
#include "wp/westos/v1/usage.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// One message of each service's proto file; naming it also links the file's
// descriptors into this test.
const google::protobuf::FileDescriptor* const kServiceFiles[] = {
    governance::v1::Authority::descriptor()->file(), governance::v1::Plan::descriptor()->file(),
    workstreams::v1::PlanItem::descriptor()->file(), workstreams::v1::Network::descriptor()->file(),
    common::v1::AuditRecord::descriptor()->file(), common::v1::DeadLetter::descriptor()->file(),
    examples::v1::Notice::descriptor()->file(),  // the example service (examples/notices)
    common::v1::GetStatusResponse::descriptor()->file(),
    common::v1::LogSettings::descriptor()->file(),
    common::v1::Backup::descriptor()->file(),
    common::v1::Change::descriptor()->file(),
    westos::v1::UsageEvent::descriptor()->file(),
    westos::v1::ContentItem::descriptor()->file(),
    westos::v1::Target::descriptor()->file(),
    learning::v1::Programme::descriptor()->file(),
    learning::v1::Practitioner::descriptor()->file(),
    learning::v1::Registration::descriptor()->file(),
    learning::v1::Evaluation::descriptor()->file(),
    learning::v1::Statistics::descriptor()->file(),
};

// Fields of `d` (and of messages below it) that need a limit and lack one.
void FindUnbounded(const Descriptor& d, std::set<std::string>* seen,
                   std::vector<std::string>* missing) {
  if (!seen->insert(d.full_name()).second) return;
  // Well-known types cannot be annotated; the check's defaults bound them.
  if (d.file()->package() == "google.protobuf") return;
  for (int i = 0; i < d.field_count(); ++i) {
    const FieldDescriptor& f = *d.field(i);
    const bool text = f.cpp_type() == FieldDescriptor::CPPTYPE_STRING;
    const bool needs_limit = f.is_repeated() || text;
    if (needs_limit) {
      const bool has = f.options().HasExtension(common::v1::limits);
      const common::v1::FieldLimits& l = f.options().GetExtension(common::v1::limits);
      if (!has || (f.is_repeated() && l.max_items() <= 0) || (text && l.max_bytes() <= 0)) {
        missing->push_back(f.full_name());
      }
    }
    // Map entries are generated messages; their key and value take the defaults.
    if (f.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f.is_map()) {
      FindUnbounded(*f.message_type(), seen, missing);
    }
  }
}

TEST(ProtoLimitsTest, EveryRequestFieldOfEveryServiceDeclaresItsLimits) {
  std::set<std::string> seen;
  std::vector<std::string> missing;
  int methods = 0;
  for (const google::protobuf::FileDescriptor* file : kServiceFiles) {
    EXPECT_GT(file->service_count(), 0) << file->name();
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        ++methods;
        FindUnbounded(*file->service(s)->method(m)->input_type(), &seen, &missing);
      }
    }
  }
  EXPECT_GT(methods, 70);  // every service's RPCs were walked
  EXPECT_TRUE(missing.empty()) << "fields without wp.common.v1.limits:\n  "
                               << ::testing::PrintToString(missing);
}

}  // namespace
}  // namespace wp
