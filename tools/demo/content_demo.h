// The demo's content catalogue and coverage targets: a catalogue entry for
// every lesson the usage generator uses (usage_generator.h: lesson-0001 to
// lesson-0120), the first hundred for the top ten senior-phase subjects and
// the rest broad general education, and a coverage target per senior-phase
// subject with deadlines around `today`, so that the coverage report shows
// targets met, met late, late, at risk and on track. Dates are relative to
// `today`; loading again on the same day changes nothing.
#ifndef WP_TOOLS_DEMO_CONTENT_DEMO_H_
#define WP_TOOLS_DEMO_CONTENT_DEMO_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "grpcpp/grpcpp.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::demo {

namespace content_v1 = wp::westos::v1;

// The catalogue as the CSV `content import` reads.
std::string DemoCatalogueCsv(absl::CivilDay today, int content_items = 120);

std::vector<content_v1::CoverageTarget> DemoCoverageTargets(absl::CivilDay today);

struct ContentLoadCounts {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int targets_created = 0;
};

// Imports the catalogue and creates the targets (those already there are
// kept); an error when a row is rejected or a call fails.
absl::StatusOr<ContentLoadCounts> LoadContentDemo(absl::CivilDay today, const std::shared_ptr<grpc::Channel>& channel,
                                                  const std::string& token);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_CONTENT_DEMO_H_
