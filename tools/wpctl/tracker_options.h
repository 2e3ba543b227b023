// Options of the spreadsheet commands (`tracker import|export`, `projects
// import|export`) that need more than a plain value, and the part of their
// requests every one of them fills the same way.
// Thread-safe: pure functions (ImportRequest reads the file named).
#ifndef WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_
#define WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/status/status_macros.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/values.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::wpctl {

// --workstream-titles "1=Wellbeing for Learning|2=Leadership, Empowerment
// and Improvement": NUMBER=TITLE pairs separated by "|" (titles often hold
// commas). A usage error for a pair without "=" or with a number that is
// not a whole number; the service checks the rest (range, duplicates).
absl::StatusOr<std::vector<workstreams::v1::ImportWorkstreamTitle>> ParseWorkstreamTitles(
    absl::string_view text);

// An export request of --period and --format csv|tsv (unset when absent: the
// service takes CSV).
template <typename Request>
absl::StatusOr<Request> ExportRequest(const Args& args) {
  WP_ASSIGN_OR_RETURN(std::string period, args.Required("period"));
  WP_ASSIGN_OR_RETURN(workstreams::v1::TableFormat format, TableFormatOption(args, "format"));
  Request request;
  request.set_plan_period(period);
  request.set_format(format);
  return request;
}

// An import request: the export's fields, the file FILE (the first
// positional word; "-" is stdin) and --dry-run.
template <typename Request>
absl::StatusOr<Request> ImportRequest(const Args& args) {
  WP_ASSIGN_OR_RETURN(Request request, ExportRequest<Request>(args));
  WP_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(args.positional.at(0)));
  request.set_content(std::move(content));
  request.set_dry_run(args.Switch("dry-run"));
  return request;
}

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_TRACKER_OPTIONS_H_
