#include "examples/notices/access_policy.h"

#include <string>

namespace wp::examples::notices {

// [START policy]
authz::RoleTable AccessPolicy() {
  using authz::AdminsOnly;
  using authz::Readers;
  using authz::Writers;
  auto rpc = [](const char* method) { return std::string("/wp.examples.v1.NoticesService/") + method; };
  return {
      {rpc("PostNotice"), Writers()},
      {rpc("GetNotice"), Readers()},
      // Served by the runtime in every service: admins only.
      {"/wp.common.v1.AuditService/ListAuditRecords", AdminsOnly()},
      {"/wp.common.v1.OutboxAdminService/ListDeadLetters", AdminsOnly()},
      {"/wp.common.v1.OutboxAdminService/RedriveDeadLetters", AdminsOnly()},
  };
}
// [END policy]

}  // namespace wp::examples::notices
