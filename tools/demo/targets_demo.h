// The demo's reach, baseline and targets, after its generated usage
// (usage_loader.h: 21 days up to yesterday):
//   - population figures for the school session holding today, sent to the
//     governance service (the governance demo's own are for 2022-23), which
//     publishes them; westos takes them from the bus for reach;
//   - in westos, a baseline of the window's middle week and two targets in
//     the shape of the real ones: users up 200% from the baseline, and 10%
//     of the region's learners and teachers, both due two weeks from today.
// Safe to run again: the figures are unchanged and creates that happened
// already answer ALREADY_EXISTS.
#ifndef WP_TOOLS_DEMO_TARGETS_DEMO_H_
#define WP_TOOLS_DEMO_TARGETS_DEMO_H_

#include <memory>
#include <string>

#include "absl/time/civil_time.h"
#include "grpcpp/grpcpp.h"
#include "wp/westos/v1/targets.pb.h"

namespace wp::demo {

// The governance part: false when a call failed (reported on stderr).
bool LoadCurrentSessionPopulations(const std::shared_ptr<grpc::Channel>& channel, const std::string& token);
// The westos part: false when a call failed (reported on stderr).
bool LoadUsageTargets(const std::shared_ptr<grpc::Channel>& channel, const std::string& token);

// The baseline and targets for usage of `days` days up to the day before `today`.
westos::v1::CreateBaselineRequest DemoBaseline(absl::CivilDay today, int days);
std::vector<westos::v1::CreateTargetRequest> DemoTargets(absl::CivilDay today, int days);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_TARGETS_DEMO_H_
