// Loads the demo data set into a running stack, one part per service (the
// list kParts below): the workstreams service's workstreams, tracker and
// network (demo_data.h), then the governance service's structure, plans,
// meetings and budget (governance_demo.h), then the interim action plan's
// project tasks (once governance's plan has reached workstreams), the
// current plan's tracker rows and action plan (current_plan_demo.h, once
// its workstreams and projects have arrived the same way), and so on
// through the list. Each part waits for its service's
// health check first. Safe to run again: creates that already happened are
// recognised (request ids, ALREADY_EXISTS) and the tracker import of an
// unchanged file changes nothing. Exits 1 when any step failed, after saying
// which.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tools/demo/demo_data.h"
#include "tools/demo/governance_demo.h"
#include "tools/demo/governance_loader.h"
#include "tools/demo/learning_demo.h"
#include "tools/demo/content_demo.h"
#include "tools/demo/current_plan_demo.h"
#include "tools/demo/demo_calendar.h"
#include "tools/demo/targets_demo.h"
#include "tools/demo/usage_loader.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/projects.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

ABSL_FLAG(std::string, services, "",
          "service addresses as NAME=HOST:PORT,... (e.g. workstreams=127.0.0.1:50052); a "
          "service not named keeps its default address");
// The older per-service flags, still accepted; they win over --services.
ABSL_FLAG(std::string, server, "", "workstreams service address (default 127.0.0.1:50052)");
ABSL_FLAG(std::string, governance_server, "", "governance service address (default 127.0.0.1:50051)");
ABSL_FLAG(std::string, demo_dir, "deploy/local/demo", "folder with the demo CSV files");
ABSL_FLAG(std::string, token, "", "bearer token of an officer or admin (or WP_TOKEN)");

namespace {

namespace v1 = wp::workstreams::v1;

void Prepare(grpc::ClientContext* ctx, const std::string& token) {
  ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
}

// Fine when it worked or had already been done.
bool Check(const grpc::Status& s, const std::string& what) {
  if (s.ok() || s.error_code() == grpc::StatusCode::ALREADY_EXISTS) return true;
  std::cerr << "demo: " << what << ": " << s.error_message() << "\n";
  return false;
}

bool WaitServing(const std::shared_ptr<grpc::Channel>& channel) {
  auto health = grpc::health::v1::Health::NewStub(channel);
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (absl::Now() < deadline) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&ctx, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  return false;
}

// The workstreams service's part; false when a step failed (already reported).
bool LoadWorkstreams(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto tracker = v1::WorkstreamsService::NewStub(channel);
  auto networks = v1::NetworksService::NewStub(channel);
  bool ok = true;

  for (const v1::Workstream& ws : wp::demo::DemoWorkstreams()) {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::CreateWorkstreamRequest request;
    *request.mutable_workstream() = ws;
    request.set_request_id(absl::StrCat("demo-ws-", ws.plan_period(), "-", ws.number()));
    v1::Workstream created;
    ok &= Check(tracker->CreateWorkstream(&ctx, request, &created), "workstream " + ws.title());
  }

  const std::string csv_path = absl::GetFlag(FLAGS_demo_dir) + "/tracker-2018-21.csv";
  std::ifstream csv(csv_path, std::ios::binary);
  if (!csv) {
    std::cerr << "demo: cannot read " << csv_path << "\n";
    return false;
  }
  std::stringstream content;
  content << csv.rdbuf();
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::ImportTrackerRequest request;
    request.set_plan_period("2018-21");
    request.set_content(content.str());
    auto reader = tracker->ImportTracker(&ctx, request);
    v1::ImportTrackerProgress progress, last;
    while (reader->Read(&progress)) {
      for (const auto& r : progress.results()) {
        if (r.outcome() == v1::ImportRowResult::REJECTED) {
          std::cerr << "demo: tracker line " << r.line() << " rejected: " << r.reason() << "\n";
          ok = false;
        }
      }
      last = progress;
    }
    ok &= Check(reader->Finish(), "tracker import");
    std::cout << "tracker 2018-21: created " << last.created() << ", updated " << last.updated()
              << ", unchanged " << last.unchanged() << ", rejected " << last.rejected() << "\n";
  }

