// `wpctl tracker import|export|summary`: the spreadsheet in and out, and the
// dashboard counts.
#include <unistd.h>

#include <ostream>

#include "grpcpp/support/sync_stream.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/tracker_options.h"
#include "tools/wpctl/tracker_views.h"
#include "tools/wpctl/values.h"

namespace wp::wpctl {
namespace {

// The "processed 120/500 rows" line on stderr: redrawn in place on a
// terminal, one line per progress message when stderr is a file or pipe
// (so logs stay readable).
class ProgressLine {
 public:
  ProgressLine(std::ostream* err, bool redraw) : err_(err), redraw_(redraw) {}

  void Show(const std::string& text) {
    if (!redraw_) {
      *err_ << text << "\n" << std::flush;
      return;
    }
    *err_ << "\r\033[K" << text << std::flush;
    shown_ = true;
  }

  // Wipes the line so stdout text (a rejected row) is not printed over it.
  void Clear() {
    if (!shown_) return;
    *err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }

  // Leaves the last state on screen and moves to a fresh line.
  void Finish() {
    if (!shown_) return;
    *err_ << "\n" << std::flush;
    shown_ = false;
  }

 private:
  std::ostream* err_;
  bool redraw_;
  bool shown_ = false;
};

}  // namespace

CommandResult TrackerImport(const CommandEnv& env, const Args& args) {
  absl::StatusOr<v1::ImportTrackerRequest> built = ImportRequest<v1::ImportTrackerRequest>(args);
  if (!built.ok()) return built.status();
  v1::ImportTrackerRequest& request = *built;
  request.set_create_missing_workstreams(args.Switch("create-workstreams"));
  if (args.Has("workstream-titles")) {
    absl::StatusOr<std::vector<v1::ImportWorkstreamTitle>> titles =
        ParseWorkstreamTitles(args.Get("workstream-titles"));
    if (!titles.ok()) return titles.status();
    for (v1::ImportWorkstreamTitle& t : *titles) *request.add_workstream_titles() = std::move(t);
  }

  grpc::ClientContext context;
  env.client->Prepare(&context);
  std::unique_ptr<grpc::ClientReader<v1::ImportTrackerProgress>> reader =
      env.client->workstreams()->ImportTracker(&context, request);

  ProgressLine progress(env.err, isatty(STDERR_FILENO) == 1);
  v1::ImportTrackerProgress message;
  v1::ImportTrackerProgress last;  // counts are running totals: the last one is the summary
  // Printed at the end, one line per distinct reason.
  RejectionGroups rejections;
  while (reader->Read(&message)) {
    if (env.json) {
      absl::StatusOr<std::string> json = ToJson(message, /*one_line=*/true);
      if (!json.ok()) {
        // Stop the server too; Finish() must still run before the reader goes.
        context.TryCancel();
        reader->Finish();
        return json.status();
      }
      *env.out << *json << std::flush;
    } else {
      for (const v1::Workstream& ws : message.created_workstreams()) {
        progress.Clear();
        *env.out << CreatedWorkstreamText(ws, message.dry_run()) << "\n" << std::flush;
      }
      for (const v1::ImportRowResult& result : message.results()) {
        if (result.outcome() == v1::ImportRowResult::REJECTED) rejections.Add(result);
        if (result.outcome() != v1::ImportRowResult::UPDATED) continue;
        progress.Clear();
        *env.out << UpdateText(result, message.dry_run()) << "\n" << std::flush;
      }
    }
    progress.Show(ProgressText(message));
    last = message;
  }
  progress.Finish();
  grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  if (!env.json) {
    for (const std::string& line : rejections.Lines()) *env.out << line << "\n";
    *env.out << ImportCountsText(last) << "\n";
  }
  return last.rejected() > 0 ? kExitRowsRejected : kExitOk;
}

CommandResult TrackerExport(const CommandEnv& env, const Args& args) {
  absl::StatusOr<v1::ExportTrackerRequest> request = ExportRequest<v1::ExportTrackerRequest>(args);
  if (!request.ok()) return request.status();
  auto response = env.client->Call(env.client->workstreams(),
                                   &v1::WorkstreamsService::Stub::ExportTracker, *request);
  if (!response.ok()) return response.status();
  return WriteExport(env, args, response->content());
}

CommandResult TrackerSummary(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::string> period = args.Required("period");
  if (!period.ok()) return period.status();
  auto as_of = DateOption(args, "as-of", /*allow_month_only=*/false);
  if (!as_of.ok()) return as_of.status();

  v1::GetTrackerSummaryRequest request;
  request.set_plan_period(*period);
  if (as_of->has_value()) *request.mutable_as_of() = **as_of;
  auto summary = env.client->Call(env.client->workstreams(),
                                  &v1::WorkstreamsService::Stub::GetTrackerSummary, request);
  if (!summary.ok()) return summary.status();
  return Print(env, *summary, SummaryText(*summary));
}

}  // namespace wp::wpctl
