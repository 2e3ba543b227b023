#include "examples/notices/access_policy.h"

#include <string>

namespace wp::examples::notices {

// [START policy]
authz::RoleTable AccessPolicy() {
  using authz::Readers;
  using authz::Writers;
  auto rpc = [](const char* method) { return std::string("/wp.examples.v1.NoticesService/") + method; };
  return {
      {rpc("PostNotice"), Writers()},
      {rpc("GetNotice"), Readers()},
      // The runtime adds the rows of the RPCs it serves itself (audit,
      // outbox, backups, log level, status): libs/runtime/platform_policy.h.
  };
}
// [END policy]

}  // namespace wp::examples::notices