  for (const v1::PlanItem& item : wp::demo::DemoPlanItems2022()) {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::CreatePlanItemRequest request;
    *request.mutable_plan_item() = item;
    request.set_request_id(absl::StrCat("demo-item-2022-23-", item.ref()));
    v1::PlanItem created;
    ok &= Check(tracker->CreatePlanItem(&ctx, request, &created), "plan item " + item.ref());
  }

  {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::Network network;
    ok &= Check(networks->CreateNetwork(&ctx, wp::demo::DemoNetwork(), &network), "network");
  }
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::RecordMeetingRequest request;
    request.set_name("networks/maths-leads");
    *request.mutable_meeting() = wp::demo::DemoMeeting();
    request.set_request_id("demo-meeting-maths-leads-1");
    v1::NetworkMeeting meeting;
    ok &= Check(networks->RecordMeeting(&ctx, request, &meeting), "network meeting");
  }
  // The sustainability demo: dated from today, so maths-leads is healthy and
  // the ASN officers forum at risk whatever day the demo is loaded.
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::Network network;
    ok &= Check(networks->CreateNetwork(&ctx, wp::demo::DemoAsnForum(today), &network), "network asn-officers");
  }
  const std::pair<const char*, std::vector<v1::NetworkMeeting>> meetings[] = {
      {"maths-leads", wp::demo::DemoMathsMeetings(today)}, {"asn-officers", wp::demo::DemoAsnForumMeetings(today)}};
  for (const auto& [id, list] : meetings) {
    for (size_t i = 0; i < list.size(); ++i) {
      grpc::ClientContext ctx;
      Prepare(&ctx, token);
      v1::RecordMeetingRequest request;
      request.set_name(absl::StrCat("networks/", id));
      *request.mutable_meeting() = list[i];
      // maths-leads' first meeting is DemoMeeting's.
      request.set_request_id(absl::StrCat("demo-meeting-", id, "-", i + (std::string(id) == "maths-leads" ? 2 : 1)));
      v1::NetworkMeeting meeting;
      ok &= Check(networks->RecordMeeting(&ctx, request, &meeting), absl::StrCat("network meeting of ", id));
    }
  }
  return ok;
}

// The governance service's part; stops at the first failed step, since later
// steps build on earlier ones (a plan is approved at a meeting held before).
bool LoadGovernance(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  absl::StatusOr<wp::demo::GovernanceLoadCounts> counts = wp::demo::LoadGovernanceDemo(
      wp::demo::BuildGovernanceDemo(today), channel, token);
  if (!counts.ok()) {
    std::cerr << "demo: governance: " << counts.status().message() << "\n";
    return false;
  }
  std::cout << wp::demo::SummaryLine(*counts) << "\n";
  return true;
}

// The interim action plan's projects with their tasks, outcomes and
// participants (deploy/local/demo/interim-action-plan-2021.csv). The projects
// reach workstreams from governance's plan events, so this waits until the
// 2020-23 plan's projects are there, the interim amendment applied.
bool LoadProjectPlans(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  auto projects = v1::ProjectsService::NewStub(channel);
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (true) {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::ListProjectsRequest request;
    request.set_plan_period("2020-23");
    request.add_statuses(v1::PROJECT_PRIORITISED);
    v1::ListProjectsResponse response;
    if (projects->ListProjects(&ctx, request, &response).ok() && response.projects_size() >= 7) break;
    if (absl::Now() > deadline) {
      std::cerr << "demo: the 2020-23 plan's prioritised projects did not reach workstreams within 60 s\n";
      return false;
    }
    absl::SleepFor(absl::Milliseconds(200));
  }
  const std::string path = absl::GetFlag(FLAGS_demo_dir) + "/interim-action-plan-2021.csv";
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::cerr << "demo: cannot read " << path << "\n";
    return false;
  }
  std::stringstream content;
  content << file.rdbuf();
  grpc::ClientContext ctx;
  Prepare(&ctx, token);
  v1::ImportProjectPlanRequest request;
  request.set_plan_period("2020-23");
  request.set_content(content.str());
  v1::ImportProjectPlanResponse response;
  if (!Check(projects->ImportProjectPlan(&ctx, request, &response), "interim action plan import")) return false;
  bool ok = true;
  for (const auto& r : response.results()) {
    if (r.outcome() == v1::ImportRowResult::REJECTED) {
      std::cerr << "demo: action plan line " << r.line() << " rejected: " << r.reason() << "\n";
      ok = false;
    }
  }
  std::cout << "action plans 2020-23: created " << response.created() << ", updated " << response.updated()
            << ", unchanged " << response.unchanged() << ", rejected " << response.rejected() << "\n";
  return ok;
}

