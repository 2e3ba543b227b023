// The subcommands. Each takes its parsed arguments (positional words after
// the command's own two words, and options main.cc has already checked
// against the command's list) and returns the process exit code, or a
// status: a usage error (exit 2) or any other failure (exit 1).
#ifndef WP_TOOLS_WPCTL_COMMANDS_H_
#define WP_TOOLS_WPCTL_COMMANDS_H_

#include <iosfwd>
#include <ostream>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/client.h"

namespace wp::wpctl {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailed = 1,        // the RPC or local I/O failed
  kExitUsage = 2,         // the command line was wrong
  kExitRowsRejected = 3,  // tracker import finished but rejected rows
};

struct CommandEnv {
  Client* client;
  bool json;  // --json: protobuf JSON on stdout instead of text
  std::ostream* out;
  std::ostream* err;
  // Where the token came from ("--token", "WP_TOKEN", "token_file PATH"; "" for none).
  std::string token_source = "";
};

using CommandResult = absl::StatusOr<int>;

// Writes `message` as JSON when env.json, else `text`; kExitOk.
CommandResult Print(const CommandEnv& env, const google::protobuf::Message& message,
                    const std::string& text);

// A call carrying a request id (Client::CallIdempotent) that says on stderr
// when the service had already recorded that id ("already recorded as X:
// nothing changed now"), so a retry never reads as a second change.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallOnce(const CommandEnv& env, Stub* stub,
                                  grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                                  const Request& request) {
  std::string replay_of;
  absl::StatusOr<Response> result = env.client->CallIdempotent(stub, rpc, request, &replay_of);
  if (result.ok() && !replay_of.empty()) {
    *env.err << "already recorded as " << replay_of << " (request id " << request.request_id()
             << "): nothing changed now\n";
  }
  return result;
}

// An exported file to stdout, or to --output FILE (saying so on stderr);
// --json would only wrap it in base64.
CommandResult WriteExport(const CommandEnv& env, const Args& args, const std::string& content);

// The channel of the service --service names (workstreams when it is not
// given, unless `required`); a usage error for a service wpctl does not know.
// For the platform's RPCs every service serves (outbox, backup, log level).
absl::StatusOr<std::shared_ptr<grpc::Channel>> ServiceChannel(const CommandEnv& env, const Args& args,
                                                              bool required = false);

// audit_commands.cc: every service's audit trail, merged by time (admins).
CommandResult AuditList(const CommandEnv& env, const Args& args);

// tracker_commands.cc
CommandResult TrackerImport(const CommandEnv& env, const Args& args);
CommandResult TrackerExport(const CommandEnv& env, const Args& args);
CommandResult TrackerSummary(const CommandEnv& env, const Args& args);

// workstream_commands.cc
CommandResult WorkstreamsList(const CommandEnv& env, const Args& args);
CommandResult WorkstreamsGet(const CommandEnv& env, const Args& args);
CommandResult WorkstreamsCreate(const CommandEnv& env, const Args& args);

// item_commands.cc
CommandResult ItemsList(const CommandEnv& env, const Args& args);
CommandResult ItemsGet(const CommandEnv& env, const Args& args);
CommandResult ItemsHistory(const CommandEnv& env, const Args& args);
CommandResult ItemsNote(const CommandEnv& env, const Args& args);
CommandResult ItemsSetStatus(const CommandEnv& env, const Args& args);

// outbox_commands.cc: the dead letters of a service's outbox (admins).
CommandResult OutboxDeadLetters(const CommandEnv& env, const Args& args);
CommandResult OutboxRedrive(const CommandEnv& env, const Args& args);

// log_level_commands.cc: a running service's log level (admins).
CommandResult LogLevelGet(const CommandEnv& env, const Args& args);
CommandResult LogLevelSet(const CommandEnv& env, const Args& args);
// backup_commands.cc: online backups of a service's store (admins).
CommandResult BackupCreate(const CommandEnv& env, const Args& args);
CommandResult BackupList(const CommandEnv& env, const Args& args);
// change_commands.cc: a service's change feed, listed or followed live.
CommandResult ChangesList(const CommandEnv& env, const Args& args);
CommandResult ChangesWatch(const CommandEnv& env, const Args& args);

