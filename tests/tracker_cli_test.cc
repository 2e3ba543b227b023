// End to end, as an officer would do it: the region's tracker spreadsheet
// goes in through `wpctl tracker import` against a running stack (real
// nats-server, redis-server, workstreams binary, and a SQLite file or a
// PostgreSQL database: each test runs on both) and the summary
// `wpctl tracker summary` prints matches the spreadsheet. Also
// `wpctl log-level` against the same running service, wpctl's shared
// options (--format csv, WP_PERIOD, the config file, the token hint), a
// retried note, and `wpctl audit list` across workstreams and governance.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_store.h"
#include "libs/testing/test_tokens.h"
#include "services/workstreams/tracker_row.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp {
namespace {

constexpr char kPeriod[] = "2019-22";

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandResult RunCommand(const std::vector<std::string>& args) {
  std::string command = WP_WPCTL_BIN;
  for (const std::string& a : args) absl::StrAppend(&command, " '", a, "'");
  command += " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class TrackerCliTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(nats_.Start().ok());
    ASSERT_TRUE(redis_.Start().ok());
    testing::ServiceOptions options;
    options.binary = WP_WORKSTREAMS_BIN;
    options.data_dir = testing::MakeTempDir("wp-cli");
    absl::StatusOr<std::string> store_url = testing::TestStoreUrl(GetParam(), "cli");
    ASSERT_TRUE(store_url.ok()) << store_url.status();
    options.store_url = *store_url;
    options.nats_url = nats_.url();
    options.redis_url = redis_.url();
    service_ = std::make_unique<testing::ServiceProcess>(options);
    ASSERT_TRUE(service_->Start().ok());
    server_flag_ = absl::StrCat("--server=", service_->address());
  }

  void TearDown() override {
    if (service_) service_->Stop();
    redis_.Stop();
    nats_.Stop();
  }

  CommandResult Wpctl(std::vector<std::string> args) {
    args.push_back(server_flag_);
    args.push_back("--token=" + testing::TestToken(auth::Role::kOfficer, "cli-test"));
    return RunCommand(args);
  }

  testing::NatsServer nats_;
  testing::RedisServer redis_;
  std::unique_ptr<testing::ServiceProcess> service_;
  std::string server_flag_;
};

// `wpctl log-level`: an admin reads and changes the running service's level.
TEST_P(TrackerCliTest, AnAdminChangesTheLogLevelWhileItRuns) {
  const std::string admin = "--token=" + testing::TestToken(auth::Role::kAdmin, "cli-admin");
  CommandResult before = RunCommand({"log-level", "get", server_flag_, admin});
  ASSERT_EQ(before.exit_code, 0) << before.output;
  EXPECT_EQ(before.output, "workstreams: log level debug, format logfmt\n");  // the harness starts it at debug

  CommandResult set = RunCommand({"log-level", "set", "WARN", server_flag_, admin});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_EQ(set.output, "workstreams: log level warn, format logfmt\n");
  CommandResult after = RunCommand({"log-level", "get", server_flag_, admin, "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.output;
  EXPECT_NE(after.output.find("LOG_LEVEL_WARN"), std::string::npos) << after.output;

  CommandResult loud = RunCommand({"log-level", "set", "loud", server_flag_, admin});
  EXPECT_EQ(loud.exit_code, 2) << loud.output;
  EXPECT_NE(loud.output.find("\"loud\" is not one of debug, info, warn, error"), std::string::npos) << loud.output;
  CommandResult officer = Wpctl({"log-level", "set", "debug"});
  EXPECT_EQ(officer.exit_code, 1) << officer.output;
  EXPECT_NE(officer.output.find("PERMISSION_DENIED"), std::string::npos) << officer.output;
}

TEST_P(TrackerCliTest, ImportedSpreadsheetAndSummaryAgree) {
  for (int n = 1; n <= 9; ++n) {
    CommandResult made = Wpctl({"workstreams", "create", "--period", kPeriod, "--number",
                                absl::StrCat(n), "--title", absl::StrCat("Workstream ", n)});
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  const std::string csv_path = absl::StrCat(WP_DEMO_DIR, "/tracker-2018-21.csv");
  CommandResult imported = Wpctl({"tracker", "import", csv_path, "--period", kPeriod});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("processed 50 rows: 50 created, 0 updated, 0 unchanged, 0 rejected"), std::string::npos)
      << imported.output;

  // What the spreadsheet says, read independently of the service.
  auto file = workstreams::ParseTracker(ReadFile(csv_path));
  ASSERT_TRUE(file.ok()) << file.status();
  std::map<workstreams::ItemStatus, int> expected;
  for (const auto& row : file->rows) ++expected[row.status];

  CommandResult summary = Wpctl({"tracker", "summary", "--period", kPeriod, "--as-of", "2030-01-01", "--json"});
  ASSERT_EQ(summary.exit_code, 0) << summary.output;
  workstreams::v1::TrackerSummary parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(summary.output, &parsed).ok()) << summary.output;
  EXPECT_EQ(parsed.totals().total(), static_cast<int>(file->rows.size()));
  EXPECT_EQ(parsed.totals().not_started(), expected[workstreams::ItemStatus::kNotStarted]);
  EXPECT_EQ(parsed.totals().on_track(), expected[workstreams::ItemStatus::kOnTrack]);
  EXPECT_EQ(parsed.totals().complete(), expected[workstreams::ItemStatus::kComplete]);
  EXPECT_EQ(parsed.totals().superseded(), expected[workstreams::ItemStatus::kSuperseded]);
  // In 2030 every open item with a date is overdue.
  int open_with_date = 0;
  for (const auto& row : file->rows) {
    const bool open = row.status == workstreams::ItemStatus::kNotStarted ||
                      row.status == workstreams::ItemStatus::kOnTrack;
    if (open && row.expected_date) ++open_with_date;
  }
  EXPECT_EQ(parsed.totals().overdue(), open_with_date);
  EXPECT_EQ(parsed.workstreams_size(), 9);

  // The same file again changes nothing.
  CommandResult again = Wpctl({"tracker", "import", csv_path, "--period", kPeriod});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("50 unchanged, 0 rejected"), std::string::npos) << again.output;
}