// The current plan's tracker rows and one project's action plan
// (current_plan_demo.h). Its workstreams and projects reach workstreams from
// governance's plan events, so this waits until they are there. Rows carry
// request ids naming the session, and the action plan is imported only while
// its project has no tasks, so a second load of the same session, on any
// day, changes nothing and keeps the first load's dates.
bool LoadCurrentPlan(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  const std::string session = wp::demo::CurrentSession(today);
  auto tracker = v1::WorkstreamsService::NewStub(channel);
  auto projects = v1::ProjectsService::NewStub(channel);
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  v1::ListProjectsResponse projects_response;
  while (true) {
    grpc::ClientContext ws_ctx, projects_ctx;
    Prepare(&ws_ctx, token);
    Prepare(&projects_ctx, token);
    v1::ListWorkstreamsRequest ws_request;
    ws_request.set_plan_period(session);
    v1::ListWorkstreamsResponse ws_response;
    v1::ListProjectsRequest projects_request;
    projects_request.set_plan_period(session);
    projects_response.Clear();
    if (tracker->ListWorkstreams(&ws_ctx, ws_request, &ws_response).ok() && ws_response.workstreams_size() >= 3 &&
        projects->ListProjects(&projects_ctx, projects_request, &projects_response).ok() &&
        projects_response.projects_size() >= 5) {
      break;
    }
    if (absl::Now() > deadline) {
      std::cerr << "demo: the " << session << " plan's workstreams and projects did not reach workstreams within 60 s\n";
      return false;
    }
    absl::SleepFor(absl::Milliseconds(200));
  }
  bool ok = true;
  const std::vector<v1::PlanItem> items = wp::demo::CurrentPlanItems(today);
  for (const v1::PlanItem& item : items) {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    v1::CreatePlanItemRequest request;
    *request.mutable_plan_item() = item;
    request.set_request_id(absl::StrCat("demo-item-", session, "-", item.ref()));
    v1::PlanItem created;
    ok &= Check(tracker->CreatePlanItem(&ctx, request, &created), absl::StrCat("plan item ", session, " ", item.ref()));
  }
  for (const v1::Project& project : projects_response.projects()) {
    if (project.name() != absl::StrCat("planPeriods/", session, "/projects/", wp::demo::kCurrentActionPlanProject) ||
        project.task_counts().total() == 0) {
      continue;
    }
    std::cout << "current plan " << session << ": " << items.size() << " tracker rows; action plan of "
              << wp::demo::kCurrentActionPlanProject << " already there (" << project.task_counts().total()
              << " tasks), left as it is\n";
    return ok;
  }
  grpc::ClientContext ctx;
  Prepare(&ctx, token);
  v1::ImportProjectPlanRequest request;
  request.set_plan_period(session);
  request.set_content(wp::demo::CurrentActionPlanCsv(today));
  v1::ImportProjectPlanResponse response;
  if (!Check(projects->ImportProjectPlan(&ctx, request, &response), "action plan " + session)) return false;
  for (const auto& r : response.results()) {
    if (r.outcome() == v1::ImportRowResult::REJECTED) {
      std::cerr << "demo: " << session << " action plan line " << r.line() << " rejected: " << r.reason() << "\n";
      ok = false;
    }
  }
  std::cout << "current plan " << session << ": " << items.size() << " tracker rows; action plan of "
            << wp::demo::kCurrentActionPlanProject << ": created " << response.created() << ", updated "
            << response.updated() << ", unchanged " << response.unchanged() << ", rejected " << response.rejected()
            << "\n";
  return ok;
}

// The Improving Our Classrooms programme and a conference (learning_demo.h).
bool LoadLearning(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  absl::StatusOr<wp::demo::LearningLoadCounts> counts =
      wp::demo::LoadLearningDemo(wp::demo::BuildLearningDemo(today), channel, token);
  if (!counts.ok()) {
    std::cerr << "demo: learning: " << counts.status().message() << "\n";
    return false;
  }
  std::cout << "learning: " << counts->practitioners << " practitioners, " << counts->events << " events, "
            << counts->registrations << " new registrations, " << counts->attendance_recorded
            << " attendances recorded, " << counts->evaluations << " evaluations\n";
  return true;
}

