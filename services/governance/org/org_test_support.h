// Test-only helpers of the org area's tests (authorities, people, bodies,
// memberships): the audit trail of a resource, and requests built in one line.
#ifndef WP_SERVICES_GOVERNANCE_ORG_ORG_TEST_SUPPORT_H_
#define WP_SERVICES_GOVERNANCE_ORG_ORG_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "google/protobuf/field_mask.pb.h"
#include "gtest/gtest.h"
#include "libs/audit/audit_log.h"
#include "services/governance/core/governance_test_support.h"

namespace wp::governance::test_support {

// The summaries ("person.created", ...) of the audit records about
// `resource`, oldest first, each checked to name `actor`.
inline std::vector<std::string> AuditOf(store::Database& db, const std::string& resource,
                                        const std::string& actor) {
  std::vector<std::string> summaries;
  absl::Status s = db.Read([&](store::Transaction& tx) -> absl::Status {
    auto entries = audit::ListAuditByResource(tx, resource, 0, 1000);
    if (!entries.ok()) return entries.status();
    for (const audit::StoredAuditEntry& e : *entries) {
      EXPECT_EQ(e.entry.subject, actor) << resource;
      summaries.push_back(e.entry.summary);
    }
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return summaries;
}

inline google::protobuf::FieldMask Mask(const std::vector<std::string>& paths) {
  google::protobuf::FieldMask mask;
  for (const std::string& p : paths) mask.add_paths(p);
  return mask;
}

}  // namespace wp::governance::test_support

#endif  // WP_SERVICES_GOVERNANCE_ORG_ORG_TEST_SUPPORT_H_
