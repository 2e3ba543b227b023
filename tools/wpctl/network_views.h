// Specialist networks and forums as text: the list table, one network in
// full with its coordinators, action plan and sustainability, and the
// region's sustainability table. Thread-safe: pure functions.
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

// "healthy", "at risk", "lapsing"; "-" when unspecified.
std::string SustainabilityWord(v1::NetworkSustainabilityStatus status);
// The region view (wpctl networks health): status, network, coverage "5/8",
// meetings in the last 12 months against expected, plan current, top reason;
// then the counts per status.
std::string NetworkHealthText(const v1::ListNetworkSustainabilityResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_NETWORK_VIEWS_H_