// Three weeks of generated usage of the online school, up to yesterday,
// then the catalogue of its lessons and coverage targets (content_demo.h).
bool LoadWestos(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  wp::demo::UsageSettings settings;
  settings.days = 21;
  settings.first_day = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) - settings.days;
  absl::StatusOr<wp::demo::UsageLoadCounts> counts = wp::demo::LoadUsage(settings, channel, token);
  if (!counts.ok()) {
    std::cerr << "demo: westos: " << counts.status().message() << "\n";
    return false;
  }
  std::cout << "westos: " << counts->sent << " usage events of " << settings.users << " people over "
            << settings.days << " days (" << counts->accepted << " new, " << counts->duplicates
            << " already there)\n";
  absl::StatusOr<wp::demo::ContentLoadCounts> content =
      wp::demo::LoadContentDemo(settings.first_day + settings.days, channel, token);
  if (!content.ok()) {
    std::cerr << "demo: westos: " << content.status().message() << "\n";
    return false;
  }
  std::cout << "westos: content catalogue " << content->created << " new, " << content->updated << " updated, "
            << content->unchanged << " unchanged; " << content->targets_created << " coverage targets new\n";
  return true;
}

// One service's demo data: its name (as in --services), its default address
// and the function that loads its part once it answers SERVING, sending the
// bearer token with every call.
struct DemoPart {
  const char* service;
  const char* default_address;
  bool (*load)(const std::shared_ptr<grpc::Channel>& channel, const std::string& token);
};

// Every service with demo data, in loading order; a new service is one line.
// [START demo_parts]
const DemoPart kParts[] = {
    {"workstreams", "127.0.0.1:50052", LoadWorkstreams},
    {"governance", "127.0.0.1:50051", LoadGovernance},
    // Projects come from governance's plans over the bus.
    {"workstreams", "127.0.0.1:50052", LoadProjectPlans},
    {"workstreams", "127.0.0.1:50052", LoadCurrentPlan},
    {"westos", "127.0.0.1:50054", LoadWestos},
    // Reach needs populations of the usage's session; westos gets them over the bus.
    {"governance", "127.0.0.1:50051", wp::demo::LoadCurrentSessionPopulations},
    {"westos", "127.0.0.1:50054", wp::demo::LoadUsageTargets},
    // Programmes link to workstreams; learning hears of them over the bus.
    {"learning", "127.0.0.1:50053", LoadLearning},
};
// [END demo_parts]

// Each part's address: its default, then --services, then the older flags.
// A service named in --services without a demo part has nothing to load.
bool Addresses(std::map<std::string, std::string>* out) {
  for (const DemoPart& part : kParts) (*out)[part.service] = part.default_address;
  for (absl::string_view item : absl::StrSplit(absl::GetFlag(FLAGS_services), ',', absl::SkipWhitespace())) {
    std::vector<std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    if (kv.size() != 2 || kv[0].empty() || kv[1].empty()) {
      std::cerr << "demo: --services: \"" << item << "\" is not NAME=HOST:PORT\n";
      return false;
    }
    if (out->count(kv[0]) == 0) {
      std::cout << "demo: no demo data for " << kv[0] << "\n";
      continue;
    }
    (*out)[kv[0]] = kv[1];
  }
  if (!absl::GetFlag(FLAGS_server).empty()) (*out)["workstreams"] = absl::GetFlag(FLAGS_server);
  if (!absl::GetFlag(FLAGS_governance_server).empty()) {
    (*out)["governance"] = absl::GetFlag(FLAGS_governance_server);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_token).empty()) {
    const char* token = std::getenv("WP_TOKEN");
    if (token != nullptr) absl::SetFlag(&FLAGS_token, token);
  }
  std::map<std::string, std::string> addresses;
  if (!Addresses(&addresses)) return 2;
  // Every part runs even when one fails: they do not depend on each other.
  bool ok = true;
  for (const DemoPart& part : kParts) {
    const std::string& address = addresses[part.service];
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    if (!WaitServing(channel)) {
      std::cerr << "demo: the " << part.service << " service at " << address
                << " did not become SERVING (see --services)\n";
      ok = false;
      continue;
    }
    ok &= part.load(channel, absl::GetFlag(FLAGS_token));
  }
  std::cout << (ok ? "demo data loaded\n" : "demo data loaded with errors (see above)\n");
  return ok ? 0 : 1;
}
