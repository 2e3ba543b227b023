#include "services/workstreams/board_sponsor_store.h"

#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"

namespace wp::workstreams {

absl::Status AttachBoardSponsors(store::Transaction& tx, const std::string& today,
                                 v1::Workstream* ws) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(
      "SELECT person, display_name, sponsorship, start_day FROM board_sponsorships "
      "WHERE plan_period = ? AND workstream_number = ? AND start_day <= ? "
      "AND (end_day IS NULL OR end_day >= ?) ORDER BY start_day, sponsorship",
      {ws->plan_period(), static_cast<int64_t>(ws->number()), today, today}));
  ws->clear_sponsors();
  for (const store::Row& r : rows) {
    v1::BoardSponsor* sponsor = ws->add_sponsors();
    sponsor->set_person(r.Text(0));
    sponsor->set_display_name(r.Text(1));
    sponsor->set_sponsorship(r.Text(2));
    if (auto day = calendar::FromIsoText(r.Text(3))) *sponsor->mutable_start_date() = *day;
  }
  return absl::OkStatus();
}

}  // namespace wp::workstreams
