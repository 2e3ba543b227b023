// `wpctl audit list`: the audit trail of every service wpctl knows (Services()),
// merged by time. Admins only (each service's AuditService). A service that
// cannot answer is reported on stderr and the others are still listed.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"
#include "tools/wpctl/audit_views.h"
#include "tools/wpctl/commands.h"
#include "wp/common/v1/audit.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using Stub = common::AuditService::Stub;

// The request every service gets, from --resource, --subject, --from, --to.
absl::StatusOr<common::ListAuditRecordsRequest> AuditRequest(const Args& args) {
  common::ListAuditRecordsRequest request;
  request.set_resource(args.Get("resource"));
  if (args.Has("resource")) WP_RETURN_IF_ERROR(CheckAuditResource(request.resource()));
  request.set_subject(args.Get("subject"));
  if (args.Has("from")) {
    WP_ASSIGN_OR_RETURN(*request.mutable_from_time(), ParseAuditTime(args.Get("from"), "from", false));
  }
  if (args.Has("to")) {
    WP_ASSIGN_OR_RETURN(*request.mutable_to_time(), ParseAuditTime(args.Get("to"), "to", true));
  }
  if (request.resource().empty() && request.subject().empty() && !args.Has("from") && !args.Has("to")) {
    return absl::InvalidArgumentError("say what to list: --resource R, --subject S, --from D or --to D");
  }
  request.set_page_size(1000);
  return request;
}

}  // namespace

CommandResult AuditList(const CommandEnv& env, const Args& args) {
  // The shared --format words; "text" is kept for "table".
  std::string format = args.Get("format", "table");
  if (format == "text") format = "table";
  if (format != "table" && format != "csv") {
    return UsageError(absl::StrCat("--format \"", format, "\" is not table or csv"));
  }
  absl::StatusOr<common::ListAuditRecordsRequest> request = AuditRequest(args);
  if (!request.ok()) return UsageError(request.status().message());

  std::map<std::string, std::vector<common::AuditRecord>> by_service;
  int failed = 0;
  for (const ServiceAddress& service : Services()) {
    std::unique_ptr<Stub> stub = common::AuditService::NewStub(env.client->channel(service.service));
    auto all = env.client->CallAllPages(stub.get(), &Stub::ListAuditRecords, *request);
    if (!all.ok()) {
      ++failed;
      *env.err << "wpctl: " << service.service << " (" << env.client->address(service.service)
               << "): " << all.status().message() << "; its records are not listed\n";
      continue;
    }
    by_service[service.service].assign(all->records().begin(), all->records().end());
  }
  if (failed == static_cast<int>(Services().size())) {
    return absl::UnavailableError("no service answered: nothing to list");
  }
  const std::vector<ServiceAuditRecord> merged = MergeAuditRecords(by_service);
  if (env.json) {
    common::ListAuditRecordsResponse response;
    for (const ServiceAuditRecord& r : merged) *response.add_records() = r.record;
    CommandResult printed = Print(env, response, "");
    if (!printed.ok()) return printed;
  } else {
    *env.out << (format == "csv" ? AuditCsv(merged) : AuditText(merged));
  }
  return failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace wp::wpctl
