// The demo data set the run command loads: the workstreams of the 2018-21
// and 2022-23 plans, a few 2022-23 tracker rows and one network with a
// coordinator in each of the eight authorities, and a forum at risk beside it. The 2018-21 tracker rows come
// from deploy/local/demo/tracker-2018-21.csv. Written for this project.
#ifndef WP_TOOLS_DEMO_DEMO_DATA_H_
#define WP_TOOLS_DEMO_DEMO_DATA_H_

#include <vector>

#include "absl/time/civil_time.h"

#include "wp/workstreams/v1/networks.pb.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::demo {

std::vector<workstreams::v1::Workstream> DemoWorkstreams();
std::vector<workstreams::v1::PlanItem> DemoPlanItems2022();
workstreams::v1::CreateNetworkRequest DemoNetwork();
workstreams::v1::NetworkMeeting DemoMeeting();

// The network sustainability demo, dated relative to `today` so it holds
// whatever day the demo is loaded: maths-leads (above) stays healthy with
// these three meetings of the last year; the ASN officers forum is at risk
// (5 of 8 authorities covered, one term ending within 90 days, one meeting
// in the last year against three expected, no action plan).
std::vector<workstreams::v1::NetworkMeeting> DemoMathsMeetings(absl::CivilDay today);
workstreams::v1::CreateNetworkRequest DemoAsnForum(absl::CivilDay today);
std::vector<workstreams::v1::NetworkMeeting> DemoAsnForumMeetings(absl::CivilDay today);

}  // namespace wp::demo

#endif  // WP_TOOLS_DEMO_DEMO_DATA_H_
