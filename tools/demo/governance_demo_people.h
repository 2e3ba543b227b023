// Internal to the governance demo: who is who in the region's governance
// (each authority's director, convener and finance representative, the
// partnership's officers and advisers, the lead officers' home authorities),
// the people and seats the demo creates, and the populations it records.
// Invented names; the bodies and their make-up follow domain.md.
//
// Thread-safe: pure functions.
#ifndef WP_TOOLS_DEMO_GOVERNANCE_DEMO_PEOPLE_H_
#define WP_TOOLS_DEMO_GOVERNANCE_DEMO_PEOPLE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "tools/demo/governance_demo.h"

namespace wp::demo::gov_demo {

inline constexpr char kSeniorPartnershipOfficer[] = "Janet McIntyre";
inline constexpr char kRicLead[] = "Elaine Carmichael";

// The director of the authority named in demo_data.h's sponsor labels
// ("Director, West Dunbartonshire"); empty when it names none.
std::string DirectorNamed(absl::string_view label);

// Display names of the Board's directors, less those `absent`.
std::vector<std::string> Directors(const std::vector<std::string>& absent = {});
// The conveners sitting before or after the May 2022 council elections.
std::vector<std::string> Conveners(bool after_2022_elections, const std::vector<std::string>& absent = {});
// The Finance Sub-Group's representatives, less those `absent`.
std::vector<std::string> FinanceReps(const std::vector<std::string>& absent);
// `names` and the Board's advisers (the professor too when `professor`).
std::vector<std::string> WithAdvisers(std::vector<std::string> names, bool professor = true);
// Who else attends the Committee.
const std::vector<std::string>& CommitteeOthers();

// Everyone above and the workstream lead officers, as people.
void AddPeople(GovernanceDemo& demo);
// Their seats on the Board, the Committee, the Implementation Group and the
// Finance Sub-Group.
void AddMemberships(GovernanceDemo& demo);
// Each authority's approximate figures for 2022-23.
void AddPopulations(GovernanceDemo& demo);

}  // namespace wp::demo::gov_demo

#endif  // WP_TOOLS_DEMO_GOVERNANCE_DEMO_PEOPLE_H_
