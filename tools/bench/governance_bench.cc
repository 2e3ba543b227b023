// Benchmark (not a test): how fast the governance service serves its cached
// aggregates, the budget summary and the meeting pack, beside the gRPC
// health check as the baseline (same server, client and concurrency); and
// how long each takes to compute on a cache miss.
//
// It starts its own nats-server, redis-server and governance service on free
// ports with a fresh data folder, loads a plan with budget lines, spends and
// a Board meeting with open actions through the API, measures, prints the
// figures and stops everything.
//
//   build/tools/bench/wp-bench-governance [--projects 40] [--years 5] [--actions 20]
//                                         [--concurrency 8] [--seconds 3] [--misses 20]
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/testing/server_process.h"
#include "libs/testing/service_process.h"
#include "libs/testing/test_tokens.h"
#include "tools/bench/throughput.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"

ABSL_FLAG(int, projects, 40, "projects per workstream, each with a budget line per year");
ABSL_FLAG(int, years, 5, "financial years of the plan (its session span), 1..9");
ABSL_FLAG(int, actions, 20, "open actions of the Board, all in the meeting pack");
ABSL_FLAG(int, concurrency, 8, "client threads issuing calls back to back");
ABSL_FLAG(int, seconds, 3, "length of each throughput run (each is run 3 times, alternating)");
ABSL_FLAG(int, misses, 20, "cache misses to time for each aggregate");
ABSL_FLAG(std::string, service_binary, WP_GOVERNANCE_BIN, "the governance service binary");

namespace {

namespace v1 = wp::governance::v1;
using wp::bench::Compare;
using wp::bench::Percentile;
using wp::bench::Print;
using wp::bench::RunResult;
using wp::bench::Throughput;

constexpr int kWorkstreams = 3;
constexpr int kFirstYear = 2020;

void Prepare(grpc::ClientContext* ctx) {
  static const std::string bearer = wp::testing::TestBearer(wp::auth::Role::kOfficer, "bench");
  ctx->AddMetadata("authorization", bearer);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(1));
}

// Runs one unary call as the officer and reports a failure on stderr.
template <typename Fn>
bool Call(const char* what, Fn fn) {
  grpc::ClientContext ctx;
  Prepare(&ctx);
  grpc::Status s = fn(&ctx);
  if (!s.ok()) std::fprintf(stderr, "%s failed: %s\n", what, s.error_message().c_str());
  return s.ok();
}

std::string FinancialYear(int offset) {
  const int year = kFirstYear + offset;
  return absl::StrCat(year, "-", absl::Dec((year + 1) % 100, absl::kZeroPad2));
}

std::string ProjectId(int workstream, int project) { return absl::StrCat("ws", workstream, "-p", project); }