// usage_commands.cc: usage of the online school (westos).
CommandResult UsageImport(const CommandEnv& env, const Args& args);
CommandResult UsageQuery(const CommandEnv& env, const Args& args);
CommandResult UsageRetract(const CommandEnv& env, const Args& args);
// content_commands.cc: the content catalogue and coverage targets (westos).
CommandResult ContentAdd(const CommandEnv& env, const Args& args);
CommandResult ContentShow(const CommandEnv& env, const Args& args);
CommandResult ContentList(const CommandEnv& env, const Args& args);
CommandResult ContentImport(const CommandEnv& env, const Args& args);
CommandResult CoverageTarget(const CommandEnv& env, const Args& args);
CommandResult CoverageReport(const CommandEnv& env, const Args& args);
// targets_commands.cc: reach, baselines and targets (westos).
CommandResult UsageReach(const CommandEnv& env, const Args& args);
CommandResult UsageBaseline(const CommandEnv& env, const Args& args);
CommandResult UsageTarget(const CommandEnv& env, const Args& args);
CommandResult UsageXapi(const CommandEnv& env, const Args& args);
CommandResult UsageErase(const CommandEnv& env, const Args& args);
CommandResult UsagePurge(const CommandEnv& env, const Args& args);

// learning_commands.cc: figures, events, exports and attendance (learning).
CommandResult LearningStats(const CommandEnv& env, const Args& args);
CommandResult LearningEvents(const CommandEnv& env, const Args& args);
CommandResult LearningExportStats(const CommandEnv& env, const Args& args);
CommandResult LearningSurveySummary(const CommandEnv& env, const Args& args);
CommandResult LearningAttendance(const CommandEnv& env, const Args& args);

// network_commands.cc
// project_commands.cc
CommandResult ProjectsList(const CommandEnv& env, const Args& args);
CommandResult ProjectsGet(const CommandEnv& env, const Args& args);
CommandResult ProjectsSet(const CommandEnv& env, const Args& args);
CommandResult ProjectsAddTask(const CommandEnv& env, const Args& args);
CommandResult ProjectsImport(const CommandEnv& env, const Args& args);
CommandResult ProjectsExport(const CommandEnv& env, const Args& args);

CommandResult NetworksList(const CommandEnv& env, const Args& args);
CommandResult NetworksGet(const CommandEnv& env, const Args& args);
CommandResult NetworksHealth(const CommandEnv& env, const Args& args);
CommandResult NetworksSetCoordinator(const CommandEnv& env, const Args& args);
CommandResult NetworksSetCadence(const CommandEnv& env, const Args& args);

// governance_commands.cc: authorities, populations, people, bodies,
// members, meetings, decisions and actions (the governance service).
CommandResult AuthoritiesList(const CommandEnv& env, const Args& args);
CommandResult PopulationGet(const CommandEnv& env, const Args& args);
CommandResult PopulationSet(const CommandEnv& env, const Args& args);
CommandResult PopulationRegion(const CommandEnv& env, const Args& args);
CommandResult PeopleList(const CommandEnv& env, const Args& args);
CommandResult BodiesList(const CommandEnv& env, const Args& args);
CommandResult BodiesGet(const CommandEnv& env, const Args& args);
CommandResult MembersList(const CommandEnv& env, const Args& args);
CommandResult MeetingsList(const CommandEnv& env, const Args& args);
CommandResult MeetingsGet(const CommandEnv& env, const Args& args);
CommandResult MeetingsPack(const CommandEnv& env, const Args& args);
CommandResult DecisionsList(const CommandEnv& env, const Args& args);
CommandResult ActionsList(const CommandEnv& env, const Args& args);

// plan_commands.cc: plans, their lifecycle and sponsors.
CommandResult PlansList(const CommandEnv& env, const Args& args);
CommandResult PlansGet(const CommandEnv& env, const Args& args);
CommandResult PlansApprove(const CommandEnv& env, const Args& args);
CommandResult PlansEndorse(const CommandEnv& env, const Args& args);
CommandResult PlansActivate(const CommandEnv& env, const Args& args);
CommandResult PlansClose(const CommandEnv& env, const Args& args);
CommandResult SponsorsList(const CommandEnv& env, const Args& args);

// budget_commands.cc
CommandResult BudgetLines(const CommandEnv& env, const Args& args);
CommandResult BudgetSummary(const CommandEnv& env, const Args& args);
CommandResult BudgetSpend(const CommandEnv& env, const Args& args);
CommandResult BudgetMove(const CommandEnv& env, const Args& args);
CommandResult BudgetMovements(const CommandEnv& env, const Args& args);

// status_commands.cc: every service's health, build and event flow.
CommandResult Status(const CommandEnv& env, const Args& args);

// token_commands.cc
CommandResult TokenMint(const CommandEnv& env, const Args& args);
// The token in use, decoded (not verified): subject, role, authorities, expiry.
CommandResult Whoami(const CommandEnv& env, const Args& args);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_COMMANDS_H_
