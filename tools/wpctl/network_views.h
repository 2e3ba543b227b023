// Specialist networks and forums as text: the list table and one network in
// full with its coordinators and action plan. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_NETWORK_VIEWS_H_
#define WP_TOOLS_WPCTL_NETWORK_VIEWS_H_

#include <string>

#include "wp/workstreams/v1/networks.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;

// "specialist network", "forum", ...; "-" when unspecified.
std::string KindWord(v1::NetworkKind kind);

std::string NetworksText(const v1::ListNetworksResponse& response);
std::string NetworkText(const v1::Network& network);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_NETWORK_VIEWS_H_