wp::common::v1::Date Day(int y, int m, int d) {
  wp::common::v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

bool LoadBudget(v1::PlansService::Stub& plans, int projects, int years) {
  v1::CreatePlanRequest plan;
  plan.set_plan_id("bench");
  plan.mutable_plan()->set_title("Benchmark plan");
  plan.mutable_plan()->set_session_span(
      absl::StrCat(kFirstYear, "-", absl::Dec((kFirstYear + years) % 100, absl::kZeroPad2)));
  for (int w = 1; w <= kWorkstreams; ++w) {
    v1::PlanWorkstream* ws = plan.mutable_plan()->add_workstreams();
    ws->set_number(w);
    ws->set_title(absl::StrCat("Workstream ", w));
    for (int p = 1; p <= projects; ++p) {
      v1::PlanProject* project = plan.mutable_plan()->add_projects();
      project->set_id(ProjectId(w, p));
      project->set_title(absl::StrCat("Project ", p, " of workstream ", w));
      project->set_workstream_number(w);
    }
  }
  v1::Plan created;
  if (!Call("CreatePlan", [&](grpc::ClientContext* ctx) { return plans.CreatePlan(ctx, plan, &created); })) {
    return false;
  }
  int loaded = 0;
  for (int y = 0; y < years; ++y) {
    for (int w = 1; w <= kWorkstreams; ++w) {
      for (int p = 1; p <= projects; ++p) {
        v1::CreateBudgetLineRequest line;
        line.set_parent("plans/bench");
        line.set_budget_line_id(absl::StrCat(FinancialYear(y), "-", ProjectId(w, p)));
        line.mutable_budget_line()->set_financial_year(FinancialYear(y));
        line.mutable_budget_line()->set_workstream_number(w);
        line.mutable_budget_line()->set_project_id(ProjectId(w, p));
        line.mutable_budget_line()->set_title(absl::StrCat("Project ", p, " in ", FinancialYear(y)));
        line.mutable_budget_line()->set_allocated_pence(1000000 + 137 * p);
        line.set_approving_body("bodies/finance-sub-group");
        v1::BudgetLine stored;
        if (!Call("CreateBudgetLine",
                  [&](grpc::ClientContext* ctx) { return plans.CreateBudgetLine(ctx, line, &stored); })) {
          return false;
        }
        v1::RecordSpendRequest spend;
        spend.set_name(stored.name());
        spend.set_amount_pence(12345 + p);
        spend.set_description("Benchmark spend");
        *spend.mutable_spent_on() = Day(kFirstYear + y, 11, 1);
        if (!Call("RecordSpend", [&](grpc::ClientContext* ctx) { return plans.RecordSpend(ctx, spend, &stored); })) {
          return false;
        }
        if (++loaded % 100 == 0) std::fprintf(stderr, "loaded %d budget lines\n", loaded);
      }
    }
  }
  std::fprintf(stderr, "\n");
  return true;
}

bool LoadMeeting(v1::GovernanceService::Stub& gov, int actions, std::string* meeting_name) {
  v1::CreatePersonRequest person;
  person.set_person_id("bench-owner");
  person.mutable_person()->set_display_name("Benchmark Owner");
  v1::Person stored_person;
  if (!Call("CreatePerson", [&](grpc::ClientContext* ctx) { return gov.CreatePerson(ctx, person, &stored_person); })) {
    return false;
  }
  for (int i = 0; i < actions; ++i) {
    v1::CreateActionRequest action;
    action.set_parent("bodies/board");
    action.mutable_action()->set_description(absl::StrCat("Benchmark action ", i));
    action.mutable_action()->set_owner("people/bench-owner");
    *action.mutable_action()->mutable_due_date() = Day(2030, 1 + i % 12, 1 + i % 28);
    v1::Action stored;
    if (!Call("CreateAction", [&](grpc::ClientContext* ctx) { return gov.CreateAction(ctx, action, &stored); })) {
      return false;
    }
  }
  v1::ScheduleMeetingRequest meeting;
  meeting.set_parent("bodies/board");
  *meeting.mutable_meeting()->mutable_meeting_date() = Day(2030, 6, 12);
  for (int i = 0; i < 10; ++i) {
    v1::AgendaItem* item = meeting.mutable_meeting()->add_agenda_items();
    item->set_title(absl::StrCat("Agenda item ", i + 1));
    item->set_decision_required(i % 3 == 0);
  }
  v1::Meeting stored;
  if (!Call("ScheduleMeeting", [&](grpc::ClientContext* ctx) { return gov.ScheduleMeeting(ctx, meeting, &stored); })) {
    return false;
  }
  *meeting_name = stored.name();
  return true;
}

// Times `misses` calls of `aggregate`, each after `change` moved the data
// generation so that the call cannot be answered from the cache.
std::vector<double> MissTimes(int misses, const std::function<bool()>& change,
                              const std::function<bool()>& aggregate) {
  std::vector<double> ms;
  for (int i = 0; i < misses; ++i) {
    if (!change()) break;
    const absl::Time start = absl::Now();
    if (!aggregate()) break;
    ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
  }
  return ms;
}

void PrintMisses(const char* name, std::vector<double> ms) {
  if (ms.empty()) {
    std::printf("%s on a cache miss: no samples\n", name);
    return;
  }
  const double max = *std::max_element(ms.begin(), ms.end());
  std::printf("%s on a cache miss (%zu samples): p50 %.1f ms, max %.1f ms\n", name, ms.size(),
              Percentile(ms, 0.5), max);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int projects = absl::GetFlag(FLAGS_projects);
  const int years = std::clamp(absl::GetFlag(FLAGS_years), 1, 9);
  const int threads = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));

  wp::testing::NatsServer nats;
  wp::testing::RedisServer redis;
  if (!nats.Start().ok() || !redis.Start().ok()) {
    std::fprintf(stderr, "cannot start nats-server or redis-server\n");
    return 1;
  }
  wp::testing::ServiceOptions options;
  options.binary = absl::GetFlag(FLAGS_service_binary);
  options.data_dir = wp::testing::MakeTempDir("wp-bench-governance");
  options.nats_url = nats.url();
  options.redis_url = redis.url();
  options.extra_flags = {"--log_level=info"};
  wp::testing::ServiceProcess service(options);
  if (absl::Status s = service.Start(); !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }
  auto channel = service.channel();
  auto gov = v1::GovernanceService::NewStub(channel);
  auto plans = v1::PlansService::NewStub(channel);
  auto health = grpc::health::v1::Health::NewStub(channel);
  const absl::Time load_start = absl::Now();
  std::string meeting;
  if (!LoadBudget(*plans, projects, years) || !LoadMeeting(*gov, absl::GetFlag(FLAGS_actions), &meeting)) {
    return 1;
  }
  const double load_seconds = absl::ToDoubleSeconds(absl::Now() - load_start);
  absl::SleepFor(absl::Seconds(2));  // the relay and the service's own consumer catch up

  v1::GetBudgetSummaryRequest summary_request;
  summary_request.set_plan("plans/bench");
  v1::GetMeetingPackRequest pack_request;
  pack_request.set_name(meeting);
  const std::string partner = wp::testing::TestBearer(wp::auth::Role::kPartner, "bench");
  const std::string board = wp::testing::TestBearer(wp::auth::Role::kBoard, "bench");
  int64_t total_allocated = 0;
  int open_actions = 0;
  auto summary_call = [&] {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", partner);
    v1::BudgetSummary summary;
    const bool ok = plans->GetBudgetSummary(&ctx, summary_request, &summary).ok();
    total_allocated = summary.total().allocated_pence();
    return ok;
  };
  auto pack_call = [&] {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", board);
    v1::MeetingPack pack;
    const bool ok = gov->GetMeetingPack(&ctx, pack_request, &pack).ok();
    open_actions = pack.open_actions_size();
    return ok;
  };
  // A change that moves the data generation: a small spend on one line.
  int spends = 0;
  auto change = [&] {
    v1::RecordSpendRequest spend;
    spend.set_name(absl::StrCat("plans/bench/budgetLines/", FinancialYear(0), "-", ProjectId(1, 1)));
    spend.set_amount_pence(1);
    spend.set_description(absl::StrCat("Benchmark miss ", ++spends));
    *spend.mutable_spent_on() = Day(kFirstYear, 12, 1);
    v1::BudgetLine line;
    return Call("RecordSpend", [&](grpc::ClientContext* ctx) { return plans->RecordSpend(ctx, spend, &line); });
  };
  const int misses = absl::GetFlag(FLAGS_misses);
  const std::vector<double> summary_misses = MissTimes(misses, change, summary_call);
  const std::vector<double> pack_misses = MissTimes(misses, change, pack_call);

  auto health_call = [&] {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&ctx, request, &response).ok();
  };
  if (!summary_call() || !pack_call()) return 1;  // warm the keys the runs read
  Throughput(threads, absl::Seconds(1), health_call);  // warm-up: connections, threads
  const auto [summary_baseline, summary] = Compare(threads, duration, health_call, summary_call);
  const auto [pack_baseline, pack] = Compare(threads, duration, health_call, pack_call);

  const int lines = kWorkstreams * projects * years;
  std::printf("\ngovernance aggregates benchmark: %d budget lines (%d workstreams x %d projects x %d years, "
              "a spend each), a meeting pack with %d open actions; %d client threads, median of 3 "
              "alternating %d s runs\n",
              lines, kWorkstreams, projects, years, open_actions, threads, absl::GetFlag(FLAGS_seconds));
  std::printf("load through the API: %.1f s; summary total allocated %lld pence\n", load_seconds,
              static_cast<long long>(total_allocated));
  PrintMisses("budget summary", summary_misses);
  PrintMisses("meeting pack", pack_misses);
  std::printf("\nbudget summary of the whole plan, served from the cache:\n");
  Print("  health check (baseline)", summary_baseline);
  Print("  budget summary", summary);
  std::printf("  summary / health-check QPS: %.2f\n", summary.qps / summary_baseline.qps);
  std::printf("\nmeeting pack, served from the cache:\n");
  Print("  health check (baseline)", pack_baseline);
  Print("  meeting pack", pack);
  std::printf("  pack / health-check QPS: %.2f\n", pack.qps / pack_baseline.qps);
  service.Stop();
  redis.Stop();
  nats.Stop();
  return 0;
}
