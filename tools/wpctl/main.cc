// wpctl: a command-line client for the workstreams and governance services.
// This file only maps the command line to a subcommand (commands.h) and the
// result to an exit code. The global options live here as absl flags so
// WP_TOKEN, WP_TLS_CA, WP_TIMEOUT and WP_JSON work like every other WP_*
// setting; each service's address option comes from the list Services()
// (client.h: --server, --governance_server, ...) and reads WP_<OPTION> the
// same way.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "libs/config/config.h"
#include "tools/wpctl/args.h"
#include "tools/wpctl/client.h"
#include "tools/wpctl/commands.h"
#include "tools/wpctl/config_file.h"
#include "tools/wpctl/files.h"
#include "tools/wpctl/output.h"
#include "tools/wpctl/values.h"

// Named apart from libs/config's flags (port, data_dir, ...), which are linked in too.
ABSL_FLAG(std::string, token, "", "Bearer token sent with every call (see 'wpctl token mint')");
ABSL_FLAG(std::string, tls_ca, "", "PEM file of the CA to trust: connect over TLS");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(30), "Deadline of each call; 0 for none");
ABSL_FLAG(bool, json, false, "Print protobuf JSON instead of tables");

namespace {

using wp::wpctl::Args;
using wp::wpctl::CommandEnv;
using wp::wpctl::CommandResult;
using wp::wpctl::ConfigFile;

using wp::wpctl::ServiceAddress;
using wp::wpctl::Services;

// The options that are absl flags; the address options are added from Services().
const std::set<std::string> kFlagOptions = {"token", "tls_ca", "timeout", "json", "help"};
// Every other option takes a value.
const std::set<std::string> kSwitches = {"json", "help", "reopen", "overdue", "stale", "all", "dry-run",
                                         "create-workstreams", "upcoming"};

// Options every command takes: the flags and each service's address option.
const std::set<std::string>& GlobalOptions() {
  static const auto* options = [] {
    auto* all = new std::set<std::string>(kFlagOptions);
    all->insert("format");  // table|csv|json; main.cc reads it (see OutputFormatOf)
    for (const ServiceAddress& s : Services()) all->insert(s.option);
    return all;
  }();
  return *options;
}

// WP_<OPTION>, e.g. WP_GOVERNANCE_SERVER.
std::string EnvironmentName(const std::string& option) {
  return absl::StrCat("WP_", absl::AsciiStrToUpper(option));
}

// Which service a command talks to (a name in Services(); "" for none), for
// the hint when it cannot be reached.
struct Service {
  static constexpr const char* kNone = "";
  static constexpr const char* kWorkstreams = "workstreams";
  static constexpr const char* kGovernance = "governance";
  static constexpr const char* kWestos = "westos";
  static constexpr const char* kLearning = "learning";
};

struct Operands {
  size_t min;
  size_t max;
};

struct Command {
  const char* service;
  std::string group;
  std::string verb;
  Operands operands;                // positional words after group and verb
  std::set<std::string> options;    // besides the global ones
  std::string synopsis;             // after "wpctl "
  std::string description;
  CommandResult (*run)(const CommandEnv&, const Args&);
};

const std::vector<Command>& Commands() {
  using namespace wp::wpctl;  // the handlers
  static const auto* commands = new std::vector<Command>{
      {Service::kWorkstreams, "tracker", "import", {1, 1},
       {"period", "format", "create-workstreams", "workstream-titles", "dry-run"},
       "tracker import FILE --period P [--format csv|tsv] [--create-workstreams "
       "[--workstream-titles \"1=TITLE|2=TITLE\"]] [--dry-run]",
       "Import a tracker spreadsheet (FILE - is stdin); --create-workstreams makes the workstreams "
       "its refs name that the period lacks; --dry-run shows what it would do and changes nothing; "
       "exit 3 if rows are rejected.", TrackerImport},
      {Service::kWorkstreams, "tracker", "export", {0, 0}, {"period", "format", "output"},
       "tracker export --period P [--format csv|tsv] [--output FILE]",
       "Export the tracker to stdout or FILE.", TrackerExport},
      {Service::kWorkstreams, "tracker", "summary", {0, 0}, {"period", "as-of"},
       "tracker summary --period P [--as-of YYYY-MM-DD]",
       "Counts per status per workstream, with overdue items as of a date.", TrackerSummary},
      {Service::kWorkstreams, "workstreams", "list", {0, 0}, {"period"},
       "workstreams list [--period P]",
       "List workstreams (of every period without --period).", WorkstreamsList},
      {Service::kWorkstreams, "workstreams", "get", {1, 1}, {"period"},
       "workstreams get NAME [--period P]",
       "Show one workstream.", WorkstreamsGet},
      {Service::kWorkstreams, "workstreams", "create", {0, 0},
       {"period", "number", "title", "lead"},
       "workstreams create --period P --number N --title T [--lead L]",
       "Create a workstream.", WorkstreamsCreate},
      {Service::kWorkstreams, "items", "list", {0, 0},
       {"period", "workstream", "status", "lead", "overdue", "overdue-as-of", "stale", "stale-as-of", "query",
        "project", "page-size"},
       "items list --period P [--workstream N] [--status on_track,complete] [--lead X]\n"
       "             [--overdue | --overdue-as-of YYYY-MM-DD] [--stale | --stale-as-of YYYY-MM-DD]\n"
       "             [--query TEXT] [--project PROJECT] [--page-size N]",
       "List plan items, every page.", ItemsList},
      {Service::kWorkstreams, "items", "get", {1, 1}, {"period"}, "items get NAME [--period P]",
       "Show a plan item with its progress notes.", ItemsGet},
      {Service::kWorkstreams, "items", "history", {1, 1}, {"period"},
       "items history NAME [--period P]",
       "Show a plan item's status changes.", ItemsHistory},
      {Service::kWorkstreams, "items", "note", {1, 1}, {"period", "text", "date", "etag", "request-id"},
       "items note NAME --text T [--date YYYY-MM-DD|YYYY-MM] [--etag E] [--period P] [--request-id R]",
       "Add a progress note (dated today unless --date).", ItemsNote},
      {Service::kWorkstreams, "items", "set-status", {2, 2},
       {"period", "reason", "note", "superseded-by", "reopen", "etag"},
       "items set-status NAME STATUS [--reason R] [--note TEXT] [--superseded-by REF] [--reopen]\n"
       "             [--etag E] [--period P]",
       "Change a plan item's status (not_started, on_track, complete, superseded), with a\n"
       "progress note in the same change when --note is given.",
       ItemsSetStatus},
      {Service::kWestos, "usage", "import", {1, 1}, {},
       "usage import FILE",
       "Send the content platform's CSV export of usage (FILE - is stdin), streamed, with progress;\n"
       "             rejected rows are listed; exit 3 if any.",
       UsageImport},
      {Service::kWestos, "usage", "query", {0, 0},
       {"from", "to", "by", "period", "authority", "role", "sector", "simd", "subject", "level", "content"},
       "usage query --from YYYY-MM-DD --to YYYY-MM-DD [--by authority,role] [--period day|week|fortnight|month]\n"
       "             [--authority A,...] [--role R,...] [--sector S,...] [--simd N,...] [--subject S,...]\n"
       "             [--level L,...] [--content ID,...]",
       "Views, plays, completions, minutes and exact distinct people, split and filtered.", UsageQuery},
      {Service::kWestos, "usage", "retract", {1, 10000}, {"reason"},
       "usage retract EVENT_ID... [--reason R]",
       "Retract usage events: every figure becomes as if they had never arrived.", UsageRetract},
      {Service::kWestos, "content", "add", {1, 1},
       {"title", "subject", "level", "sector", "status", "commissioned", "uploaded", "published"},
       "content add ID --title T --subject S --level L [--sector S] [--status commissioned|uploaded|published]\n"
       "             [--commissioned|--uploaded|--published YYYY-MM-DD]",
       "Catalogue a content item by the platform's id (commissioned today unless said).", ContentAdd},
      {Service::kWestos, "content", "show", {1, 1}, {}, "content show ID", "Show one content item.", ContentShow},
      {Service::kWestos, "content", "list", {0, 0}, {"subject", "level", "status", "page-size"},
       "content list [--subject S] [--level L] [--status S] [--page-size N]",
       "List catalogued content items, every page.", ContentList},
      {Service::kWestos, "content", "import", {1, 1}, {},
       "content import FILE",
       "Catalogue items from CSV (FILE - is stdin); rejected rows are listed; exit 3 if any.", ContentImport},
      {Service::kWestos, "coverage", "target", {1, 2}, {"subject", "level", "sector", "min", "deadline", "name"},
       "coverage target add ID --subject S --deadline YYYY-MM-DD [--level L] [--sector S] [--min N] [--name T]\n"
       "             | coverage target list [--subject S] | coverage target remove ID",
       "Add, list or remove coverage targets.", CoverageTarget},
      {Service::kWestos, "coverage", "report", {0, 0}, {"on", "at-risk-days"},
       "coverage report [--on YYYY-MM-DD] [--at-risk-days N]",
       "Each coverage target met, late, at risk or on track, with its figures.", CoverageReport},
      {Service::kLearning, "learning", "stats", {0, 0},
       {"event", "programme", "workstream", "authority", "from", "to", "by"},
       "learning stats [--event E | --programme P | --workstream W] [--authority A]\n"
       "             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by authority|establishment|role]",
       "Figures of professional learning: attendance, responses, change in knowledge and confidence,\n"
       "             completions and reach; splits under 5 practitioners suppressed.",
       LearningStats},
      {Service::kLearning, "learning", "events", {0, 0}, {"programme"}, "learning events [--programme P]",
       "Events in start order, with places taken and waiting.", LearningEvents},
      {Service::kLearning, "learning", "export-stats", {0, 0},
       {"event", "programme", "workstream", "authority", "from", "to", "by", "format", "output"},
       "learning export-stats [the options of learning stats] [--format csv|tsv] [--output FILE]",
       "The figures of learning stats as a spreadsheet, to stdout or FILE.", LearningExportStats},
      {Service::kLearning, "learning", "survey-summary", {0, 0}, {"event", "programme", "format", "output"},
       "learning survey-summary --event E | --programme P [--format csv|tsv] [--output FILE]",
       "Evaluation answers 1-5 before and after, change, rating, impact and comments, as a spreadsheet.",
       LearningSurveySummary},
      {Service::kLearning, "learning", "attendance", {1, 1}, {"from", "to"},
       "learning attendance PRACTITIONER [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
       "One practitioner's registrations and attendance across programmes, with completions.",
       LearningAttendance},
      {Service::kWestos, "usage", "reach", {0, 0}, {"from", "to", "role"},
       "usage reach --from YYYY-MM-DD --to YYYY-MM-DD [--role learner|teacher]",
       "Distinct users as a share of the population (governance's figures), per authority and region.",
       UsageReach},
      {Service::kWestos, "usage", "baseline", {1, 2}, {"from", "to", "title", "authority", "role"},
       "usage baseline add NAME --from YYYY-MM-DD --to YYYY-MM-DD [--title T] [--authority A] [--role R,...]\n"
       "             | usage baseline list",
       "Add or list baselines: named date ranges that growth targets compare with.", UsageBaseline},
      {Service::kWestos, "usage", "target", {1, 2},
       {"kind", "baseline", "start", "deadline", "value", "start-value", "tolerance", "title", "authority", "role",
        "as-of"},
       "usage target add NAME --kind growth|reach|positive-ratings --start D --deadline D --value PERCENT\n"
       "             [--baseline B] [--authority A] [--role R,...] [--start-value P] [--tolerance F] [--title T]\n"
       "             | usage target list | usage target status [NAME] [--as-of YYYY-MM-DD]",
       "Add, list or evaluate targets: current value, trajectory, progress and RAG.", UsageTarget},
      {Service::kWestos, "usage", "xapi", {1, 1}, {},
       "usage xapi FILE",
       "Send xAPI statements (a JSON statement or array, FILE - is stdin); rejected and conflicting\n"
       "             statements are listed, with totals; exit 3 if any.",
       UsageXapi},
      {Service::kWestos, "usage", "erase", {1, 1}, {"reason"},
       "usage erase USER_ID --reason R",
       "Erase one person's usage from every figure (admins); the reason must not contain the id.", UsageErase},
      {Service::kWestos, "usage", "purge", {0, 0}, {"before", "dry-run"},
       "usage purge --before YYYY-MM-DD [--dry-run]",
       "Purge raw usage events of days before the date into day rollups; figures do not change (admins).",
       UsagePurge},
      {Service::kWorkstreams, "projects", "list", {0, 0}, {"period", "workstream", "status"},
       "projects list --period P [--workstream N] [--status active,prioritised,paused,withdrawn]",
       "A plan's projects (from governance) with their status and tasks: complete, overdue, on hold.",
       ProjectsList},
      {Service::kWorkstreams, "projects", "get", {1, 1}, {"period"}, "projects get PROJECT [--period P]",
       "One project's action plan: outcomes, participants, notes and its tasks.", ProjectsGet},
      {Service::kWorkstreams, "projects", "set", {1, 1}, {"period", "outcomes", "participants", "notes", "etag"},
       "projects set PROJECT [--outcomes \"A; B\"] [--participants \"role: Headteachers (all eight authorities);\n"
       "             organisation: Education Scotland; person: Fiona Muir\"] [--notes T] [--etag E] [--period P]",
       "Replace a project's expected outcomes, participants or notes (each given; \";\" separates).",
       ProjectsSet},
      {Service::kWorkstreams, "projects", "add-task", {1, 1},
       {"period", "task", "lead", "due", "ongoing", "resources", "notes", "ref", "status", "request-id"},
       "projects add-task PROJECT --task T [--lead L] [--due YYYY-MM-DD|YYYY-MM | --ongoing] [--resources R]\n"
       "             [--notes N] [--status S] [--ref REF] [--period P] [--request-id R]",
       "Add a task to a project's action plan (the next free ref in its workstream unless --ref).",
       ProjectsAddTask},
      {Service::kWorkstreams, "projects", "import", {1, 1}, {"period", "format", "dry-run"},
       "projects import FILE --period P [--format csv|tsv] [--dry-run]",
       "Import action plans shaped like the interim plan's tables (FILE - is stdin); --dry-run only\n"
       "             reports what would change; exit 3 if rows are rejected.",
       ProjectsImport},
      {Service::kWorkstreams, "projects", "export", {0, 0}, {"period", "project", "format", "output"},
       "projects export --period P [--project PROJECT] [--format csv|tsv] [--output FILE]",
       "Action plans as a spreadsheet in the interim plan's shape, to stdout or FILE.", ProjectsExport},
      {Service::kWorkstreams, "networks", "list", {0, 0}, {}, "networks list",
       "List specialist networks and forums.", NetworksList},
      {Service::kWorkstreams, "networks", "get", {1, 1}, {"as-of"}, "networks get NAME [--as-of YYYY-MM-DD]",
       "Show one network, with its sustainability and the reasons for it.", NetworksGet},
      {Service::kWorkstreams, "networks", "health", {0, 0}, {"as-of"}, "networks health [--as-of YYYY-MM-DD]",
       "Every network's sustainability, lapsing first: coverage, meetings, plan, top reason.", NetworksHealth},
      {Service::kWorkstreams, "networks", "set-coordinator", {2, 3}, {"start", "until", "etag"},
       "networks set-coordinator NAME AUTHORITY [PERSON] [--start YYYY-MM-DD] [--until YYYY-MM-DD] [--etag E]",
       "Set an authority's coordinator and term (no PERSON: remove it).", NetworksSetCoordinator},
      {Service::kWorkstreams, "networks", "set-cadence", {2, 2}, {"etag"}, "networks set-cadence NAME N",
       "Set how many formal meetings a year (1..52) the network is expected to hold.", NetworksSetCadence},
      {Service::kWorkstreams, "outbox", "dead-letters", {0, 0}, {"service"},
       "outbox dead-letters [--service workstreams|governance]",
       "List events the bus refused for good, moved aside (admins).", OutboxDeadLetters},
      {Service::kWorkstreams, "outbox", "redrive", {0, 1000}, {"service", "all"},
       "outbox redrive SEQ... | --all [--service workstreams|governance]",
       "Put dead letters back into the outbox once the cause is fixed (admins).", OutboxRedrive},
      {Service::kNone, "status", "", {0, 0}, {}, "status",
       "Every service: health, address, version, uptime, outbox, consumer lag, cache hits.",
       Status},
      {Service::kWorkstreams, "log-level", "get", {0, 0}, {"service"},
       "log-level get [--service workstreams|governance]",
       "Show a running service's log level and format (admins).", LogLevelGet},
      {Service::kWorkstreams, "log-level", "set", {1, 1}, {"service"},
       "log-level set debug|info|warn|error [--service workstreams|governance]",
       "Change a running service's log level, until it restarts (admins; audited).", LogLevelSet},
      {Service::kWorkstreams, "backup", "create", {0, 0}, {"service", "label"},
       "backup create --service workstreams|governance [--label L]",
       "Back up the service's store now, on its machine, in <data_dir>/backups (admins).",
       BackupCreate},
      {Service::kWorkstreams, "backup", "list", {0, 0}, {"service"},
       "backup list --service workstreams|governance",
       "List the service's backups, oldest first (admins).", BackupList},
      {Service::kWorkstreams, "changes", "list", {0, 0}, {"service", "after", "type", "limit"},
       "changes list [--after N] [--type T[,T]] [--limit 1000] [--service workstreams|governance]",
       "List the changes a service committed after a position, oldest first.", ChangesList},
      {Service::kWorkstreams, "changes", "watch", {0, 0}, {"service", "after", "type"},
       "changes watch [--after N] [--type T[,T]] [--service workstreams|governance]",
       "Print each change as it is committed (from now, or after N) until Ctrl-C.", ChangesWatch},
      {Service::kNone, "token", "mint", {0, 0}, {"role", "authority", "ttl", "subject"},
       "token mint --role ROLE [--authority AUTH[,AUTH]] [--ttl 8h] [--subject NAME]",
       "Mint a bearer token with the configured secret (WP_JWT_HS256_SECRET).", TokenMint},

      // The governance service (--governance_server).
      {Service::kGovernance, "authorities", "list", {0, 0}, {}, "authorities list",
       "List the eight authorities.", AuthoritiesList},
      {Service::kGovernance, "population", "get", {2, 2}, {}, "population get AUTH SESSION",
       "Show an authority's population figures for a session (e.g. GCC 2022-23).", PopulationGet},
      {Service::kGovernance, "population", "set", {2, 2},
       {"learners", "teachers", "establishments", "source", "quintiles"},
       "population set AUTH SESSION --learners N --teachers N --establishments N [--source T]\n"
       "             [--quintiles 1=N,2=N,3=N,4=N,5=N]",
       "Set (or first record) an authority's figures for a session; --quintiles: establishments by\n"
       "             SIMD quintile (1 most deprived), the known ones (\"\" clears them).",
       PopulationSet},
      {Service::kGovernance, "population", "region", {1, 1}, {}, "population region SESSION",
       "The eight authorities' figures for a session added up.", PopulationRegion},
      {Service::kGovernance, "people", "list", {0, 0}, {"authority", "query"},
       "people list [--authority X] [--query TEXT]", "List people, by name.", PeopleList},
      {Service::kGovernance, "bodies", "list", {0, 0}, {}, "bodies list",
       "List the governance bodies.", BodiesList},
      {Service::kGovernance, "bodies", "get", {1, 1}, {}, "bodies get BODY", "Show one body.",
       BodiesGet},
      {Service::kGovernance, "members", "list", {1, 1}, {"active-on"},
       "members list BODY [--active-on YYYY-MM-DD]",
       "List a body's memberships (those current on a date with --active-on).", MembersList},
      {Service::kGovernance, "meetings", "list", {0, 1}, {"from", "to", "upcoming"},
       "meetings list [BODY] [--from DATE | --upcoming] [--to DATE]",
       "List meetings, of every body without BODY, by date.", MeetingsList},
      {Service::kGovernance, "meetings", "get", {1, 1}, {}, "meetings get MEETING",
       "Show a meeting with its agenda and attendance.", MeetingsGet},
      {Service::kGovernance, "meetings", "pack", {1, 1}, {}, "meetings pack MEETING",
       "The papers for a meeting: agenda, decisions due, open actions, matters arising.",
       MeetingsPack},
      {Service::kGovernance, "decisions", "list", {0, 1}, {"plan"},
       "decisions list [MEETING|BODY] [--plan P]",
       "List decisions, of one meeting, one body or all.", DecisionsList},
      {Service::kGovernance, "actions", "list", {0, 1}, {"overdue"},
       "actions list [BODY] [--overdue]",
       "List actions by due date (only those overdue today with --overdue).", ActionsList},
      {Service::kGovernance, "plans", "list", {0, 0}, {}, "plans list",
       "List improvement plans, newest first.", PlansList},
      {Service::kGovernance, "plans", "get", {1, 1}, {}, "plans get PLAN",
       "Show a plan: workstreams, projects and lifecycle steps.", PlansGet},
      {Service::kGovernance, "plans", "approve", {1, 1}, {"meeting", "decision"},
       "plans approve PLAN --meeting M [--decision D]",
       "Record the Board's approval of a draft plan at a held Board meeting.", PlansApprove},
      {Service::kGovernance, "plans", "endorse", {1, 1}, {"meeting", "decision"},
       "plans endorse PLAN --meeting M [--decision D]",
       "Record the Committee's endorsement at a held Committee meeting.", PlansEndorse},
      {Service::kGovernance, "plans", "activate", {1, 1}, {"meeting", "decision"},
       "plans activate PLAN [--meeting M] [--decision D]", "Make an endorsed plan active.",
       PlansActivate},
      {Service::kGovernance, "plans", "close", {1, 1}, {"meeting", "decision"},
       "plans close PLAN [--meeting M] [--decision D]", "Close an active plan (final).", PlansClose},
      {Service::kGovernance, "sponsors", "list", {0, 1}, {}, "sponsors list [PLAN]",
       "List Board sponsors of workstreams, of every plan without PLAN.", SponsorsList},
      {Service::kGovernance, "budget", "lines", {1, 1}, {"year"}, "budget lines PLAN [--year FY]",
       "List a plan's budget lines with what is allocated, spent and available.", BudgetLines},
      {Service::kGovernance, "budget", "summary", {1, 1}, {"year"},
       "budget summary PLAN [--year FY]",
       "A plan's budget by workstream and financial year.", BudgetSummary},
      {Service::kGovernance, "budget", "spend", {1, 1},
       {"amount", "description", "date", "reference", "request-id"},
       "budget spend LINE --amount £ --description T --date YYYY-MM-DD [--reference R]\n"
       "             [--request-id ID]",
       "Record money spent against a line (LINE is PLAN/LINE-ID or a full name).", BudgetSpend},
      {Service::kNone, "whoami", "", {0, 0}, {}, "whoami",
       "Who the token in use says you are: subject, role, authorities, issuer, expiry (decoded here,\n"
       "             not verified: the services verify it).", Whoami},
      {Service::kGovernance, "budget", "move", {1, 1},
       {"from", "to", "amount", "reason", "body", "request-id"},
       "budget move PLAN --from LINE --to LINE --amount £ --reason T --body BODY\n"
       "             [--request-id ID]",
       "Move unspent money between two lines of a plan, approved by BODY.", BudgetMove},
      {Service::kGovernance, "budget", "movements", {1, 1}, {},
       "budget movements LINE",
       "A line's ledger: every allocation, spend and reallocation in and out, with the running\n"
       "             amount available (LINE is PLAN/LINE-ID or a full name).", BudgetMovements},
      {Service::kNone, "audit", "list", {0, 0}, {"resource", "subject", "from", "to", "format"},
       "audit list [--resource R] [--subject S] [--from D] [--to D] [--format table|csv]",
       "Every service's audit trail, merged by time, with each field's change (admins). D is a\n"
       "             date as every date option takes it (--to includes the day) or an RFC 3339 time. A service that is\n"
       "             down is reported on stderr (exit 1) and the others still listed.", AuditList},
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
      "Governance names may be full (bodies/board/meetings/12) or short:\n"
      "  AUTH      a code or a name: GCC, gcc, \"Glasgow City\"\n"
      "  BODY      board, committee (rec), implementation (ig), finance (fsg), or an id\n"
      "  MEETING   board/12           D (decision)  board/12/2, or 2 with --meeting\n"
      "  PLAN      2022-23            LINE          2022-23/2022-23-coaching, or the id in move\n"
      "  SESSION, FY  2022-23         £             1234.50, 1,234.50 or £1,234.50\n"
      "\n"
      "Dates (every date option): 2026-12-03, 03/12/2026 (day first), today, yesterday, tomorrow,\n"
      "  +14d, -4w, +2m (days, weeks, months from today, UTC); where a month is enough also\n"
      "  2026-12, Dec 2026, December 2026.\n"
      "Authorities (every --authority and AUTH): a code (GCC) or a name, any case: Glasgow City,\n"
      "  glasgow, east dunbartonshire.\n"
      "\n"
      "Defaults: WP_PERIOD for --period; a config file ($WPCTL_CONFIG, else ~/.config/wpctl/config)\n"
      "  of key = value lines: server, governance_server, westos_server, learning_server, period,\n"
      "  token_file, format. The command line beats the environment, which beats the file.\n"
      "\n"
      "Global options, anywhere on the line (also WP_<OPTION>: WP_SERVER, WP_TOKEN, ...):\n");
  for (const ServiceAddress& s : Services()) {
    absl::StrAppend(&text, "  --", s.option, " HOST:PORT\n                       the ", s.service,
                    " service (default ", s.default_address, ")\n");
  }
  absl::StrAppend(
      &text,
      "  --token TOKEN        bearer token for every call (./scripts/run prints one)\n"
      "  --tls_ca FILE        trust this CA and connect over TLS (default: plaintext)\n"
      "  --timeout DURATION   deadline of each call, e.g. 30s, 5m; 0 for none (default 30s)\n"
      "  --json               print protobuf JSON instead of tables (export: no effect)\n"
      "  --format table|csv|json\n"
      "                       table (default); csv: the command's table(s) as CSV, for lists;\n"
      "                       json: as --json (also WP_FORMAT; commands with a --format of\n"
      "                       their own, such as exports, keep it: csv|tsv)\n"
      "  --help, -h           this text\n"
      "\n"
      "Exit codes: 0 done, 1 failed, 2 bad command line, 3 import rejected some rows.\n");
  return text;
}

wp::wpctl::OptionSpec AllOptions() {
  wp::wpctl::OptionSpec spec;
  spec.switches = kSwitches;
  spec.short_switches = {{"h", "help"}};
  for (const std::string& name : GlobalOptions()) {
    if (kSwitches.count(name) == 0) spec.valued.insert(name);
  }
  for (const Command& c : Commands()) {
    for (const std::string& name : c.options) {
      if (kSwitches.count(name) == 0) spec.valued.insert(name);
    }
  }
  return spec;
}

// A command with an empty verb is one word ("status").
const Command* FindCommand(const std::vector<std::string>& positional) {
  for (const Command& c : Commands()) {
    if (c.verb.empty() && !positional.empty() && c.group == positional[0]) return &c;
    if (positional.size() >= 2 && c.group == positional[0] && c.verb == positional[1]) return &c;
  }
  return nullptr;
}

absl::Status CheckOperands(const Command& command, size_t given) {
  const Operands& n = command.operands;
  if (given >= n.min && given <= n.max) return absl::OkStatus();
  const std::string expected = n.min == n.max ? absl::StrCat(n.min)
                               : n.min == 0  ? absl::StrCat("at most ", n.max)
                                             : absl::StrCat(n.min, " to ", n.max);
  return wp::wpctl::UsageError(absl::StrCat("expected ", expected, " argument",
                                            n.max == 1 ? "" : "s", " after \"", command.group,
                                            command.verb.empty() ? "" : " ", command.verb,
                                            "\", got ", given));
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

// Where to look when a service could not be reached.
std::string UnreachableHint(const wp::wpctl::Client& client, const std::string& service) {
  const ServiceAddress* s = wp::wpctl::FindService(service);
  if (s == nullptr) return "";
  return absl::StrCat("  (is the ", s->service, " service running at ", client.address(service),
                      "? see --", s->option, " / ", EnvironmentName(s->option), ")\n");
}

// What to do when a call was refused for want of a (good) token.
std::string UnauthenticatedHint(const std::string& token_source) {
  if (token_source.empty()) {
    return "  (no token was sent: set WP_TOKEN, pass --token TOKEN, or put token_file = PATH in\n"
           "   ~/.config/wpctl/config; ./scripts/run writes a local admin token to data/admin.token:\n"
           "   export WP_TOKEN=$(cat data/admin.token))\n";
  }
  return absl::StrCat("  (the token from ", token_source,
                      " was refused; 'wpctl whoami' shows its expiry; ./scripts/run writes a fresh\n"
                      "   admin token to data/admin.token each time it starts)\n");
}

// Each service's address: its default, then the config file, then
// WP_<OPTION>, then --<option>.
absl::StatusOr<std::map<std::string, std::string>> ServiceAddresses(const Args& args,
                                                                    const ConfigFile& config) {
  std::map<std::string, std::string> addresses;
  for (const ServiceAddress& s : Services()) {
    std::string address = config.Get(s.option).value_or(s.default_address);
    if (const char* env = std::getenv(EnvironmentName(s.option).c_str()); env != nullptr) address = env;
    if (args.Has(s.option)) address = args.Get(s.option);
    if (address.empty()) return wp::wpctl::UsageError(absl::StrCat("--", s.option, " is empty"));
    addresses[s.service] = address;
  }
  return addresses;
}

// A non-empty environment variable, or nullopt.
std::optional<std::string> FromEnvironment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

// The config file ($WPCTL_CONFIG or ~/.config/wpctl/config); empty when there is none.
absl::StatusOr<ConfigFile> LoadConfig() {
  const char* named = std::getenv("WPCTL_CONFIG");
  const std::string path = wp::wpctl::ConfigFilePath(named, std::getenv("HOME"));
  return wp::wpctl::LoadConfigFile(path, /*must_exist=*/named != nullptr && *named != '\0');
}

// How the result is printed, and whether the user asked for it on this
// command line (a csv default from the file or environment quietly falls back
// to text for a command that prints no table).
struct OutputFormat {
  std::string name;  // table, csv or json
  bool asked = false;
};

// --format (unless the command has a --format of its own, as exports do),
// else --json / WP_JSON, else WP_FORMAT, else the config file's format.
absl::StatusOr<OutputFormat> OutputFormatOf(const Command& command, const Args& args,
                                            const ConfigFile& config) {
  const bool own_format = command.options.count("format") > 0;
  OutputFormat format{"table", false};
  std::string source = "--format";
  if (!own_format && args.Has("format")) {
    format = {absl::AsciiStrToLower(args.Get("format")), true};
  } else if (absl::GetFlag(FLAGS_json)) {
    format = {"json", true};
  } else if (std::optional<std::string> env = FromEnvironment("WP_FORMAT"); env && !own_format) {
    format.name = absl::AsciiStrToLower(*env);
    source = "WP_FORMAT";
  } else if (std::optional<std::string> file = config.Get("format"); file && !own_format) {
    format.name = absl::AsciiStrToLower(*file);
    source = absl::StrCat("format in ", config.path);
  }
  if (format.name != "table" && format.name != "csv" && format.name != "json") {
    return wp::wpctl::UsageError(
        absl::StrCat(source, ": \"", format.name, "\" is not table, csv or json"));
  }
  if (absl::GetFlag(FLAGS_json) && format.name != "json") {
    return wp::wpctl::UsageError("--json means --format json; give one of them");
  }
  return format;
}

// Commands that change something print what they did, not a list; --format
// csv is refused before they run rather than after.
bool ChangesSomething(const Command& command, const Args& args) {
  static const std::set<std::string> kVerbs = {
      "create", "set", "set-status", "note", "add-task", "import", "spend", "move", "approve",
      "endorse", "activate", "close", "retract", "erase", "purge", "redrive", "mint",
      "set-coordinator", "set-cadence", "xapi", "watch", "export", "export-stats", "survey-summary"};
  if (kVerbs.count(command.verb) > 0 || command.options.count("request-id") > 0) return true;
  // "coverage target add ID", "usage baseline add NAME", ...
  return !args.positional.empty() && (args.positional[0] == "add" || args.positional[0] == "remove");
}

// "items list", "coverage target list", ...: their empty result is an empty CSV.
bool IsList(const Command& command, const Args& args) {
  return command.verb == "list" || (!args.positional.empty() && args.positional[0] == "list");
}

// --token / WP_TOKEN, else the config file's token_file; and where it came from.
absl::StatusOr<std::pair<std::string, std::string>> TokenOf(const Args& args, const ConfigFile& config) {
  std::string token = absl::GetFlag(FLAGS_token);
  if (!token.empty()) return std::make_pair(token, std::string(args.Has("token") ? "--token" : "WP_TOKEN"));
  std::optional<std::string> file = config.Get("token_file");
  if (!file) return std::make_pair(std::string(), std::string());
  std::string path = *file;
  if (path.rfind("~/", 0) == 0) {
    if (std::optional<std::string> home = FromEnvironment("HOME")) path = *home + path.substr(1);
  }
  absl::StatusOr<std::string> text = wp::wpctl::ReadWholeFile(path);
  if (!text.ok()) {
    return wp::wpctl::UsageError(absl::StrCat("token_file in ", config.path, ": ", text.status().message()));
  }
  token = std::string(absl::StripAsciiWhitespace(*text));
  if (token.empty()) return wp::wpctl::UsageError(absl::StrCat("token_file ", path, " is empty"));
  return std::make_pair(token, absl::StrCat("token_file ", path));
}

// Environment first, then the command line, which wins.
absl::Status ApplyGlobalOptions(const Args& args) {
  if (absl::Status s = wp::ApplyEnvironmentOverrides(); !s.ok()) return wp::wpctl::UsageError(s.message());
  for (const std::string& name : kFlagOptions) {
    if (!args.Has(name) || name == "help") continue;
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    std::string error;
    if (flag == nullptr || !flag->ParseFrom(args.Get(name), &error)) {
      return wp::wpctl::UsageError(absl::StrCat("--", name, ": ", error));
    }
  }
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
                                command_args.positional.begin() + (command->verb.empty() ? 1 : 2));
  if (absl::Status s = CheckOperands(*command, command_args.positional.size()); !s.ok()) {
    return UsageFailure(s, command);
  }
  std::set<std::string> allowed = command->options;
  allowed.insert(GlobalOptions().begin(), GlobalOptions().end());
  if (absl::Status s = CheckOptions(command_args, allowed); !s.ok()) return UsageFailure(s, command);
  if (absl::Status s = ApplyGlobalOptions(command_args); !s.ok()) return UsageFailure(s, nullptr);
  absl::StatusOr<ConfigFile> config = LoadConfig();
  if (!config.ok()) return UsageFailure(config.status(), nullptr);
  absl::StatusOr<std::map<std::string, std::string>> addresses = ServiceAddresses(command_args, *config);
  if (!addresses.ok()) return UsageFailure(addresses.status(), nullptr);
  // --period, else WP_PERIOD, else the file's period, for commands that take one.
  if (command->options.count("period") > 0 && !command_args.Has("period")) {
    std::optional<std::string> period = FromEnvironment("WP_PERIOD");
    if (!period) period = config->Get("period");
    if (period) command_args.options["period"] = *period;
  }
  absl::StatusOr<OutputFormat> format = OutputFormatOf(*command, command_args, *config);
  if (!format.ok()) return UsageFailure(format.status(), command);
  const bool changes = ChangesSomething(*command, command_args);
  if (format->name == "csv" && format->asked && changes) {
    return UsageFailure(UsageError(absl::StrCat("--format csv is for lists; \"", command->group, " ",
                                                command->verb, "\" changes something and prints no list")),
                        command);
  }
  absl::StatusOr<std::pair<std::string, std::string>> token = TokenOf(command_args, *config);
  if (!token.ok()) return UsageFailure(token.status(), nullptr);

  ClientOptions options;
  options.addresses = *std::move(addresses);
  options.token = token->first;
  options.tls_ca_file = absl::GetFlag(FLAGS_tls_ca);
  options.timeout = absl::GetFlag(FLAGS_timeout);
  absl::StatusOr<Client> client = Client::Create(std::move(options));
  if (!client.ok()) {
    std::cerr << ErrorText(client.status());
    return kExitFailed;
  }
  // Under csv the text goes aside and every table rendered is kept: the
  // tables are printed as CSV instead (output.h TableRecorder).
  std::ostringstream text;
  std::optional<TableRecorder> tables;
  if (format->name == "csv" && !changes) tables.emplace();
  const CommandEnv env{&*client, format->name == "json", tables ? &text : &std::cout, &std::cerr,
                       token->second};
  CommandResult result = command->run(env, command_args);
  if (tables) {
    if (result.ok() && !tables->tables().empty()) {
      std::cout << tables->Csv();
    } else if (result.ok() && IsList(*command, command_args)) {
      // An empty list prints a sentence, not a table: an empty CSV, then.
      std::cerr << text.str();
    } else if (result.ok() && format->asked) {
      std::cout.flush();
      return UsageFailure(
          UsageError(absl::StrCat("--format csv is for lists; \"", command->group,
                                  command->verb.empty() ? "" : " ", command->verb,
                                  "\" prints no table (use --format table or json)")),
          command);
    } else {
      std::cout << text.str();
    }
  }
  std::cout.flush();
  if (result.ok()) return *result;
  if (IsUsageError(result.status())) return UsageFailure(result.status(), command);
  std::cerr << ErrorText(result.status());
  // The two errors where the likely fix is on this side of the wire.
  if (result.status().code() == absl::StatusCode::kUnauthenticated) {
    std::cerr << UnauthenticatedHint(env.token_source);
  } else if (result.status().code() == absl::StatusCode::kUnavailable) {
    std::cerr << UnreachableHint(*client, command->service);
  } else if (result.status().code() == absl::StatusCode::kDeadlineExceeded) {
    std::cerr << "  (no answer within --timeout " << absl::FormatDuration(absl::GetFlag(FLAGS_timeout))
              << ")\n";
  }
  return kExitFailed;
}
