// Reading the Board sponsors of a workstream. The governance service owns
// sponsorships; from_governance/sponsor_events.h keeps a copy of them in the
// board_sponsorships table as its events arrive, and this reads that table
// to show them on the workstream (Workstream.sponsors) while current.
//
// Thread-safety: as the Transaction passed in.
#ifndef WP_SERVICES_WORKSTREAMS_BOARD_SPONSOR_STORE_H_
#define WP_SERVICES_WORKSTREAMS_BOARD_SPONSOR_STORE_H_

#include <string>

#include "absl/status/status.h"
#include "libs/store/database.h"
#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

// Fills ws->sponsors with the sponsors current on `today` ("2026-11-23").
absl::Status AttachBoardSponsors(store::Transaction& tx, const std::string& today,
                                 v1::Workstream* ws);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_BOARD_SPONSOR_STORE_H_
