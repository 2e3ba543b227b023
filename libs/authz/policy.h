// Which roles may call which RPC: one table per service. An RPC that is not in
// the table is denied (fail closed); a few methods (health checks, server
// reflection) are public.
//
// Thread-safe: immutable after construction.
#ifndef WP_LIBS_AUTHZ_POLICY_H_
#define WP_LIBS_AUTHZ_POLICY_H_

#include <map>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "libs/auth/principal.h"
#include "libs/auth/roles.h"

namespace wp::authz {

using auth::Role;

// Full method name ("/wp.workstreams.v1.WorkstreamsService/GetPlanItem") ->
// roles allowed to call it.
using RoleTable = std::map<std::string, std::set<Role>>;

class Policy {
 public:
  explicit Policy(RoleTable table);

  // Health checks, and reflection when the server offers it.
  static bool IsPublic(const std::string& method);

  // OK when `principal` may call `method`; PERMISSION_DENIED naming the role
  // and method otherwise, also for methods missing from the table.
  absl::Status Check(const std::string& method, const auth::Principal& principal) const;

  const RoleTable& table() const { return table_; }

 private:
  RoleTable table_;
};

// The roles sets services combine in their tables.
const std::set<Role>& Everyone();         // every role
const std::set<Role>& Readers();          // admin, board, officer, authority_officer, analyst
const std::set<Role>& Writers();          // admin, officer
const std::set<Role>& AggregateReaders(); // Readers() and partner
const std::set<Role>& AdminsOnly();       // admin

}  // namespace wp::authz

#endif  // WP_LIBS_AUTHZ_POLICY_H_
