// GovernanceService resources as text: authorities and population figures,
// people, bodies and their members, meetings (with the meeting pack),
// decisions and actions. Names in tables are the short forms wpctl accepts
// back ("board/12"); `get` views show full names. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_GOVERNANCE_VIEWS_H_
#define WP_TOOLS_WPCTL_GOVERNANCE_VIEWS_H_

#include <string>

#include "google/protobuf/repeated_ptr_field.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::wpctl {

namespace gov = ::wp::governance::v1;

std::string AuthoritiesText(const gov::ListAuthoritiesResponse& response);
std::string PopulationText(const gov::Population& population);
// Warns when some authorities have no figures (the totals are then partial).
std::string RegionPopulationText(const gov::RegionPopulation& region);
// "Q1 138, Q2 52"; "-" when none is known.
std::string QuintilesText(const google::protobuf::RepeatedPtrField<gov::QuintileCount>& quintiles);

std::string PeopleText(const gov::ListPeopleResponse& response);

std::string BodiesText(const gov::ListBodiesResponse& response);
std::string BodyText(const gov::Body& body);
// "5 members, chair required".
std::string QuorumText(const gov::QuorumRule& rule);
std::string MembershipsText(const gov::ListMembershipsResponse& response);

std::string MeetingsText(const gov::ListMeetingsResponse& response);
std::string MeetingText(const gov::Meeting& meeting);
// The papers for a meeting: agenda, decisions due, open actions (overdue
// ones marked, as judged on the meeting date) and the previous meeting's
// decisions.
std::string MeetingPackText(const gov::MeetingPack& pack);

std::string DecisionsText(const gov::ListDecisionsResponse& response);
std::string ActionsText(const gov::ListActionsResponse& response);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_GOVERNANCE_VIEWS_H_
