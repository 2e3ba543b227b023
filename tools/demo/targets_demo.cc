#include "tools/demo/targets_demo.h"

#include <iostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "tools/demo/governance_demo.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/westos/v1/targets.grpc.pb.h"

namespace wp::demo {
namespace {

namespace wv1 = westos::v1;

constexpr int kUsageDays = 21;  // as demo_load_main.cc's LoadWestos

absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()); }

wp::common::v1::Date DateOf(absl::CivilDay day) {
  wp::common::v1::Date d;
  d.set_year(static_cast<int32_t>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

// "2026-27" for a day from August 2026 to July 2027, as governance names sessions.
std::string SessionOf(absl::CivilDay day) {
  const int64_t first = day.month() >= 8 ? day.year() : day.year() - 1;
  return absl::StrFormat("%04d-%02d", first, (first + 1) % 100);
}

void Prepare(grpc::ClientContext* ctx, const std::string& token) {
  ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
}

bool Check(const grpc::Status& s, const std::string& what) {
  if (s.ok() || s.error_code() == grpc::StatusCode::ALREADY_EXISTS) return true;
  std::cerr << "demo: " << what << ": " << s.error_message() << "\n";
  return false;
}

}  // namespace

wv1::CreateBaselineRequest DemoBaseline(absl::CivilDay today, int days) {
  const absl::CivilDay first = today - days;
  wv1::CreateBaselineRequest request;
  request.set_baseline_id("demo-mid-window");
  request.mutable_baseline()->set_title("The demo window's middle week (as the mid-January baseline)");
  *request.mutable_baseline()->mutable_from() = DateOf(first + 7);
  *request.mutable_baseline()->mutable_to() = DateOf(first + 13);
  return request;
}

std::vector<wv1::CreateTargetRequest> DemoTargets(absl::CivilDay today, int days) {
  const absl::CivilDay first = today - days;
  std::vector<wv1::CreateTargetRequest> out;
  wv1::CreateTargetRequest growth;
  growth.set_target_id("demo-users-up-200");
  growth.mutable_target()->set_title("Users up 200% from the baseline");
  growth.mutable_target()->set_kind(wv1::GROWTH);
  growth.mutable_target()->set_baseline("baselines/demo-mid-window");
  *growth.mutable_target()->mutable_start_date() = DateOf(first + 14);
  *growth.mutable_target()->mutable_deadline() = DateOf(today + 14);
  growth.mutable_target()->set_target_value(200);
  out.push_back(growth);
  wv1::CreateTargetRequest reach;
  reach.set_target_id("demo-reach-10");
  reach.mutable_target()->set_title("10% of the region's learners and teachers");
  reach.mutable_target()->set_kind(wv1::REACH);
  *reach.mutable_target()->mutable_start_date() = DateOf(first);
  *reach.mutable_target()->mutable_deadline() = DateOf(today + 14);
  reach.mutable_target()->set_target_value(10);
  out.push_back(reach);
  return out;
}

bool LoadCurrentSessionPopulations(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  const absl::CivilDay today = Today();
  const std::string session = SessionOf(today);
  auto stub = governance::v1::GovernanceService::NewStub(channel);
  bool ok = true;
  int sent = 0;
  for (governance::v1::Population population : BuildGovernanceDemo(today).populations) {
    population.set_name(absl::StrReplaceAll(population.name(), {{kDemoPopulationSession, session}}));
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    governance::v1::UpdatePopulationRequest request;
    *request.mutable_population() = population;
    request.set_allow_missing(true);
    governance::v1::Population updated;
    const bool done = Check(stub->UpdatePopulation(&ctx, request, &updated), "population " + population.name());
    ok &= done;
    sent += done;
  }
  std::cout << "governance: " << session << " population figures for " << sent
            << " authorities (the same as " << kDemoPopulationSession << "'s, for reach)\n";
  return ok;
}

bool LoadUsageTargets(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  const absl::CivilDay today = Today();
  auto stub = wv1::UsageTargetService::NewStub(channel);
  bool ok = true;
  {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    wv1::Baseline baseline;
    ok &= Check(stub->CreateBaseline(&ctx, DemoBaseline(today, kUsageDays), &baseline), "baseline");
  }
  for (const wv1::CreateTargetRequest& request : DemoTargets(today, kUsageDays)) {
    grpc::ClientContext ctx;
    Prepare(&ctx, token);
    wv1::Target target;
    ok &= Check(stub->CreateTarget(&ctx, request, &target), "target " + request.target_id());
  }
  std::cout << "westos: baseline baselines/demo-mid-window and targets demo-users-up-200, demo-reach-10 "
               "(wpctl usage target status)\n";
  return ok;
}

}  // namespace wp::demo
