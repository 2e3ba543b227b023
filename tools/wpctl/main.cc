// wpctl: a command-line client for the workstreams service. This file only
// maps the command line to a subcommand (commands.h) and the result to an
// exit code; the global options live here as absl flags so WP_SERVER,
// WP_TOKEN, WP_TLS_CA, WP_TIMEOUT and WP_JSON work like every other WP_* setting.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "libs/config/config.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/client.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/values.h"

namespace {


}  // namespace

// Named apart from libs/config's flags (port, data_dir, ...), which are linked in too.
ABSL_FLAG(std::string, server, "127.0.0.1:50052", "host:port of the workstreams service");
ABSL_FLAG(std::string, token, "", "Bearer token sent with every call (see 'wpctl token mint')");
ABSL_FLAG(std::string, tls_ca, "", "PEM file of the CA to trust: connect over TLS");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(30), "Deadline of each call; 0 for none");
ABSL_FLAG(bool, json, false, "Print protobuf JSON instead of tables");

namespace {

using wp::wpctl::Args;
using wp::wpctl::CommandEnv;
using wp::wpctl::CommandResult;

const std::set<std::string> kGlobalOptions = {"server", "token", "tls_ca", "timeout", "json", "help"};
// Every other option takes a value.
const std::set<std::string> kSwitches = {"json", "help", "reopen"};

struct Command {
  std::string group;
  std::string verb;
  size_t operands;                  // positional words after group and verb
  std::set<std::string> options;    // besides the global ones
  std::string synopsis;             // after "wpctl "
  std::string description;
  CommandResult (*run)(const CommandEnv&, const Args&);
};

const std::vector<Command>& Commands() {
  using namespace wp::wpctl;  // the handlers
  static const auto* commands = new std::vector<Command>{
      {"tracker", "import", 1, {"period", "format"},
       "tracker import FILE --period P [--format csv|tsv]",
       "Import a tracker spreadsheet (FILE - is stdin); exit 3 if rows are rejected.", TrackerImport},
      {"tracker", "export", 0, {"period", "format", "output"},
       "tracker export --period P [--format csv|tsv] [--output FILE]",
       "Export the tracker to stdout or FILE.", TrackerExport},
      {"tracker", "summary", 0, {"period", "as-of"},
       "tracker summary --period P [--as-of YYYY-MM-DD]",
       "Counts per status per workstream, with overdue items as of a date.", TrackerSummary},
      {"workstreams", "list", 0, {"period"}, "workstreams list [--period P]",
       "List workstreams (of every period without --period).", WorkstreamsList},
      {"workstreams", "get", 1, {"period"}, "workstreams get NAME [--period P]",
       "Show one workstream.", WorkstreamsGet},
      {"workstreams", "create", 0, {"period", "number", "title", "lead"},
       "workstreams create --period P --number N --title T [--lead L]",
       "Create a workstream.", WorkstreamsCreate},
      {"items", "list", 0,
       {"period", "workstream", "status", "lead", "overdue-as-of", "query", "page-size"},
       "items list --period P [--workstream N] [--status on_track,complete] [--lead X]\n"
       "             [--overdue-as-of YYYY-MM-DD] [--query TEXT] [--page-size N]",
       "List plan items, every page.", ItemsList},
      {"items", "get", 1, {"period"}, "items get NAME [--period P]",
       "Show a plan item with its progress notes.", ItemsGet},
      {"items", "history", 1, {"period"}, "items history NAME [--period P]",
       "Show a plan item's status changes.", ItemsHistory},
      {"items", "note", 1, {"period", "text", "date", "etag"},
       "items note NAME --text T [--date YYYY-MM-DD|YYYY-MM] [--etag E] [--period P]",
       "Add a progress note (dated today unless --date).", ItemsNote},
      {"items", "set-status", 2, {"period", "reason", "superseded-by", "reopen", "etag"},
       "items set-status NAME STATUS [--reason R] [--superseded-by REF] [--reopen] [--etag E]\n"
       "             [--period P]",
       "Change a plan item's status (not_started, on_track, complete, superseded).",
       ItemsSetStatus},
      {"networks", "list", 0, {}, "networks list", "List specialist networks and forums.",
       NetworksList},
      {"networks", "get", 1, {}, "networks get NAME", "Show one network.", NetworksGet},
      {"token", "mint", 0, {"role", "authority", "ttl", "subject"},
       "token mint --role ROLE [--authority CODE[,CODE]] [--ttl 8h] [--subject NAME]",
       "Mint a bearer token with the configured secret (WP_JWT_HS256_SECRET).", TokenMint},
  };
  return *commands;
}

std::string UsageText() {
  std::string text =
      "usage: wpctl COMMAND [ARGUMENTS] [OPTIONS]\n"
      "\n"
      "Commands:\n";
  for (const Command& c : Commands()) {
    absl::StrAppend(&text, "  wpctl ", c.synopsis, "\n      ", c.description, "\n");
  }
  absl::StrAppend(
      &text,
      "  wpctl help\n"
      "\n"
      "NAME is a full resource name (planPeriods/2018-21/workstreams/3,\n"
      "planPeriods/2018-21/planItems/3.1, networks/maths-leads) or, with --period P,\n"
      "the short form (3, 3.1); a network may be given by its id (maths-leads).\n"
      "\n"
      "Global options, anywhere on the line (also WP_SERVER, WP_TOKEN, WP_TLS_CA, WP_TIMEOUT,\n"
      "WP_JSON):\n"
      "  --server HOST:PORT   the workstreams service (default 127.0.0.1:50052)\n"
      "  --token TOKEN        bearer token for every call (./scripts/run prints one)\n"
      "  --tls_ca FILE        trust this CA and connect over TLS (default: plaintext)\n"
      "  --timeout DURATION   deadline of each call, e.g. 30s, 5m; 0 for none (default 30s)\n"
      "  --json               print protobuf JSON instead of tables (export: no effect)\n"
      "  --help, -h           this text\n"
      "\n"
      "Exit codes: 0 done, 1 failed, 2 bad command line, 3 import rejected some rows.\n");
  return text;
}

wp::wpctl::OptionSpec AllOptions() {
  wp::wpctl::OptionSpec spec;
  spec.switches = kSwitches;
  spec.short_switches = {{"h", "help"}};
  for (const std::string& name : kGlobalOptions) {
    if (kSwitches.count(name) == 0) spec.valued.insert(name);
  }
  for (const Command& c : Commands()) {
    for (const std::string& name : c.options) {
      if (kSwitches.count(name) == 0) spec.valued.insert(name);
    }
  }
  return spec;
}

const Command* FindCommand(const std::vector<std::string>& positional) {
  if (positional.size() < 2) return nullptr;
  for (const Command& c : Commands()) {
    if (c.group == positional[0] && c.verb == positional[1]) return &c;
  }
  return nullptr;
}

int UsageFailure(const absl::Status& status, const Command* command) {
  std::cerr << "error: " << status.message() << "\n";
  if (command == nullptr) {
    std::cerr << "run 'wpctl help' for the commands\n";
  } else {
    std::cerr << "usage: wpctl " << command->synopsis << "\n";
  }
  return wp::wpctl::kExitUsage;
}

// Environment first, then the command line, which wins.
absl::Status ApplyGlobalOptions(const Args& args) {
  if (absl::Status s = wp::ApplyEnvironmentOverrides(); !s.ok()) return wp::wpctl::UsageError(s.message());
  for (const std::string& name : kGlobalOptions) {
    if (!args.Has(name) || name == "help") continue;
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    std::string error;
    if (flag == nullptr || !flag->ParseFrom(args.Get(name), &error)) {
      return wp::wpctl::UsageError(absl::StrCat("--", name, ": ", error));
    }
  }
  if (absl::GetFlag(FLAGS_server).empty()) return wp::wpctl::UsageError("--server is empty");
  if (absl::GetFlag(FLAGS_timeout) < absl::ZeroDuration()) {
    return wp::wpctl::UsageError("--timeout must not be negative");
  }
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wp::wpctl;  // main only
  const std::vector<std::string> words(argv + 1, argv + argc);
  absl::StatusOr<Args> args = ParseArgs(words, AllOptions());
  if (!args.ok()) return UsageFailure(args.status(), nullptr);
  if (args->Switch("help") || (!args->positional.empty() && args->positional[0] == "help")) {
    std::cout << UsageText();
    return kExitOk;
  }
  if (args->positional.empty()) {
    std::cerr << UsageText();
    return kExitUsage;
  }
  const Command* command = FindCommand(args->positional);
  if (command == nullptr) {
    const size_t shown = std::min<size_t>(args->positional.size(), 2);
    return UsageFailure(
        UsageError(absl::StrCat("unknown command \"",
                                absl::StrJoin(args->positional.begin(),
                                              args->positional.begin() + shown, " "),
                                "\"")),
        nullptr);
  }
  // The handler sees only what follows "group verb".
  Args command_args = *args;
  command_args.positional.erase(command_args.positional.begin(),
                                command_args.positional.begin() + 2);
  if (command_args.positional.size() != command->operands) {
    return UsageFailure(UsageError(absl::StrCat("expected ", command->operands, " argument",
                                                command->operands == 1 ? "" : "s", " after \"",
                                                command->group, " ", command->verb, "\", got ",
                                                command_args.positional.size())),
                        command);
  }
  std::set<std::string> allowed = command->options;
  allowed.insert(kGlobalOptions.begin(), kGlobalOptions.end());
  if (absl::Status s = CheckOptions(command_args, allowed); !s.ok()) return UsageFailure(s, command);
  if (absl::Status s = ApplyGlobalOptions(command_args); !s.ok()) return UsageFailure(s, nullptr);

  absl::StatusOr<Client> client = Client::Create({absl::GetFlag(FLAGS_server), absl::GetFlag(FLAGS_token),
                                                  absl::GetFlag(FLAGS_tls_ca), absl::GetFlag(FLAGS_timeout)});
  if (!client.ok()) {
    std::cerr << ErrorText(client.status());
    return kExitFailed;
  }
  const CommandEnv env{&*client, absl::GetFlag(FLAGS_json), &std::cout, &std::cerr};
  CommandResult result = command->run(env, command_args);
  std::cout.flush();
  if (result.ok()) return *result;
  if (IsUsageError(result.status())) return UsageFailure(result.status(), command);
  std::cerr << ErrorText(result.status());
  // The two errors where the likely fix is on this side of the wire.
  if (result.status().code() == absl::StatusCode::kUnavailable) {
    std::cerr << "  (is the workstreams service running at " << absl::GetFlag(FLAGS_server)
              << "? see --server / WP_SERVER)\n";
  } else if (result.status().code() == absl::StatusCode::kDeadlineExceeded) {
    std::cerr << "  (no answer within --timeout " << absl::FormatDuration(absl::GetFlag(FLAGS_timeout))
              << ")\n";
  }
  return kExitFailed;
}