TEST_P(TrackerCliTest, BadRowsArePrintedWithTheirLines) {
  ASSERT_EQ(Wpctl({"workstreams", "create", "--period", kPeriod, "--number", "1", "--title", "One"})
                .exit_code,
            0);
  const std::string path = testing::MakeTempDir("wp-cli-csv") + "/tracker.csv";
  std::ofstream(path) << "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
                         "1.1,Map the networks,Ann Boyd,On track,30 November 2018,\n"
                         "1.2,Survey the coordinators,Ann Boyd,Delayed,,\n"
                         "1.x,A task with a bad ref,,On track,,\n";
  CommandResult result = Wpctl({"tracker", "import", path, "--period", kPeriod});
  EXPECT_EQ(result.exit_code, 3) << result.output;
  EXPECT_NE(result.output.find("line 3"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Delayed"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("line 4"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("processed 3 rows: 1 created, 0 updated, 0 unchanged, 2 rejected"),
            std::string::npos)
      << result.output;

  // A row of a workstream the period lacks: one error, nothing applied,
  // and what to do about it.
  std::ofstream(path) << "Ref,Task,Workstream Lead,Status,Expected Date,Comments\n"
                         "7.1,A task of a workstream that does not exist,,On track,,\n";
  CommandResult missing = Wpctl({"tracker", "import", path, "--period", kPeriod});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("has no workstream 7"), std::string::npos) << missing.output;
  EXPECT_NE(missing.output.find("--create-workstreams"), std::string::npos) << missing.output;
  CommandResult dry = Wpctl({"tracker", "import", path, "--period", kPeriod, "--create-workstreams", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("would create workstream 7 \"Workstream 7\" (no lead)"), std::string::npos)
      << dry.output;
  EXPECT_NE(dry.output.find("1 created, 0 updated, 0 unchanged, 0 rejected (dry run: nothing was changed)"),
            std::string::npos)
      << dry.output;
}

TEST_P(TrackerCliTest, ChangesListShowsTheFeed) {
  ASSERT_EQ(Wpctl({"workstreams", "create", "--period", kPeriod, "--number", "1", "--title", "One"})
                .exit_code,
            0);
  CommandResult listed = Wpctl({"changes", "list", "--type", "workstream"});
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(listed.output.find("wp.workstreams.workstream.created"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("planPeriods/2019-22/workstreams/1"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("1 changes; next time use --after 1"), std::string::npos) << listed.output;

  ASSERT_EQ(Wpctl({"workstreams", "create", "--period", kPeriod, "--number", "2", "--title", "Two"})
                .exit_code,
            0);
  CommandResult first = Wpctl({"changes", "list", "--limit", "1"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("1 changes; more follow: continue with --after 1"), std::string::npos)
      << first.output;

  CommandResult none = Wpctl({"changes", "list", "--after", "2"});
  EXPECT_EQ(none.exit_code, 0) << none.output;
  EXPECT_NE(none.output.find("0 changes"), std::string::npos) << none.output;

  CommandResult bad = Wpctl({"changes", "list", "--after", "-3"});
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  CommandResult unknown = Wpctl({"changes", "list", "--type", "meeting"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("entity_types[0]"), std::string::npos) << unknown.output;
}

TEST_P(TrackerCliTest, InvalidRequestShowsTheField) {
  CommandResult result = Wpctl({"tracker", "summary", "--period", "next year"});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("INVALID_ARGUMENT"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("plan_period"), std::string::npos) << result.output;
}

// wpctl's shared parts through the real service: --format csv on a list, the
// refusal on a command that prints no table, WP_PERIOD, the config file
// (server, token_file, format) and the hint when no token is sent.
TEST_P(TrackerCliTest, SharedOptionsCsvConfigAndTokenHint) {
  for (const auto& [number, title] : std::vector<std::pair<std::string, std::string>>{
           {"1", "Leadership, Empowerment and Improvement"}, {"2", "Wellbeing"}}) {
    CommandResult made = Wpctl({"workstreams", "create", "--period", kPeriod, "--number", number,
                                "--title", title, "--lead", "Siobhán Ó Dónaill"});
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  const std::string ws1 = absl::StrCat("planPeriods/", kPeriod, "/workstreams/1");
  const std::string ws2 = absl::StrCat("planPeriods/", kPeriod, "/workstreams/2");
  CommandResult csv = Wpctl({"workstreams", "list", "--period", kPeriod, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output, absl::StrCat("NAME,WS,TITLE,LEAD\n", ws1,
                                     ",1,\"Leadership, Empowerment and Improvement\",Siobhán Ó Dónaill\n",
                                     ws2, ",2,Wellbeing,Siobhán Ó Dónaill\n"));

  // --format json is --json; other words, or csv with --json, are usage errors.
  CommandResult json = Wpctl({"workstreams", "list", "--period", kPeriod, "--format", "JSON"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  workstreams::v1::ListWorkstreamsResponse listed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.output, &listed).ok()) << json.output;
  EXPECT_EQ(listed.workstreams_size(), 2);
  CommandResult both = Wpctl({"workstreams", "list", "--period", kPeriod, "--format", "csv", "--json"});
  EXPECT_EQ(both.exit_code, 2) << both.output;
  CommandResult xml = Wpctl({"workstreams", "list", "--period", kPeriod, "--format", "xml"});
  EXPECT_EQ(xml.exit_code, 2) << xml.output;
  EXPECT_NE(xml.output.find("not table, csv or json"), std::string::npos) << xml.output;

  CommandResult one = Wpctl({"workstreams", "get", "1", "--period", kPeriod, "--format", "csv"});
  EXPECT_EQ(one.exit_code, 2) << one.output;
  EXPECT_NE(one.output.find("--format csv is for lists"), std::string::npos) << one.output;

  // --period from WP_PERIOD (popen's shell inherits this process's environment).
  setenv("WP_PERIOD", kPeriod, 1);
  CommandResult items = Wpctl({"items", "list", "--format", "csv"});
  unsetenv("WP_PERIOD");
  // No items yet: an empty CSV on stdout, the sentence on stderr.
  EXPECT_EQ(items.exit_code, 0) << items.output;
  EXPECT_EQ(items.output, "no plan items\n");

  // Everything from the config file: server, token and format.
  const std::string dir = testing::MakeTempDir("wp-cli-config");
  {
    std::ofstream(dir + "/token") << testing::TestToken(auth::Role::kOfficer, "cli-test") << "\n";
    std::ofstream(dir + "/config") << "# test\nserver = " << service_->address()
                                   << "\ntoken_file = " << dir << "/token\nformat = csv\n";
  }
  setenv("WPCTL_CONFIG", (dir + "/config").c_str(), 1);
  CommandResult configured = RunCommand({"workstreams", "list", "--period", kPeriod});
  // A csv default quietly gives text where there is no table.
  CommandResult whoami = RunCommand({"whoami"});
  unsetenv("WPCTL_CONFIG");
  EXPECT_EQ(configured.exit_code, 0) << configured.output;
  EXPECT_EQ(configured.output, csv.output);
  EXPECT_EQ(whoami.exit_code, 0) << whoami.output;
  EXPECT_NE(whoami.output.find("subject:     cli-test"), std::string::npos) << whoami.output;
  EXPECT_NE(whoami.output.find("token_file " + dir + "/token"), std::string::npos) << whoami.output;

  CommandResult anonymous = RunCommand({"workstreams", "list", server_flag_, "--token="});
  EXPECT_EQ(anonymous.exit_code, 1) << anonymous.output;
  EXPECT_NE(anonymous.output.find("UNAUTHENTICATED"), std::string::npos) << anonymous.output;
  EXPECT_NE(anonymous.output.find("set WP_TOKEN"), std::string::npos) << anonymous.output;
  EXPECT_NE(anonymous.output.find("data/admin.token"), std::string::npos) << anonymous.output;
}

// `wpctl audit list` against workstreams and governance running: an
// update's record with what changed (a person's name masked), as text and
// CSV; one officer's changes in both services merged by time; the services
// that are not running are named on stderr and the exit is 1.
TEST_P(TrackerCliTest, AuditListShowsWhatChangedAndNamesServicesThatAreDown) {
  CommandResult made = Wpctl({"workstreams", "create", "--period", kPeriod, "--number", "1", "--title",
                              "Workstream 1", "--lead", "Jane Smith"});
  ASSERT_EQ(made.exit_code, 0) << made.output;
  {
    auto stub = workstreams::v1::WorkstreamsService::NewStub(service_->channel());
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", testing::TestBearer(auth::Role::kOfficer, "cli-test"));
    workstreams::v1::UpdateWorkstreamRequest request;
    request.mutable_workstream()->set_name(absl::StrCat("planPeriods/", kPeriod, "/workstreams/1"));
    request.mutable_workstream()->set_title("Literacy");
    request.mutable_workstream()->set_lead_officer("John Doe");
    request.mutable_update_mask()->add_paths("title");
    request.mutable_update_mask()->add_paths("lead_officer");
    workstreams::v1::Workstream updated;
    grpc::Status s = stub->UpdateWorkstream(&ctx, request, &updated);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  // Governance runs too, on the same bus, with a change of its own by the same officer.
  testing::ServiceOptions gov_options;
  gov_options.binary = WP_GOVERNANCE_BIN;
  gov_options.data_dir = testing::MakeTempDir("wp-cli-gov");
  absl::StatusOr<std::string> gov_store = testing::TestStoreUrl(GetParam(), "cli_gov");
  ASSERT_TRUE(gov_store.ok()) << gov_store.status();
  gov_options.store_url = *gov_store;
  gov_options.nats_url = nats_.url();
  gov_options.redis_url = redis_.url();
  testing::ServiceProcess governance(gov_options);
  ASSERT_TRUE(governance.Start().ok());
  const std::string governance_flag = absl::StrCat("--governance_server=", governance.address());
  CommandResult population = Wpctl({"population", "set", "Glasgow", "2022-23", "--learners", "70400", "--teachers",
                                    "5600", "--establishments", "300", governance_flag});
  ASSERT_EQ(population.exit_code, 0) << population.output;

  const std::vector<std::string> rest = {
      server_flag_, "--token=" + testing::TestToken(auth::Role::kAdmin, "cli-admin"), governance_flag,
      "--westos_server=127.0.0.1:1", "--learning_server=127.0.0.1:1"};
  auto audit = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"audit", "list"});
    args.insert(args.end(), rest.begin(), rest.end());
    return RunCommand(args);
  };
  const std::string resource = absl::StrCat("planPeriods/", kPeriod, "/workstreams/1");
  CommandResult text = audit({"--resource", resource});
  EXPECT_EQ(text.exit_code, 1) << text.output;  // two services are down
  EXPECT_NE(text.output.find("UpdateWorkstream"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("    title: Workstream 1 -> Literacy\n"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("    lead_officer: (personal data) -> (personal data)\n"), std::string::npos)
      << text.output;
  EXPECT_EQ(text.output.find("John"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("wpctl: westos (127.0.0.1:1): "), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("wpctl: learning (127.0.0.1:1): "), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("2 records"), std::string::npos) << text.output;

  // One officer's changes in two services, in one list, oldest first.
  CommandResult both = audit({"--subject", "cli-test", "--from", "today"});
  const size_t workstream_change = both.output.find("workstreams  cli-test");
  const size_t population_change = both.output.find("governance   cli-test");
  ASSERT_NE(workstream_change, std::string::npos) << both.output;
  ASSERT_NE(population_change, std::string::npos) << both.output;
  EXPECT_LT(workstream_change, population_change) << both.output;
  EXPECT_NE(both.output.find("UpdatePopulation"), std::string::npos) << both.output;
  EXPECT_NE(both.output.find("authorities/GCC/populations/2022-23"), std::string::npos) << both.output;

  CommandResult csv = audit({"--subject", "cli-test", "--from", "2020-01-01", "--format", "csv"});
  EXPECT_NE(csv.output.find("time,service,actor,role,method,summary,resource,related_resources,changes\n"),
            std::string::npos)
      << csv.output;
  EXPECT_NE(csv.output.find(",workstreams,cli-test,officer,/wp.workstreams.v1.WorkstreamsService/UpdateWorkstream,"),
            std::string::npos)
      << csv.output;

  // Nothing after the future: no records, still a good answer from the one service up.
  CommandResult none = audit({"--from", "tomorrow"});
  EXPECT_NE(none.output.find("No audit records match."), std::string::npos) << none.output;
  CommandResult recent = audit({"--from", "yesterday"});  // the shared date forms
  EXPECT_NE(recent.output.find("UpdateWorkstream"), std::string::npos) << recent.output;
  CommandResult bad = audit({"--from", "last tuesday"});
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("--from \"last tuesday\""), std::string::npos) << bad.output;
}

// A note sent again with the same request id (a retry after a timeout)
// is added once, and wpctl says the second call was already recorded.
TEST_P(TrackerCliTest, ARetriedNoteSaysItWasAlreadyRecorded) {
  ASSERT_EQ(Wpctl({"workstreams", "create", "--period", kPeriod, "--number", "1", "--title", "Workstream 1",
                   "--lead", "Jane Smith"}).exit_code, 0);
  {
    auto stub = workstreams::v1::WorkstreamsService::NewStub(service_->channel());
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", testing::TestBearer(auth::Role::kOfficer, "cli-test"));
    workstreams::v1::CreatePlanItemRequest request;
    request.mutable_plan_item()->set_plan_period(kPeriod);
    request.mutable_plan_item()->set_ref("1.1");
    request.mutable_plan_item()->set_task("Moderation events for every authority");
    request.mutable_plan_item()->set_status(workstreams::v1::ON_TRACK);
    workstreams::v1::PlanItem made;
    grpc::Status s = stub->CreatePlanItem(&ctx, request, &made);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  const std::vector<std::string> note = {"items", "note", "1.1", "--period", kPeriod, "--text",
                                         "Two events held", "--request-id", "note-retry-1"};
  CommandResult first = Wpctl(note);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(first.output.find("already recorded"), std::string::npos) << first.output;
  CommandResult again = Wpctl(note);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("already recorded as planPeriods/2019-22/planItems/1.1"),
            std::string::npos)
      << again.output;
  EXPECT_NE(again.output.find("(request id note-retry-1): nothing changed now"), std::string::npos)
      << again.output;
  CommandResult shown = Wpctl({"items", "get", "1.1", "--period", kPeriod, "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  size_t notes = 0;
  for (size_t at = shown.output.find("Two events held"); at != std::string::npos;
       at = shown.output.find("Two events held", at + 1)) {
    ++notes;
  }
  EXPECT_EQ(notes, 1u) << shown.output;
}

WP_INSTANTIATE_ON_EVERY_ENGINE(TrackerCliTest);

}  // namespace
}  // namespace wp
