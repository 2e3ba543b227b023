// Which of the service's own events change what the tracker summary shows
// (the data generation follows these; libs/bus/generation_follower.h).
#ifndef WP_SERVICES_WORKSTREAMS_SUMMARY_EVENTS_H_
#define WP_SERVICES_WORKSTREAMS_SUMMARY_EVENTS_H_

#include "wp/common/v1/event.pb.h"

namespace wp::workstreams {

bool ChangesTrackerSummary(const wp::common::v1::Event& event);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_SUMMARY_EVENTS_H_
